// Turning the NVR's HTTPS on (ONVIF SetNetworkProtocols through the change engine) against the lab simulator's device
// code (its logins, GetNetworkProtocols and SetNetworkProtocols, no network), with a fake TLS handshake that answers
// only while the device has HTTPS on. What is asserted is the user's harm: whether the NVR's HTTPS is on at the end
// (read from the device itself), that the verdict says so truthfully, and that a failed check leaves HTTPS off as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { turnHttpsOn } from '../../../../src/main/services/security/https-on';
import type { HttpTransport } from '../../../../src/main/transport/http';
import type { TcpExchange } from '../../../../src/main/transport/tcp';
import { judgeHttpsOn } from '../../../../src/shared/domain/security-https-on';
import { Device, handleOnvif } from '../../../lab/sim/testing.mjs';

const ADDRESS = '192.168.1.64';
const URL_ = new URL(`http://${ADDRESS}/onvif/device_service`);
const LOGIN = { username: 'admin', password: 'Lab-Admin-2024' };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Reply = { status?: number; headers?: object; body?: string };
function soap(inner: string): string {
  return `<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:ter="http://www.onvif.org/ver10/error"><s:Body>${inner}</s:Body></s:Envelope>`;
}
const fault = (sub: string) => ({
  status: 400,
  body: soap(
    `<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:${sub}</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">no</s:Text></s:Reason></s:Fault>`,
  ),
});

/**
 * The simulator's device with HTTPS off on 443 (`httpsPort` null: it lists no HTTPS). `instead` may answer a request
 * in its place (null: the device answers; 'drop': the connection resets); `tlsUp` says whether a handshake on the
 * HTTPS port answers while HTTPS is on. `sent` lists each SetNetworkProtocols body.
 */
function simulator(
  opts: {
    instead?: (op: string, n: number) => Reply | 'drop' | null;
    tlsUp?: () => boolean;
    httpsOn?: boolean;
    noHttps?: boolean;
  } = {},
) {
  const stateDir = mkdtempSync(join(tmpdir(), 'https-on-'));
  dirs.push(stateDir);
  const dev = new Device({
    profile: 'dahua',
    host: 'x',
    ip: ADDRESS,
    prefix: '24',
    iface: 'eth0',
    mac: '02:00:00:00:00:68',
    name: 'NVR',
    stateDir,
    users: [{ user: 'admin', password: LOGIN.password, level: 'Administrator' }],
  });
  dev.st.enabled.https = opts.httpsOn ?? false;
  if (opts.noHttps) dev.st.ports.https = null;
  // The device's change applied at once, in memory (the simulator would restart real servers).
  dev.later = (fn: () => unknown) => void fn();
  dev.applyProtocols = async (changes: unknown) => {
    const { ports, enabled } = dev.projected(changes);
    dev.st.ports = ports;
    dev.st.enabled = enabled;
  };
  const sets: string[] = [];
  let n = 0;
  const http: HttpTransport = {
    async request(_url, options) {
      const bodyText = options.body ?? '';
      const op = /<tds:(\w+)/.exec(bodyText)?.[1] ?? '?';
      if (op === 'SetNetworkProtocols') sets.push(bodyText.slice(bodyText.indexOf('<tds:SetNetworkProtocols')));
      const instead = op === 'GetSystemDateAndTime' ? null : (opts.instead?.(op, ++n) ?? null);
      if (instead === 'drop') throw new Error('connection reset');
      const r: Reply = instead ?? handleOnvif(dev, { bodyText, authorization: options.headers?.authorization });
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return { status: r.status ?? 200, headers, body: Buffer.from(r.body ?? '') };
    },
  };
  const handshakes: number[] = [];
  const exchange: TcpExchange = async (host, port, o) => {
    handshakes.push(port);
    const up = o.tls === true && host === ADDRESS && dev.st.enabled.https && port === dev.st.ports.https;
    const ok = up && (opts.tlsUp?.() ?? true);
    return {
      outcome: ok ? 'ok' : 'refused',
      bytes: new Uint8Array(),
      peerClosed: true,
      elapsedMs: 1,
      certificate: ok
        ? {
            subject: { CN: ADDRESS },
            issuer: { CN: ADDRESS },
            subjectAltName: null,
            validFrom: '',
            validTo: '',
            fingerprint256: '',
            trusted: false,
            trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
            protocol: 'TLSv1.3',
          }
        : null,
    };
  };
  const httpsOn = () => dev.st.enabled.https as boolean;
  return { dev, http, exchange, sets, handshakes, httpsOn };
}

type Sim = ReturnType<typeof simulator>;
const run = (sim: Sim, pending: number[] = []) =>
  turnHttpsOn(
    { http: sim.http, now: () => new Date() },
    {
      url: URL_,
      login: LOGIN,
      exchange: sim.exchange,
      signal: new AbortController().signal,
      onChanging: async (port) => void pending.push(port),
      rounds: 2,
      intervalMs: 0,
    },
  );
const verdict = (r: Awaited<ReturnType<typeof run>>) =>
  judgeHttpsOn({ deviceId: 'nvr-1', at: 'now', port: r.port, ran: r.ran, fault: r.fault });

describe('turnHttpsOn', () => {
  it('on: HTTPS enabled on the NVR, checked by its list and a TLS handshake on its port; pending saved first', async () => {
    const sim = simulator();
    const pending: number[] = [];
    const r = await run(sim, pending);
    expect(r).toEqual({ ran: { outcome: 'verified' }, port: 443, fault: null });
    expect(sim.httpsOn()).toBe(true);
    expect(pending).toEqual([443]);
    expect(sim.handshakes).toContain(443);
    // Only HTTPS is in the request: HTTP (which carries ONVIF) and RTSP are not touched.
    expect(sim.sets).toHaveLength(1);
    expect(sim.sets[0]).toMatch(/<tt:Name>HTTPS<\/tt:Name><tt:Enabled>true<\/tt:Enabled><tt:Port>443<\/tt:Port>/);
    expect(sim.sets[0]).not.toMatch(/>HTTP<|>RTSP</);
    expect(verdict(r).outcome).toBe('on');
  });

  it('already-on: nothing sent, nothing saved as pending', async () => {
    const sim = simulator({ httpsOn: true });
    const pending: number[] = [];
    const r = await run(sim, pending);
    expect(r.ran).toEqual({ outcome: 'already' });
    expect(sim.sets).toEqual([]);
    expect(pending).toEqual([]);
    expect(verdict(r).outcome).toBe('already-on');
  });

  it('refused: the device’s reason in words; HTTPS still off, proven by GetNetworkProtocols; nothing put back', async () => {
    const sim = simulator({ instead: (op) => (op === 'SetNetworkProtocols' ? fault('InvalidArgVal') : null) });
    const r = await run(sim);
    expect(r.ran).toMatchObject({ outcome: 'restored', refused: true });
    expect(r.fault).toBe('the NVR says a setting is not valid (often: no certificate installed yet)');
    expect(sim.sets).toHaveLength(1);
    expect(sim.httpsOn()).toBe(false);
    expect(verdict(r).outcome).toBe('refused');
  });

  it('put-back: listed as on but no TLS handshake answers → HTTPS disabled again, as it was, and proven', async () => {
    const sim = simulator({ tlsUp: () => false });
    const r = await run(sim);
    expect(r.ran).toEqual({
      outcome: 'restored',
      refused: false,
      failure: 'no encrypted (TLS) connection answered on port 443.',
    });
    expect(sim.httpsOn()).toBe(false);
    expect(sim.sets).toHaveLength(2);
    expect(sim.sets[1]).toMatch(/<tt:Name>HTTPS<\/tt:Name><tt:Enabled>false<\/tt:Enabled><tt:Port>443<\/tt:Port>/);
    expect(verdict(r)).toMatchObject({ outcome: 'put-back', httpsOn: false, putBackVerified: true });
  });

  it('put-back: a device that says yes but does not turn HTTPS on is found out by its own list', async () => {
    const sim = simulator({
      instead: (op) => (op === 'SetNetworkProtocols' ? { body: soap('<tds:SetNetworkProtocolsResponse/>') } : null),
    });
    const r = await run(sim);
    expect(r.ran).toMatchObject({ outcome: 'restored', failure: 'the NVR does not list HTTPS as on.' });
    expect(sim.httpsOn()).toBe(false);
  });

  it('put-back-failed: the device refuses to turn HTTPS off again; HTTPS is on but unproven, and the verdict says so', async () => {
    let sets = 0;
    const sim = simulator({
      tlsUp: () => false,
      instead: (op) => (op === 'SetNetworkProtocols' && ++sets === 2 ? fault('ServiceNotSupported') : null),
    });
    const r = await run(sim);
    expect(r.ran).toMatchObject({
      outcome: 'failed',
      back: 'the NVR refused to turn HTTPS off again (the NVR does not let HTTPS be turned on over ONVIF)',
      reached: true,
    });
    expect(sim.httpsOn()).toBe(true);
    expect(verdict(r)).toMatchObject({ outcome: 'put-back-failed', httpsOn: null, putBackVerified: false });
  });

  it('put-back-failed: the device goes silent after the change; nothing claims HTTPS is off', async () => {
    let changed = false;
    const sim = simulator({
      tlsUp: () => false,
      instead: (op) => {
        if (changed) return 'drop';
        if (op === 'SetNetworkProtocols') changed = true;
        return null;
      },
    });
    const r = await run(sim);
    expect(r.ran).toMatchObject({ outcome: 'failed', reached: false, back: 'the NVR did not answer' });
    expect(verdict(r).outcome).toBe('put-back-failed');
  });

  it('nothing sent when the NVR lists no HTTPS, or its protocols cannot be read', async () => {
    const none = simulator({ noHttps: true });
    await expect(run(none)).rejects.toMatchObject({ code: 'SECURITY_HTTPS_UNSUPPORTED' });
    expect(none.sets).toEqual([]);
    const unreadable = simulator({
      instead: (op) => (op === 'GetNetworkProtocols' ? fault('ActionNotSupported') : null),
    });
    await expect(run(unreadable)).rejects.toMatchObject({ code: 'SECURITY_HTTPS_UNREADABLE' });
    expect(unreadable.sets).toEqual([]);
  });

  it('a wrong kept login sends nothing', async () => {
    const sim = simulator();
    await expect(
      turnHttpsOn(
        { http: sim.http, now: () => new Date() },
        {
          url: URL_,
          login: { ...LOGIN, password: 'wrong' },
          exchange: sim.exchange,
          signal: new AbortController().signal,
        },
      ),
    ).rejects.toMatchObject({ code: 'LOGIN_WRONG_PASSWORD' });
    expect(sim.sets).toEqual([]);
  });
});
