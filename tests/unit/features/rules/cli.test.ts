// What `nvr-assist rules` prints (renderPlan, src/main/features/rules/cli.ts): the rules as a table the user copies
// into the router, why each one is there, every note in its own words and severity, and how to get the commands.
// The plans come from planForwards itself, so the text is what a user of today's rules reads.
import { describe, expect, it } from 'vitest';
import { renderPlan } from '../../../../src/main/features/rules/cli';
import { planForwards, type ForwardInput } from '../../../../src/shared/domain/forward-plan';
import { createTranslator } from '../../../../src/shared/i18n';
import { portRow as row } from '../../../support/port-row';

const input = (over: Partial<ForwardInput> = {}): ForwardInput => ({
  deviceId: 'dev-aa',
  address: '192.168.1.64',
  addressKept: true,
  rows: [row(80, 'http'), row(443, 'https'), row(554, 'rtsp'), row(8000, 'sdk')],
  wants: { web: true, app: true, video: false },
  sources: ['198.51.100.0/24', '203.0.113.7'],
  at: new Date('2026-12-05T10:00:00Z'),
  ...over,
});

describe('renderPlan', () => {
  it('prints the rules as a table to copy into the router: outside port, address, inside port and allowed sources', () => {
    const lines = renderPlan(planForwards(input())).split('\n');
    expect(lines.slice(0, -1)).toEqual([
      'Forward rules for the NVR at 192.168.1.64 (web page, phone app; from 198.51.100.0/24, 203.0.113.7):',
      '',
      'NAME                  PROTOCOL  OUTSIDE PORT  TO ADDRESS    TO PORT  FROM',
      'NVR Web page (HTTPS)  TCP       10443         192.168.1.64  443      198.51.100.0/24, 203.0.113.7',
      'NVR App/SDK port      TCP       8000          192.168.1.64  8000     198.51.100.0/24, 203.0.113.7',
      '',
      '  NVR Web page (HTTPS): The web page, encrypted (HTTPS). Plain HTTP is never forwarded.',
      '  NVR App/SDK port: The phone app and viewer software (App/SDK port): same number outside, as the vendor requires.',
      '',
      'Note: Some outside ports differ from the NVR’s own (e.g. 10443 → 443): a well-known port is never opened outside. Use the outside number in the app and the browser.',
      '',
      "Instead of forwarding the NVR's web page, a reverse proxy in front of it: nvr-assist rules --proxy caddy|nginx [--host <name>] [--user <name>]",
    ]);
    // The last line says how to get the commands for the user's router (its wording and the list of routers grow).
    const families = /nvr-assist rules --router (\S+) \[--wan <interface>\]$/.exec(lines.at(-1)!)?.[1]?.split('|');
    expect(families).toEqual(expect.arrayContaining(['nftables', 'iptables', 'openwrt', 'mikrotik']));
  });

  it('names the reverse proxy only when the plan exposes the web page', () => {
    const hint = 'nvr-assist rules --proxy caddy|nginx';
    expect(renderPlan(planForwards(input()))).toContain(hint);
    expect(renderPlan(planForwards(input({ wants: { web: false, app: true, video: false } })))).not.toContain(hint);
  });

  it('says "anywhere" for rules with no allowed source, in the heading and in each row', () => {
    const text = renderPlan(planForwards(input({ sources: [] })));
    expect(text).toContain('(web page, phone app; from anywhere):');
    expect(text).toMatch(/^NVR Web page \(HTTPS\) +TCP +10443 +192\.168\.1\.64 +443 +anywhere$/m);
    expect(text).toMatch(/^NVR App\/SDK port +TCP +8000 +192\.168\.1\.64 +8000 +anywhere$/m);
    expect(text).toContain('Warning: These rules are open to the whole internet.');
  });

  it('names each wish, live video as RTSP, and says when nothing was asked for', () => {
    expect(renderPlan(planForwards(input({ wants: { web: false, app: false, video: true } })))).toMatch(
      /^Forward rules for the NVR at 192\.168\.1\.64 \(live video \(RTSP\); from /,
    );
    expect(renderPlan(planForwards(input({ wants: { web: true, app: true, video: true } })))).toMatch(
      /\(web page, phone app, live video \(RTSP\); from /,
    );
    expect(renderPlan(planForwards(input({ wants: { web: false, app: false, video: false } })))).toMatch(
      /\(nothing asked for; from /,
    );
  });

  it('with no rule, says "No rule." and prints no table — the notes say why', () => {
    const text = renderPlan(
      planForwards(input({ rows: [row(80, 'http')], wants: { web: true, app: true, video: false } })),
    );
    expect(text).toContain('\nNo rule.\n');
    expect(text).not.toContain('OUTSIDE PORT');
    expect(text).toContain('Problem: The NVR’s web page answers only over plain HTTP');
    expect(text).toContain('Warning: Nothing the NVR offers fits what you asked for safely');
  });

  it('prints every note with its severity in words, problems first', () => {
    const text = renderPlan(
      planForwards(
        input({
          rows: [row(80, 'http'), row(554, 'rtsp'), row(8000, 'sdk')],
          wants: { web: true, app: true, video: true },
          addressKept: false,
        }),
      ),
    );
    const notes = text.split('\n').filter((l) => /^(Problem|Warning|Note): /.test(l));
    expect(notes.map((l) => l.split(':')[0])).toEqual(['Problem', 'Problem', 'Warning', 'Note', 'Note']);
    expect(notes[1]).toContain('The NVR’s address (192.168.1.64) can change (DHCP)');
    expect(notes[2]).toContain('Warning: RTSP is not encrypted');
  });

  it('a rule name from a hostile plan reaches the terminal as one line without control characters', () => {
    const plan = planForwards(input());
    plan.rules[0]!.name = 'NVR \u001b[31mred\u001b[0m\nnext';
    const lines = renderPlan(plan).split('\n');
    // The table: its header and two rows, still followed by the blank line before the reasons.
    expect(lines[3]).toMatch(/^NVR .*red.*next +TCP +10443 /);
    expect(lines[5]).toBe('');
    for (const line of lines.slice(2, 5))
      expect([...line].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toBe(false);
  });
});

describe('renderPlan in the terminal’s language', () => {
  const xa = createTranslator('en-XA');
  const plan = planForwards(
    input({
      rows: [
        row(443, 'https', { risk: { level: 'high', reasons: ['An admin page on the internet.'] } }),
        row(8000, 'sdk'),
      ],
      wants: { web: true, app: true, video: false },
      sources: [],
      addressKept: false,
    }),
  );

  it('says each reason and note main said by key in en-XA (the port’s role too), values as they came', () => {
    const text = renderPlan(plan, xa.t);
    for (const sentence of [...plan.rules.map((r) => r.why), ...plan.notes.map((n) => n.text)])
      expect(text).not.toContain(sentence);
    expect(text).toContain(`  NVR Web page (HTTPS): ${xa.t('rules.said.why.https')}`);
    expect(text).toContain(`  NVR App/SDK port: ${xa.t('rules.said.why.app', { role: xa.t('ports.role.sdk') })}`);
    expect(text).toContain(xa.t('rules.said.note.addressMoves', { address: '192.168.1.64' }));
    expect(text).toContain(xa.t('rules.said.note.externalDiffers', { ports: '10443 → 443' }));
    // The Ports step's reason is its own English sentence (not said by key there): passed on as it is.
    expect(text).toContain(
      xa.t('rules.said.note.riskyPort', {
        name: 'NVR Web page (HTTPS)',
        port: '10443',
        reason: 'An admin page on the internet.',
      }),
    );
    expect(text).not.toMatch(/can change \(DHCP\)|same number outside|open to the whole internet/);
  });

  it('in English: main’s sentences, as the JSON keeps them', () => {
    const text = renderPlan(plan, createTranslator('en').t);
    for (const sentence of [...plan.rules.map((r) => r.why), ...plan.notes.map((n) => n.text)])
      expect(text).toContain(sentence);
  });
});
