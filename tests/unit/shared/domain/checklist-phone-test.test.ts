import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { phoneTest } from '../../../../src/shared/domain/checklist-phone-test';
import { fullRecord } from './checklist-fixture';

const checklist = buildChecklist(fullRecord(), { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '1.2.3' });
type Names = (typeof checklist)['ddns']['names'];
type Rules = NonNullable<(typeof checklist)['forwardRules']>['rules'];
const name = (host: string, outcome: string): Names[number] => ({
  host,
  provider: 'duckdns',
  address: null,
  successAt: null,
  outcome,
});
const rule = (over: Partial<Rules[number]>): Rules[number] => ({
  name: 'NVR Web page (HTTPS)',
  protocol: 'tcp',
  externalPort: 10443,
  internalAddress: '192.168.1.20',
  internalPort: 443,
  portCount: 1,
  sources: [],
  why: '',
  ...over,
});
const test = (names: Names, rules: Rules | null) =>
  phoneTest({
    ddns: { ...checklist.ddns, names },
    forwardRules: rules && { ...checklist.forwardRules!, rules },
  });

describe('phoneTest: what the checklist’s QR code holds for the test from a phone on mobile data', () => {
  it('the NVR’s page through the HTTPS rule, on the DDNS name the provider took', () => {
    const t = test([name('old.duckdns.org', 'auth'), name('mynvr.duckdns.org', 'updated')], [rule({})]);
    expect(t?.text).toBe('https://mynvr.duckdns.org:10443/');
    expect(t?.words).toContain('mobile data (Wi-Fi off)');
    expect(t?.words).toContain('https://mynvr.duckdns.org:10443/');
    // Port 443 outside: no port in the address; a rule named HTTPS to another inside port counts too.
    expect(test([name('a.example', 'unchanged')], [rule({ externalPort: 443 })])?.text).toBe('https://a.example/');
    expect(test([name('a.example', 'updated')], [rule({ internalPort: 8443, externalPort: 18443 })])?.text).toBe(
      'https://a.example:18443/',
    );
  });

  it('no HTTPS rule (plain HTTP is never forwarded; a UDP or ranged rule is no page): the name, for the maker’s app', () => {
    const rules = [
      rule({ name: 'NVR App/SDK port', internalPort: 8000, externalPort: 8000 }),
      rule({ protocol: 'udp' }),
      rule({ portCount: 100 }),
    ];
    const t = test([name('mynvr.duckdns.org', 'updated')], rules);
    expect(t?.text).toBe('mynvr.duckdns.org');
    expect(t?.words).toContain('give mynvr.duckdns.org to the NVR maker’s app');
    expect(test([name('b.example', 'auth')], null)?.text).toBe('b.example');
  });

  it('the name the provider left unchanged beats an earlier one it refused: the phone is not sent to a name never pointed here', () => {
    const t = test([name('old.duckdns.org', 'auth'), name('mynvr.duckdns.org', 'unchanged')], [rule({})]);
    expect(t?.text).toBe('https://mynvr.duckdns.org:10443/');
  });

  it('a rule to the NVR’s port 443 is its page whatever the rule is called: the phone opens the page, not only the app', () => {
    const t = test([name('mynvr.duckdns.org', 'updated')], [rule({ name: 'NVR web page', externalPort: 10443 })]);
    expect(t?.text).toBe('https://mynvr.duckdns.org:10443/');
  });

  it('no DDNS name: no phone test', () => {
    expect(test([], [rule({})])).toBeNull();
  });
});
