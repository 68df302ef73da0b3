// The VPN check's exact words (issue 17). What the user would lose: a handshake that worked reported without saying so,
// an old address in the configs not pointed out, a name's addresses or the reached ports listed beyond what the
// record may hold (the save would fail), "was"/"were" wrong, the phone test without the address to dial or to open.
import { describe, expect, it } from 'vitest';
import { judgeVpnCheck, vpnCheckSchema } from '../../../../src/shared/domain/vpn-check';
import { input, proof, row } from './vpn-check-fixture';

describe('the VPN check, word for word', () => {
  it('a handshake: the server runs with the plan’s key and knows the device, said with its address and port', () => {
    const got = judgeVpnCheck(input()).server;
    expect(got.ok).toBe(true);
    expect(got.text).toBe(
      'The WireGuard server at 192.168.57.10:51820 answered a handshake made with phone’s keys: it runs with this plan’s server key and knows phone.',
    );
  });

  it('no name or address to dial: the words say to set up DDNS or run the Internet check', () => {
    const got = judgeVpnCheck(input({ endpoint: null }));
    expect(got.endpoint.text).toBe(
      'The plan has no name or address for the devices to dial: set up DDNS or run the Internet check, then plan again.',
    );
    expect(got.phoneTest[1]).toBe('Turn the WireGuard tunnel on: it dials your public address, port 51820.');
  });

  it('an address the devices dial: the same as the public address, or not measured, is only a warning that it may change', () => {
    const same = judgeVpnCheck(input({ endpoint: { host: '203.0.113.2', kind: 'address' } })).endpoint;
    expect(same).toEqual({
      host: '203.0.113.2',
      resolved: null,
      ok: true,
      text: 'The devices dial the address 203.0.113.2. It may change: a DDNS name keeps working when it does.',
      said: { key: 'vpn.said.check.address', params: { host: '203.0.113.2' } },
    });
    const unmeasured = judgeVpnCheck(
      input({ endpoint: { host: '203.0.113.2', kind: 'address' }, publicAddress: null }),
    );
    expect(unmeasured.endpoint.ok).toBeNull();
    expect(unmeasured.endpoint.text).toBe(same.text);
    const moved = judgeVpnCheck(input({ endpoint: { host: '203.0.113.9', kind: 'address' } })).endpoint;
    expect(moved.ok).toBe(false);
    expect(moved.text).toBe(
      'The devices dial 203.0.113.9, but your public address is now 203.0.113.2: plan again and re-import the configs (a DDNS name avoids this).',
    );
  });

  it('a name: its addresses kept up to 8 and named up to 3, compared with the public address or not', () => {
    const many = Array.from({ length: 10 }, (_, i) => `198.51.100.${i + 1}`);
    const unknown = judgeVpnCheck(input({ resolved: many, publicAddress: null }));
    expect(unknown.endpoint.resolved).toEqual(many.slice(0, 8));
    expect(unknown.endpoint.ok).toBeNull();
    expect(unknown.endpoint.text).toBe(
      'home.example.net points to 198.51.100.1, 198.51.100.2, 198.51.100.3; run the Internet check to compare it with your public address.',
    );
    expect(vpnCheckSchema.safeParse(unknown).success).toBe(true);
    const stale = judgeVpnCheck(input({ resolved: many })).endpoint;
    expect(stale.ok).toBe(false);
    expect(stale.text).toBe(
      'home.example.net points to 198.51.100.1, 198.51.100.2, 198.51.100.3, but your public address is 203.0.113.2: the DDNS record is out of date.',
    );
    expect(judgeVpnCheck(input()).endpoint.text).toBe('home.example.net points to your public address 203.0.113.2.');
  });

  it('not tested from outside: nothing reachable is claimed', () => {
    expect(judgeVpnCheck(input()).exposure).toMatchObject({ measuredAt: null, reachable: [], ok: null });
  });

  it('from outside: only the reached ports, up to 48, each with its protocol; "was" for one, "were" for more; none, and it says that is right', () => {
    const none = judgeVpnCheck(input({ proof: proof([row(80, 'closed')]) })).exposure;
    expect(none).toEqual({
      measuredAt: '2026-12-05T12:00:00Z',
      reachable: [],
      ok: true,
      text: 'From outside, no port the proof tried was reachable: with the VPN, that is how it should be.',
      said: { key: 'vpn.said.check.closed' },
    });
    const one = judgeVpnCheck(
      input({ proof: proof([row(80, 'closed'), row(51820, 'reachable', { protocol: 'udp' })]) }),
    ).exposure;
    expect(one.ok).toBe(false);
    expect(one.text).toBe(
      'From outside, 51820/udp was reachable: with the VPN, remove those forward rules (Router rules step) and turn UPnP off.',
    );
    const two = judgeVpnCheck(input({ proof: proof([row(80, 'reachable'), row(554, 'reachable')]) })).exposure;
    expect(two.text).toBe(
      'From outside, 80/tcp, 554/tcp were reachable: with the VPN, remove those forward rules (Router rules step) and turn UPnP off.',
    );
    const fifty = judgeVpnCheck(
      input({ proof: proof(Array.from({ length: 50 }, (_, i) => row(1000 + i, 'reachable'))) }),
    );
    expect(fifty.exposure.reachable).toHaveLength(48);
    expect(vpnCheckSchema.safeParse(fifty).success).toBe(true);
    // Said by key where the values fit the boundary's bounds; 48 ports do not: main's English sentence alone then.
    expect(two.said).toEqual({ key: 'vpn.said.check.openMany', params: { ports: '80/tcp, 554/tcp' } });
    expect(fifty.exposure.said).toBeUndefined();
    expect(fifty.exposure.text).toContain('1000/tcp, 1001/tcp');
  });

  it('the phone test: the name and port to dial, the NVR’s address to open, then the tunnel off', () => {
    expect(judgeVpnCheck(input()).phoneTest).toEqual([
      'On the phone, turn Wi-Fi off (mobile data only: from home Wi-Fi the test proves nothing).',
      'Turn the WireGuard tunnel on: it dials home.example.net:51820.',
      'Open http://192.168.57.64/ (or the NVR app with that address): it must load.',
      'Turn the tunnel off: the same address must not load. Then the NVR is reachable through the VPN only.',
    ]);
    expect(judgeVpnCheck(input({ nvrAddress: null })).phoneTest[2]).toBe(
      'Open the NVR’s LAN address in the browser or the NVR app: it must load.',
    );
  });
});
