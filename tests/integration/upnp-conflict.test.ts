// UPnP error 718 (ConflictInMappingEntry) as the lab router's real miniupnpd gives it: a host that asks for an
// external port another device already holds is refused, and the app's IGD reader turns the refusal into the
// catalogue's plain words. This is what an NVR meets when two recorders both map port 8000 by UPnP (the second one
// silently gets nothing, which is why the audit attributes every mapping to its device). The request is built by the
// app's own codec (buildIgdRequest) and posted from the client host; the mapping it asks for never exists, so the lab
// is left as found. Needs the lab up (profile home).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIgdRequest, readIgdDescription, readIgdReply } from '../../src/main/protocol/upnp-igd';
import { upnpErrorWords } from '../../src/shared/catalog/upnp-errors';
import { inNs, readLabState, ROUTER, SIMULATORS } from '../lab/lib/testkit.mjs';
import { releaseLabDevices, takeLabDevices } from '../support/lab-devices-lock';

const ROOT_DESC = `http://${ROUTER.lan}:${ROUTER.upnpHttpPort}/rootDesc.xml`;
const CLIENT = '192.168.50.10';
const hik = SIMULATORS.find((s) => s.host === 'hik')!;

/** One HTTP exchange from the client host (plain node, 10 s bound): the status and the body. */
function httpInClient(url: string, body?: string, soapAction?: string): { status: number; body: string } {
  const script = `
    const [url, body, action] = process.argv.slice(1);
    const ac = AbortSignal.timeout(10000);
    const init = body ? { method: 'POST', body, signal: ac, headers: { 'content-type': 'text/xml; charset="utf-8"', soapaction: action } } : { signal: ac };
    fetch(url, init).then(async (r) => process.stdout.write(JSON.stringify({ status: r.status, body: (await r.text()).slice(0, 65536) })),
      (e) => { process.stderr.write(String(e)); process.exit(2); });`;
  const r = inNs('client', process.execPath, ['-e', script, url, body ?? '', soapAction ?? ''], { timeoutMs: 20_000 });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { status: number; body: string };
}

const ME = 'upnp-conflict test';
let haveDevices = false;
beforeAll(async () => {
  await takeLabDevices(ME, 'hik’s mapping is');
  haveDevices = true;
}, 200_000);
afterAll(() => {
  if (haveDevices) releaseLabDevices(ME);
});

describe('UPnP 718 from the lab router', () => {
  it('refuses a mapping of an external port hik holds with 718, which the app reads as "already mapped to another device"', () => {
    const st = readLabState();
    if (!st || st.phase !== 'up' || st.profile !== 'home') throw new Error('these tests need the lab up, profile home');
    const desc = httpInClient(ROOT_DESC);
    expect(desc.status).toBe(200);
    const igd = readIgdDescription(desc.body, new URL(ROOT_DESC));
    if (!igd.ok) throw new Error(`the lab router's description did not read: ${igd.error}`);
    // hik holds 8000/tcp through UPnP (its SDK port; no suite moves it). Find it first, so the conflict is real.
    const entry = buildIgdRequest(igd.igd.serviceType, 'GetSpecificPortMappingEntry', [
      ['NewRemoteHost', ''],
      ['NewExternalPort', 8000],
      ['NewProtocol', 'TCP'],
    ]);
    const held = readIgdReply(
      httpInClient(igd.igd.controlUrl.href, entry.body, entry.soapAction).body,
      'GetSpecificPortMappingEntry',
    );
    expect(held.kind).toBe('ok');
    if (held.kind === 'ok') expect(held.values.NewInternalClient).toBe(hik.ip);

    const add = buildIgdRequest(igd.igd.serviceType, 'AddPortMapping', [
      ['NewRemoteHost', ''],
      ['NewExternalPort', 8000],
      ['NewProtocol', 'TCP'],
      ['NewInternalPort', 8000],
      ['NewInternalClient', CLIENT],
      ['NewEnabled', 1],
      ['NewPortMappingDescription', 'nvr-assist 718 test'],
      ['NewLeaseDuration', 60],
    ]);
    const reply = httpInClient(igd.igd.controlUrl.href, add.body, add.soapAction);
    expect(reply.status).toBe(500);
    const read = readIgdReply(reply.body, 'AddPortMapping');
    expect(read).toMatchObject({ kind: 'fault', code: 718 });
    expect(upnpErrorWords(718)).toMatch(/already mapped to another device/);

    // And the mapping is still hik's.
    const after = readIgdReply(
      httpInClient(igd.igd.controlUrl.href, entry.body, entry.soapAction).body,
      'GetSpecificPortMappingEntry',
    );
    expect(after.kind === 'ok' ? after.values.NewInternalClient : after).toBe(hik.ip);
  }, 60_000);
});
