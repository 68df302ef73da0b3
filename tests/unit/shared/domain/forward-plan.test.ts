// The Router rules step's plan (src/shared/domain/forward-plan.ts): which ports are forwarded, on which outside
// number, from which sources, and what the user is told about each risky choice. Each title names what the user
// would lose if the rule broke: a password sent in the clear, an admin page on 443 outside, a rule open to everyone
// that was meant for one office, a warning that never comes, or a private address taken as "where I connect from".
import { describe, expect, it } from 'vitest';
import type { PortRow } from '../../../../src/shared/domain/ports';
import { portRow as row } from '../../../support/port-row';
import {
  checkSource,
  externalFor,
  forwardPlanSchema,
  forwardWantsSchema,
  planForwards,
  type ForwardInput,
  type ForwardPlan,
} from '../../../../src/shared/domain/forward-plan';

const high = (reason: string) => ({ risk: { level: 'high' as const, reasons: [reason, 'second reason'] } });

/** A Hikvision-like NVR: HTTP 80, HTTPS 443, RTSP 554, SDK 8000, ONVIF on 80. */
const HIK: PortRow[] = [row(80, 'http'), row(443, 'https'), row(554, 'rtsp'), row(8000, 'sdk')];

const AT = new Date('2026-12-05T10:00:00.000Z');

function plan(over: Partial<ForwardInput> = {}): ForwardPlan {
  const p = planForwards({
    deviceId: 'dev-aa',
    address: '192.168.1.64',
    addressKept: true,
    rows: HIK,
    wants: { web: true, app: true, video: false },
    sources: ['198.51.100.0/24'],
    at: AT,
    ...over,
  });
  // Whatever the input, what main stores and sends must pass its own schema.
  expect(forwardPlanSchema.safeParse(p).success).toBe(true);
  return p;
}

const ports = (p: ForwardPlan) => p.rules.map((r) => [r.role, r.externalPort, r.internalPort]);
const codes = (p: ForwardPlan) => p.notes.map((n) => n.code);

describe('externalFor: an admin page never sits on a well-known port outside', () => {
  it('moves a well-known port (below 1024) to 10000 + it, and keeps the others', () => {
    expect(externalFor(443)).toBe(10443);
    expect(externalFor(80)).toBe(10080);
    expect(externalFor(554)).toBe(10554);
    expect(externalFor(1)).toBe(10001);
    expect(externalFor(1023)).toBe(11023);
    expect(externalFor(1024)).toBe(1024);
    expect(externalFor(8443)).toBe(8443);
    expect(externalFor(65535)).toBe(65535);
  });
});

describe('planForwards: the rules', () => {
  it('forwards the web page over HTTPS on 10443 and the SDK port on its own number — never plain HTTP, never RTSP unasked', () => {
    const p = plan();
    expect(p.rules).toEqual([
      {
        name: 'NVR Web page (HTTPS)',
        role: 'https',
        protocol: 'tcp',
        externalPort: 10443,
        internalAddress: '192.168.1.64',
        internalPort: 443,
        sources: ['198.51.100.0/24'],
        why: 'The web page, encrypted (HTTPS). Plain HTTP is never forwarded.',
        said: { key: 'rules.said.why.https' },
      },
      {
        name: 'NVR App/SDK port',
        role: 'sdk',
        protocol: 'tcp',
        externalPort: 8000,
        internalAddress: '192.168.1.64',
        internalPort: 8000,
        sources: ['198.51.100.0/24'],
        why: 'The phone app and viewer software (App/SDK port): same number outside, as the vendor requires.',
        said: { key: 'rules.said.why.app', params: { role: { key: 'ports.role.sdk' } } },
      },
    ]);
    expect(p.rules.some((r) => r.role === 'http' || r.internalPort === 80)).toBe(false);
  });

  it('echoes the device, its address, the wishes, the sources and the time the plan was made', () => {
    const wants = { web: true, app: false, video: true };
    const p = plan({ wants, deviceId: 'dev-bb', address: '10.0.0.9' });
    expect(p).toMatchObject({
      deviceId: 'dev-bb',
      address: '10.0.0.9',
      wants,
      sources: ['198.51.100.0/24'],
      madeAt: '2026-12-05T10:00:00.000Z',
    });
    expect(p.rules.every((r) => r.internalAddress === '10.0.0.9')).toBe(true);
  });

  it('an HTTPS page already on a high port keeps that number outside (no needless change for the user)', () => {
    const p = plan({ rows: [row(8443, 'https')], wants: { web: true, app: false, video: false } });
    expect(ports(p)).toEqual([['https', 8443, 8443]]);
    expect(codes(p)).not.toContain('external-differs');
  });

  it('leaves the web page out when the user did not ask for it, even with HTTPS open', () => {
    expect(ports(plan({ wants: { web: false, app: true, video: false } }))).toEqual([['sdk', 8000, 8000]]);
  });

  it('refuses plain HTTP as the web page: no rule, and a problem that says the password would cross unencrypted', () => {
    const p = plan({ rows: [row(80, 'http'), row(8000, 'sdk')] });
    expect(ports(p)).toEqual([['sdk', 8000, 8000]]);
    const note = p.notes.find((n) => n.code === 'no-https');
    expect(note?.severity).toBe('problem');
    expect(note?.text).toMatch(/plain HTTP/);
    expect(note?.text).toMatch(/password unencrypted/);
    expect(note?.text).toMatch(/Turn HTTPS on/);
  });

  it('says nothing about HTTPS when the web page was not asked for, or when HTTPS is there', () => {
    expect(
      codes(plan({ rows: [row(80, 'http'), row(8000, 'sdk')], wants: { web: false, app: true, video: false } })),
    ).not.toContain('no-https');
    expect(codes(plan())).not.toContain('no-https');
    // No web page at all (neither HTTP nor HTTPS open): nothing to warn about plain HTTP.
    expect(codes(plan({ rows: [row(8000, 'sdk')] }))).not.toContain('no-https');
  });

  it('forwards only open ports that have a role: a closed or filtered HTTPS, or an unknown open port, is no rule', () => {
    const p = plan({
      rows: [
        row(443, 'https', { state: 'closed' }),
        row(8000, 'sdk', { state: 'filtered' }),
        row(37777, null),
        row(80, 'http'),
      ],
      wants: { web: true, app: true, video: true },
    });
    expect(p.rules).toEqual([]);
    expect(codes(p)).toContain('no-https');
  });

  it('forwards every app port the vendor uses (SDK, phone app, media) on its own number, and nothing else for the app', () => {
    const p = plan({
      rows: [row(8000, 'sdk'), row(8200, 'mobile'), row(9000, 'media'), row(8999, 'onvif'), row(22, 'ssh')],
      wants: { web: false, app: true, video: false },
    });
    expect(ports(p)).toEqual([
      ['sdk', 8000, 8000],
      ['mobile', 8200, 8200],
      ['media', 9000, 9000],
    ]);
    expect(p.rules.map((r) => r.name)).toEqual(['NVR App/SDK port', 'NVR Phone-app port', 'NVR Media port']);
    expect(p.rules[1]!.why).toContain('(Phone-app port)');
  });

  it('forwards no app port when the user turned the app off', () => {
    expect(ports(plan({ wants: { web: true, app: false, video: false } }))).toEqual([['https', 10443, 443]]);
  });

  it('adds RTSP only when asked, on 10554, with a warning that video crosses in the clear and the UDP advice', () => {
    expect(codes(plan())).not.toContain('plain-video');
    const p = plan({ wants: { web: true, app: true, video: true } });
    expect(ports(p)).toEqual([
      ['https', 10443, 443],
      ['sdk', 8000, 8000],
      ['rtsp', 10554, 554],
    ]);
    expect(p.rules[2]!.why).toBe('Live video for other players (RTSP), as you asked.');
    expect(p.rules[2]!.name).toBe('NVR Video streams (RTSP)');
    const video = p.notes.find((n) => n.code === 'plain-video');
    expect(video?.severity).toBe('warning');
    expect(video?.text).toBe(
      'RTSP is not encrypted: the video and the login cross the internet in the clear. Prefer the phone app, or a VPN; ' +
        'keep RTSP only if a player outside really needs it, and limit it to the addresses you use.',
    );
    const udp = p.notes.find((n) => n.code === 'udp-media');
    expect(udp?.severity).toBe('info');
    expect(udp?.text).toMatch(/RTP over TCP/);
  });

  it('says nothing about RTSP when video was asked for but the NVR has no RTSP port open', () => {
    const p = plan({ rows: [row(443, 'https')], wants: { web: true, app: true, video: true } });
    expect(ports(p)).toEqual([['https', 10443, 443]]);
    expect(codes(p)).not.toContain('plain-video');
    expect(codes(p)).not.toContain('udp-media');
  });

  it('never makes two rules on one outside port (the router would refuse the second, or send it to the wrong one)', () => {
    // An SDK port on 10443 collides with HTTPS moved to 10443; a media port on 10554 with RTSP moved there.
    const p = plan({
      rows: [row(443, 'https'), row(10443, 'sdk'), row(554, 'rtsp'), row(10554, 'media')],
      wants: { web: true, app: true, video: true },
    });
    expect(ports(p)).toEqual([
      ['https', 10443, 443],
      ['media', 10554, 10554],
    ]);
    const outside = p.rules.map((r) => r.externalPort);
    expect(new Set(outside).size).toBe(outside.length);
  });

  it('carries the allowed sources to every rule and to the plan', () => {
    const sources = ['198.51.100.0/24', '203.0.113.7'];
    const p = plan({ sources, wants: { web: true, app: true, video: true } });
    expect(p.rules).toHaveLength(3);
    for (const r of p.rules) expect(r.sources).toEqual(sources);
    expect(p.sources).toEqual(sources);
  });
});

describe('planForwards: the notes', () => {
  it('names each forwarded port the Ports step judged high-risk, with its first reason and the outside number', () => {
    const p = plan({
      rows: [row(443, 'https', high('An admin page on the internet.')), row(8000, 'sdk', high('Scanners know it.'))],
    });
    expect(p.notes.filter((n) => n.code === 'risky-port')).toEqual([
      {
        code: 'risky-port',
        severity: 'warning',
        text: 'NVR Web page (HTTPS) (outside 10443): An admin page on the internet. A VPN reaches it without opening anything.',
        said: {
          key: 'rules.said.note.riskyPort',
          params: { name: 'NVR Web page (HTTPS)', port: '10443', reason: 'An admin page on the internet.' },
        },
      },
      {
        code: 'risky-port',
        severity: 'warning',
        text: 'NVR App/SDK port (outside 8000): Scanners know it. A VPN reaches it without opening anything.',
        said: {
          key: 'rules.said.note.riskyPort',
          params: { name: 'NVR App/SDK port', port: '8000', reason: 'Scanners know it.' },
        },
      },
    ]);
  });

  it('no risky-port note for a medium-risk port, nor for a high-risk port that is not forwarded', () => {
    const p = plan({
      rows: [
        row(443, 'https', { risk: { level: 'medium', reasons: ['Medium.'] } }),
        row(80, 'http', high('Plain HTTP.')),
        row(23, 'telnet', high('Telnet.')),
      ],
    });
    expect(codes(p)).not.toContain('risky-port');
  });

  it('a high-risk port with no reason given adds no empty note', () => {
    const p = plan({ rows: [row(8000, 'sdk', { risk: { level: 'high', reasons: [] } })] });
    expect(codes(p)).not.toContain('risky-port');
  });

  it('says there is nothing to forward when nothing fits — and not when the ports were never measured', () => {
    const none = plan({ rows: [row(80, 'http')], wants: { web: false, app: true, video: false } });
    expect(none.rules).toEqual([]);
    expect(none.notes).toEqual([
      {
        code: 'nothing-to-forward',
        severity: 'warning',
        text: expect.stringMatching(/no rule to enter.*VPN/),
        said: { key: 'rules.said.note.nothingToForward' },
      },
    ]);
    expect(codes(plan())).not.toContain('nothing-to-forward');
  });

  it('without a measurement: no rule and one problem that sends the user to the Ports step', () => {
    const p = plan({ rows: null, addressKept: false, sources: [] });
    expect(p.rules).toEqual([]);
    expect(p.notes).toEqual([
      {
        code: 'no-measurement',
        severity: 'problem',
        text: expect.stringMatching(/Ports step/),
        said: { key: 'rules.said.note.noMeasurement' },
      },
    ]);
    expect(codes(plan())).not.toContain('no-measurement');
  });

  it('lists each moved port outside (10443 → 443, 10554 → 554) and tells the user to use the outside number', () => {
    const p = plan({ wants: { web: true, app: true, video: true } });
    const note = p.notes.find((n) => n.code === 'external-differs');
    expect(note?.severity).toBe('info');
    expect(note?.text).toContain('(e.g. 10443 → 443, 10554 → 554)');
    expect(note?.text).toMatch(/Use the outside number/);
    expect(codes(plan({ wants: { web: false, app: true, video: false } }))).not.toContain('external-differs');
  });

  it('warns that rules with no allowed source are open to the whole internet; not when sources are given or there is no rule', () => {
    const open = plan({ sources: [] });
    expect(open.notes.find((n) => n.code === 'any-source')).toEqual({
      code: 'any-source',
      severity: 'warning',
      text:
        'These rules are open to the whole internet. If you always connect from known addresses (your office, a phone ' +
        'plan with a fixed address), give them and the router lets only those in.',
      said: { key: 'rules.said.note.anySource' },
    });
    expect(codes(plan())).not.toContain('any-source');
    expect(
      codes(plan({ sources: [], rows: [row(80, 'http')], wants: { web: false, app: true, video: false } })),
    ).not.toContain('any-source');
  });

  it('an NVR address that can change is a problem; one not checked yet is a warning; a kept one is silent', () => {
    const changing = plan({ addressKept: false }).notes.find((n) => n.code === 'address-not-kept');
    expect(changing?.severity).toBe('problem');
    expect(changing?.text).toBe(
      'The NVR’s address (192.168.1.64) can change (DHCP): the rules would then point at nothing. Fix it in the Static IP step first.',
    );
    const unchecked = plan({ addressKept: null }).notes.find((n) => n.code === 'address-not-kept');
    expect(unchecked?.severity).toBe('warning');
    expect(unchecked?.text).toBe(
      'It is not checked yet that the NVR keeps 192.168.1.64 (Static IP step): the rules point at that address.',
    );
    expect(codes(plan({ addressKept: true }))).not.toContain('address-not-kept');
  });

  it('says nothing about the address when there is no rule to point at it', () => {
    const p = plan({ addressKept: false, rows: [row(80, 'http')], wants: { web: false, app: true, video: false } });
    expect(codes(p)).toEqual(['nothing-to-forward']);
  });

  it('orders the notes problem → warning → info, each group in the order the plan found them', () => {
    const p = plan({
      rows: [row(80, 'http'), row(554, 'rtsp'), row(8000, 'sdk', high('Scanners know it.'))],
      wants: { web: true, app: true, video: true },
      sources: [],
      addressKept: false,
    });
    expect(p.notes.map((n) => [n.severity, n.code])).toEqual([
      ['problem', 'no-https'],
      ['problem', 'address-not-kept'],
      ['warning', 'plain-video'],
      ['warning', 'risky-port'],
      ['warning', 'any-source'],
      ['info', 'udp-media'],
      ['info', 'external-differs'],
    ]);
  });

  it('keeps at most 16 notes, the problems first', () => {
    const many = Array.from({ length: 15 }, (_, i) => row(9000 + i, 'media', high(`Risk ${i}.`)));
    const p = planForwards({
      deviceId: 'dev-aa',
      address: '192.168.1.64',
      addressKept: false,
      rows: many,
      wants: { web: false, app: true, video: false },
      sources: [],
      at: AT,
    });
    expect(p.rules).toHaveLength(15);
    expect(p.notes).toHaveLength(16);
    expect(p.notes[0]!.code).toBe('address-not-kept');
    expect(p.notes.slice(1).every((n) => n.code === 'risky-port')).toBe(true);
    expect(codes(p)).not.toContain('any-source');
  });
});

describe('the wishes', () => {
  it('the phone app is on unless turned off; the web page and video must be said', () => {
    expect(forwardWantsSchema.parse({ web: false, video: false })).toEqual({ web: false, app: true, video: false });
    expect(forwardWantsSchema.safeParse({ app: true }).success).toBe(false);
  });
});

describe('checkSource: only an internet address or network is an allowed source', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['198.51.100.7/32', '198.51.100.7'],
    ['198.51.100.0/24', '198.51.100.0/24'],
    ['198.51.100.6/31', '198.51.100.6/31'],
    ['8.0.0.0/8', '8.0.0.0/8'],
    ['203.0.113.128/25', '203.0.113.128/25'],
    ['  203.0.113.0/24\t', '203.0.113.0/24'],
    // Next to the private ranges, but not in them.
    ['9.255.255.255', '9.255.255.255'],
    ['11.0.0.0/8', '11.0.0.0/8'],
    ['126.0.0.1', '126.0.0.1'],
    ['128.0.0.1', '128.0.0.1'],
    ['172.15.255.255', '172.15.255.255'],
    ['172.32.0.0/16', '172.32.0.0/16'],
    ['192.167.0.1', '192.167.0.1'],
    ['192.169.0.0/16', '192.169.0.0/16'],
    ['171.16.0.1', '171.16.0.1'],
    ['193.168.0.1', '193.168.0.1'],
  ])('accepts %j as %j', (text, cidr) => {
    expect(checkSource(text)).toEqual({ ok: true, cidr });
  });

  it.each([
    '10.0.0.0/8',
    '10.1.2.3',
    '10.255.255.255',
    '172.16.0.0/12',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.0/16',
    '192.168.1.7',
    '127.0.0.0/8',
    '127.0.0.1',
  ])('refuses the private %j: the user must give the address they connect from on the internet', (text) => {
    expect(checkSource(text)).toEqual({
      ok: false,
      error: `${text} is a private address: give the address you connect from on the internet.`,
      said: { key: 'rules.said.source.private', params: { text } },
    });
  });

  it.each(['8.0.0.0/7', '0.0.0.0/0', '198.51.100.0/33', '198.51.100.7/99'])(
    'refuses %j: a network between /8 and /32 only (a shorter one is most of the internet)',
    (text) => {
      expect(checkSource(text)).toEqual({
        ok: false,
        error: `${text}: a network between /8 and /32, please (a shorter one is most of the internet).`,
        said: { key: 'rules.said.source.prefix', params: { text } },
      });
    },
  );

  it('refuses a network given by an address inside it, and says which network was meant', () => {
    expect(checkSource('198.51.100.1/24')).toEqual({
      ok: false,
      error: '198.51.100.1/24 is not the start of a /24 network (did you mean 198.51.100.0/24?).',
      said: {
        key: 'rules.said.source.notStart',
        params: { text: '198.51.100.1/24', prefix: '24', network: '198.51.100.0' },
      },
    });
    expect(checkSource('203.0.113.200/25')).toEqual({
      ok: false,
      error: '203.0.113.200/25 is not the start of a /25 network (did you mean 203.0.113.128/25?).',
      said: expect.objectContaining({ key: 'rules.said.source.notStart' }),
    });
    expect(checkSource('8.8.8.8/8')).toEqual({
      ok: false,
      error: '8.8.8.8/8 is not the start of a /8 network (did you mean 8.0.0.0/8?).',
      said: expect.objectContaining({ key: 'rules.said.source.notStart' }),
    });
    expect(checkSource('198.51.100.7/31')).toEqual({
      ok: false,
      error: '198.51.100.7/31 is not the start of a /31 network (did you mean 198.51.100.6/31?).',
      said: expect.objectContaining({ key: 'rules.said.source.notStart' }),
    });
  });

  it.each([
    '',
    '   ',
    'example.com',
    '198.51.100',
    '198.51.100.7.1',
    '256.1.1.1',
    '198.51.100.7/',
    '198.51.100.0/024',
    '1.2.3.4 /24',
    '-1.2.3.4',
    '1.2.3.4/24x',
    'x1.2.3.4',
  ])('refuses %j: not an IPv4 address or network, with an example of one', (text) => {
    expect(checkSource(text)).toEqual({
      ok: false,
      error: `"${text.trim()}" is not an IPv4 address or network (e.g. 198.51.100.7 or 198.51.100.0/24).`,
      said: { key: 'rules.said.source.notAddress', params: { text: text.trim() } },
    });
  });

  it('quotes at most 40 characters of what was typed', () => {
    const r = checkSource(`${'x'.repeat(100)}`);
    expect(r).toEqual({
      ok: false,
      error: `"${'x'.repeat(40)}" is not an IPv4 address or network (e.g. 198.51.100.7 or 198.51.100.0/24).`,
      said: { key: 'rules.said.source.notAddress', params: { text: 'x'.repeat(40) } },
    });
  });

  // A part with a leading zero is read as decimal here but as octal by nft and iptables (nft loads "198.051.100.7"
  // as 198.41.100.7): the address is handed on in its plain form.
  it('never hands on an address with a leading zero, which routers read as octal (another address)', () => {
    expect(checkSource('198.051.100.7')).toEqual({ ok: true, cidr: '198.51.100.7' });
    expect(checkSource('012.1.2.0/24')).toEqual({ ok: true, cidr: '12.1.2.0/24' }); // what the user saw checked
  });

  it.each(['0.1.2.3', '100.64.1.2', '100.127.0.0/16', '169.254.1.1', '224.0.0.1', '240.0.0.0/8'])(
    '%s is not an address anyone connects from on the internet: refused',
    (text) => {
      const r = checkSource(text);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toContain('is not an address anyone connects from on the internet');
    },
  );
  it.each([
    ['100.63.255.255', '100.63.255.255'],
    ['100.128.0.0/16', '100.128.0.0/16'],
    ['223.255.255.255', '223.255.255.255'],
  ])('%s, next to a reserved range, is allowed', (text, cidr) => expect(checkSource(text)).toEqual({ ok: true, cidr }));
});
