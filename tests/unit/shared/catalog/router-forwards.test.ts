import { describe, expect, it } from 'vitest';
import { FORWARD_PAGE_IDS, FORWARD_PAGES, type StepRule } from '../../../../src/shared/catalog/router-forwards';
import { forwardSteps } from '../../../../src/shared/catalog/router-forwards-steps';
import { ROUTER_FAMILIES } from '../../../../src/shared/domain/rule-commands';
import { routerCommands } from '../../../../src/shared/domain/router-commands';
import type { ForwardPlan } from '../../../../src/shared/domain/forward-plan';

const rules: StepRule[] = [
  {
    name: 'NVR Web page (HTTPS)',
    protocol: 'tcp',
    externalPort: 10443,
    internalAddress: '192.168.1.64',
    internalPort: 443,
    sources: ['198.51.100.0/24'],
  },
  {
    name: 'NVR App/SDK port',
    protocol: 'tcp',
    externalPort: 8000,
    internalAddress: '192.168.1.64',
    internalPort: 8000,
    sources: ['198.51.100.0/24'],
  },
];
const page = (id: string) => FORWARD_PAGES.find((p) => p.id === id)!;

describe('numbered steps for a router’s forward page, with the plan’s exact values', () => {
  it('every family the issue names is there once, with a source, in the order offered', () => {
    expect(FORWARD_PAGES.map((p) => p.id)).toEqual([...FORWARD_PAGE_IDS]);
    for (const id of ['tp-link', 'asus', 'netgear', 'linksys', 'fritzbox', 'unifi', 'openwrt-luci', 'isp'])
      expect(FORWARD_PAGE_IDS, id).toContain(id);
    for (const p of FORWARD_PAGES) expect(p.source, p.id).toMatch(/ROUTERS\.md|^https:\/\//);
  });

  it('ASUS: where to go, each rule in ASUS’s field names with its source limit, then Apply', () => {
    expect(forwardSteps(page('asus'), rules)).toEqual([
      '1. Open the router’s page in a browser and log in; go to Advanced Settings > WAN > Virtual Server / Port Forwarding > Add profile (older firmware: the list and "+").',
      '2. Add a rule — Service Name: NVR Web page (HTTPS); Port Range: 10443; Local IP: 192.168.1.64; Local Port: 443; Protocol: TCP; Source IP: 198.51.100.0/24.',
      '3. Add a rule — Service Name: NVR App/SDK port; Port Range: 8000; Local IP: 192.168.1.64; Local Port: 8000; Protocol: TCP; Source IP: 198.51.100.0/24.',
      '4. Press Apply after adding.',
    ]);
  });

  it('a router that cannot limit sources says the rules are open to everyone; without sources it says nothing of it', () => {
    const tp = forwardSteps(page('tp-link'), rules);
    expect(tp.at(-2)).toMatch(/^5\. This router cannot limit a forward to your addresses/);
    expect(tp[1]).not.toContain('198.51.100.0/24');
    const open = forwardSteps(
      page('tp-link'),
      rules.map((r) => ({ ...r, sources: [] })),
    );
    expect(open.join('\n')).not.toContain('cannot limit');
    expect(open.at(-2)).toBe('4. Save.');
  });

  it('where a family offers port triggering (TP-Link, Netgear), its last step says why it does not fit an NVR', () => {
    for (const id of ['tp-link', 'netgear']) {
      const steps = forwardSteps(page(id), rules);
      expect(steps.at(-1), id).toMatch(/^\d+\. Leave .*Port Triggering alone\. Port triggering is not for an NVR/);
      expect(steps.at(-1), id).toContain('An NVR never calls out first');
      expect(page(id).triggering!.source, id).toMatch(/ROUTERS\.md §1\.[13] \(https:/);
    }
    for (const id of ['asus', 'linksys', 'fritzbox', 'isp'])
      expect(forwardSteps(page(id), rules).join('\n'), id).not.toContain('triggering');
  });

  it('a range rule (a media range) shows its first and last port in both fields', () => {
    const range: StepRule = {
      ...rules[1]!,
      name: 'NVR video over UDP (RTP)',
      protocol: 'udp',
      externalPort: 6100,
      internalPort: 6100,
      portCount: 100,
    };
    expect(forwardSteps(page('netgear'), [range])[1]).toBe(
      '2. Add a rule — Service Name: NVR video over UDP (RTP); External port range: 6100-6199; Internal IP address: 192.168.1.64; Internal port range: 6100-6199; Protocol: UDP.',
    );
  });

  it('an unconfirmed path is “look for”, never stated as fact', () => {
    expect(forwardSteps(page('isp'), rules)[0]).toContain('; go to look for "Port Forwarding"');
    expect(forwardSteps(page('netgear'), rules)[0]).not.toContain('look for');
  });

  it('rules --router <family> gives these steps for every family with a page, under a line naming the source', () => {
    const plan = { rules, sources: ['198.51.100.0/24'] } as unknown as ForwardPlan;
    for (const id of FORWARD_PAGE_IDS) {
      expect(ROUTER_FAMILIES).toContain(id);
      const text = routerCommands(id, plan).split('\n');
      expect(text[0]).toBe(`# ${page(id).family}: menus differ by firmware (source: ${page(id).source})`);
      expect(text.slice(1)).toEqual(forwardSteps(page(id), rules));
    }
  });
});
