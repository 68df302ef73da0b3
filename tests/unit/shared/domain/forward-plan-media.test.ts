// The media port range (issue 12: "only when the device declares one, as a range rule, with the UDP warning"): a
// player that cannot take RTP over TCP needs the NVR's UDP range forwarded. Each title names what the user would
// lose if the rule broke: a hundred ports opened nobody asked for, a range the NVR does not use, or no warning that
// the video then crosses in the clear and cannot be proven from outside.
import { describe, expect, it } from 'vitest';
import { mediaRangeFor } from '../../../../src/shared/catalog/ports';
import {
  forwardPlanSchema,
  lastPort,
  planForwards,
  portsText,
  type ForwardInput,
  type ForwardPlan,
} from '../../../../src/shared/domain/forward-plan';
import { portRow as row } from '../../../support/port-row';

const QNAP_RANGE = { port: 6100, portEnd: 6199, source: 'QNAP manual' };

function plan(over: Partial<ForwardInput> = {}): ForwardPlan {
  const p = planForwards({
    deviceId: 'dev-qnap',
    address: '192.168.1.70',
    addressKept: true,
    rows: [row(443, 'https'), row(554, 'rtsp'), row(8000, 'sdk')],
    wants: { web: true, app: true, video: true, udpMedia: true },
    sources: ['198.51.100.0/24'],
    mediaRange: QNAP_RANGE,
    at: new Date('2026-12-05T10:00:00.000Z'),
    ...over,
  });
  expect(forwardPlanSchema.safeParse(p).success).toBe(true);
  return p;
}

const udp = (p: ForwardPlan) => p.rules.filter((r) => r.protocol === 'udp');
const note = (p: ForwardPlan, code: string) => p.notes.find((n) => n.code === code);

describe('the media range: a UDP range rule only when the NVR declares one and the user asks', () => {
  it('video over UDP asked and a range declared: one UDP rule for the whole range, same numbers, from the allowed sources', () => {
    const p = plan();
    expect(udp(p)).toEqual([
      {
        name: 'NVR video over UDP (RTP)',
        role: 'rtp',
        protocol: 'udp',
        externalPort: 6100,
        internalAddress: '192.168.1.70',
        internalPort: 6100,
        portCount: 100,
        sources: ['198.51.100.0/24'],
        why: expect.stringContaining('6100–6199, the same numbers outside (QNAP manual)') as string,
        said: { key: 'rules.said.why.rtp', params: { from: '6100', to: '6199', source: 'QNAP manual' } },
      },
    ]);
    // The TCP rules are as without the range.
    expect(p.rules.filter((r) => r.protocol === 'tcp').map((r) => r.externalPort)).toEqual([10443, 8000, 10554]);
  });

  it('the range comes with a warning: how many UDP ports, unencrypted, not provable from outside, and RTP over TCP instead', () => {
    const w = note(plan(), 'udp-range');
    expect(w?.severity).toBe('warning');
    expect(w?.text).toMatch(/^100 UDP ports \(6100–6199\) carry the video unencrypted/);
    expect(w?.text).toContain('no port checker can prove UDP from outside');
    expect(w?.text).toContain('"RTP over TCP"');
    expect(w?.text).toMatch(/the RTSP rule alone is enough and this range can go\.$/);
    expect(note(plan(), 'udp-media')).toBeUndefined();
  });

  it('a range declared but UDP not asked: no range rule, and the UDP advice names the range it would need', () => {
    for (const udpMedia of [false, undefined]) {
      const p = plan({ wants: { web: true, app: true, video: true, udpMedia } });
      expect(udp(p)).toEqual([]);
      expect(note(p, 'udp-range')).toBeUndefined();
      expect(note(p, 'udp-media')?.text).toMatch(
        /^Players that ask for video over UDP need the NVR’s range 6100–6199 \(UDP\)/,
      );
    }
  });

  it('UDP asked but no range declared: no rule (the ports are negotiated per session), the general advice', () => {
    for (const mediaRange of [null, undefined]) {
      const p = plan({ mediaRange });
      expect(udp(p)).toEqual([]);
      expect(note(p, 'udp-media')?.text).toMatch(
        /^Players that ask for video over UDP need more ports forwarded; choose "RTP over TCP"/,
      );
    }
  });

  it('no video asked, or no RTSP open: no range rule and no UDP note, whatever the range', () => {
    const noVideo = plan({ wants: { web: true, app: true, video: false, udpMedia: true } });
    const noRtsp = plan({ rows: [row(443, 'https'), row(8000, 'sdk')] });
    for (const p of [noVideo, noRtsp]) {
      expect(udp(p)).toEqual([]);
      expect(p.notes.filter((n) => n.code.startsWith('udp'))).toEqual([]);
    }
  });

  it('a high-risk TCP port on a number inside the range does not lend its warning to the UDP rule', () => {
    const risky = { ...row(6100, 'sdk'), state: 'closed' as const };
    const p = plan({
      rows: [
        row(443, 'https'),
        row(554, 'rtsp'),
        { ...risky, state: 'open', risk: { level: 'high', reasons: ['a TCP hole'] } },
      ],
      wants: { web: true, app: false, video: true, udpMedia: true },
    });
    expect(udp(p)).toHaveLength(1);
    expect(p.notes.filter((n) => n.code === 'risky-port')).toEqual([]);
  });
});

describe('the catalogue’s declared ranges and the range text', () => {
  it('QNAP and Vivotek declare their RTP ranges (with the source); Hikvision, an unknown brand and no brand declare none', () => {
    expect(mediaRangeFor('QNAP')).toMatchObject({ port: 6100, portEnd: 6199 });
    expect(mediaRangeFor('QNAP')!.source.length).toBeGreaterThan(3);
    expect(mediaRangeFor('Vivotek')).toMatchObject({ port: 5556, portEnd: 5559 });
    expect(mediaRangeFor('Hikvision')).toBeNull();
    expect(mediaRangeFor('No Such Brand')).toBeNull();
    expect(mediaRangeFor(null)).toBeNull();
    expect(mediaRangeFor('')).toBeNull();
  });

  it('a range rule reads "first-last" (or with the router’s separator), a single port its number', () => {
    expect(portsText(6100, { portCount: 100 })).toBe('6100-6199');
    expect(portsText(6100, { portCount: 100 }, ':')).toBe('6100:6199');
    expect(portsText(8000, {})).toBe('8000');
    expect(lastPort(6100, { portCount: 2 })).toBe(6101);
    expect(lastPort(8000, {})).toBe(8000);
  });
});
