// The lab's "internet": NAT seen from outside, static port forwards, DDNS providers and STUN.
// Needs the lab up with profile home (`node tests/lab/lab.mjs up`; `npm test` does it).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  lab,
  inNs,
  probe,
  httpGet,
  startInNs,
  readLabState,
  PROBE,
  WAN,
  ROGUE,
  DDNS_ZONE,
  DDNS_ACCOUNTS,
  DDNS_BLOCKED,
} from '../lab/lib/testkit.mjs';

const account = DDNS_ACCOUNTS[0]!;
const [host1, host2] = account.hosts as [string, string];
const checker = (path: string) => httpGet('client', `http://${WAN.checker}${path}`);
const ddns = (path: string, user?: string) => httpGet('client', `http://${WAN.ddns}${path}`, { user });
const digA = (name: string, extra: string[] = []) =>
  inNs('client', 'dig', ['+time=2', '+tries=1', ...extra, `@${WAN.dns}`, name, 'A']).stdout;
const digShort = (name: string) =>
  inNs('client', 'dig', ['+short', '+time=2', '+tries=1', `@${WAN.dns}`, name, 'A']).stdout.trim();

beforeAll(() => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
});

describe('lab wan: echoip checker', () => {
  it('reports the router WAN address to a LAN client (NAT works)', () => {
    const r = checker('/json');
    expect(r.status).toBe(200);
    const j = JSON.parse(r.body);
    expect(j.ip).toBe(WAN.routerWan);
    expect(j.ip_decimal).toBe(WAN.routerWan.split('.').reduce((n: number, o: string) => n * 256 + Number(o), 0));
    expect(checker('/ip')).toEqual({ status: 200, body: `${WAN.routerWan}\n` });
  });

  it('rejects a port outside 1-65535', () => {
    expect(checker('/port/0').status).toBe(400);
    expect(checker('/port/70000').status).toBe(400);
    expect(checker('/nothing').status).toBe(404);
  });
});

describe('lab wan: static port forward (lab.mjs forward)', () => {
  const ext = 18081;
  const fwd = ['tcp', String(ext), ROGUE.ip, '18080'];
  let server: Awaited<ReturnType<typeof startInNs>> | undefined;

  beforeAll(async () => {
    lab(['forward', 'del', ...fwd]); // leftovers from an interrupted run
    server = await startInNs('rogue', process.execPath, [PROBE, 'listen', ROGUE.ip, '18080', 'forwarded-ok', '120']);
  });
  afterAll(async () => {
    lab(['forward', 'del', ...fwd]);
    await server?.stop();
  });

  it('is unreachable from the internet without a forward', () => {
    expect(JSON.parse(checker(`/port/${ext}`).body)).toEqual({ ip: WAN.routerWan, port: ext, reachable: false });
    expect(probe('wan', ['connect', WAN.routerWan, String(ext), '1500']).connected).toBe(false);
  });

  it('is reachable from the internet once forwarded, and not after removal', () => {
    const add = lab(['forward', 'add', ...fwd]);
    expect(add.code, add.stderr).toBe(0);
    const list = lab(['forward', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toContainEqual({ proto: 'tcp', extPort: ext, lanIp: ROGUE.ip, lanPort: 18080 });

    expect(probe('wan', ['connect', WAN.routerWan, String(ext), '2000'])).toEqual({
      connected: true,
      data: 'forwarded-ok',
    });
    expect(JSON.parse(checker(`/port/${ext}`).body)).toEqual({ ip: WAN.routerWan, port: ext, reachable: true });

    expect(lab(['forward', 'del', ...fwd]).code).toBe(0);
    expect(JSON.parse(lab(['forward', 'list', '--json']).stdout)).not.toContainEqual(
      expect.objectContaining({ extPort: ext }),
    );
    expect(JSON.parse(checker(`/port/${ext}`).body).reachable).toBe(false);
  });

  it('refuses malformed forwards with a clear message', () => {
    const r = lab(['forward', 'add', 'tcp', '70000', ROGUE.ip, '80']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/external port must be 1-65535/);
    const r2 = lab(['forward', 'add', 'tcp', '8080', '10.0.0.5', '80']);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/LAN address must be in 192\.168\.50\.0\/24/);
  });
});

describe('lab wan: DDNS (dyndns2 + DuckDNS) and the authoritative DNS', () => {
  const auth = `${account.user}:${account.password}`;

  it('dyndns2: good, then nochg, and the new A record is served', () => {
    const ip = '198.18.0.' + (1 + (process.pid % 200)); // any address, distinct per run
    expect(ddns(`/nic/update?hostname=${host1}&myip=${ip}`, auth)).toEqual({ status: 200, body: `good ${ip}` });
    expect(ddns(`/nic/update?hostname=${host1}&myip=${ip}`, auth)).toEqual({ status: 200, body: `nochg ${ip}` });
    expect(digShort(host1)).toBe(ip);
    const full = digA(host1, ['+norec']);
    expect(full).toMatch(/status: NOERROR/);
    expect(full).toMatch(/flags: qr aa/);
  });

  it('dyndns2: missing myip means the caller address (the router WAN, through NAT)', () => {
    const r = ddns(`/nic/update?hostname=${host1}`, auth);
    expect(r.body).toMatch(new RegExp(`^(good|nochg) ${WAN.routerWan.replace(/\./g, '\\.')}$`));
    expect(digShort(host1)).toBe(WAN.routerWan);
  });

  it('dyndns2: badauth, nohost, notfqdn, abuse', () => {
    expect(ddns(`/nic/update?hostname=${host1}&myip=1.2.3.4`, `${account.user}:wrong`)).toEqual({
      status: 401,
      body: 'badauth',
    });
    expect(ddns(`/nic/update?hostname=${host1}&myip=1.2.3.4`)).toEqual({ status: 401, body: 'badauth' });
    expect(ddns(`/nic/update?hostname=notmine.${DDNS_ZONE}&myip=1.2.3.4`, auth).body).toBe('nohost');
    expect(ddns(`/nic/update?hostname=nodots&myip=1.2.3.4`, auth).body).toBe('notfqdn');
    expect(ddns(`/nic/update?hostname=${DDNS_BLOCKED[0]}&myip=1.2.3.4`, auth).body).toBe('abuse');
    expect(digShort(host1)).not.toBe('1.2.3.4');
  });

  it('DuckDNS: OK with the token, KO without, verbose output, and the record is served', () => {
    const label = host2.slice(0, host2.indexOf('.'));
    const ip = '198.18.1.' + (1 + (process.pid % 200));
    expect(ddns(`/update?domains=${label}&token=${account.token}&ip=${ip}`)).toEqual({ status: 200, body: 'OK' });
    expect(digShort(host2)).toBe(ip);
    expect(ddns(`/update?domains=${label}&token=${account.token}&ip=${ip}&verbose=true`).body).toBe(
      `OK\n${ip}\n\nNOCHANGE`,
    );
    expect(ddns(`/update?domains=${label}&token=wrong-token&ip=9.9.9.9`).body).toBe('KO');
    expect(ddns(`/update?domains=notmine&token=${account.token}&ip=9.9.9.9`).body).toBe('KO');
    expect(digShort(host2)).toBe(ip);
  });

  it('answers SOA/NS for the zone, NXDOMAIN for unknown names, REFUSED for other zones, also over TCP', () => {
    expect(inNs('client', 'dig', ['+short', `@${WAN.dns}`, DDNS_ZONE, 'SOA']).stdout).toMatch(
      new RegExp(`^ns1\\.${DDNS_ZONE.replace(/\./g, '\\.')}\\. hostmaster\\.`),
    );
    expect(inNs('client', 'dig', ['+short', `@${WAN.dns}`, DDNS_ZONE, 'NS']).stdout.trim()).toBe(`ns1.${DDNS_ZONE}.`);
    expect(digA(`nosuch.${DDNS_ZONE}`)).toMatch(/status: NXDOMAIN/);
    expect(digA('example.com')).toMatch(/status: REFUSED/);
    expect(inNs('client', 'dig', ['+tcp', '+short', `@${WAN.dns}`, host1, 'A']).stdout.trim()).toBe(WAN.routerWan);
  });

  it('survives malformed queries: FORMERR for a compression loop, silence for a runt, then answers normally', () => {
    // id 0x1234, one question whose name is a pointer to itself (offset 12) — must not loop.
    const loop = probe('client', ['udp', WAN.dns, '53', '123401000001000000000000c00c00010001']);
    expect(loop.answered).toBe(true);
    expect(loop.hex.slice(0, 4)).toBe('1234');
    expect(parseInt(loop.hex.slice(6, 8), 16) & 0x0f).toBe(1); // RCODE FORMERR
    // A label running past the end of the packet.
    const past = probe('client', ['udp', WAN.dns, '53', '1235010000010000000000003f6162']);
    expect(parseInt(past.hex.slice(6, 8), 16) & 0x0f).toBe(1);
    expect(probe('client', ['udp', WAN.dns, '53', '1236010000'])).toEqual({ answered: false });
    expect(digShort(`ns1.${DDNS_ZONE}`)).toBe(WAN.dns);
  });

  it('resolves DDNS names through the LAN resolver (dnsmasq forwards to the provider)', () => {
    const r = inNs('client', 'dig', ['+short', '+time=2', '+tries=1', host1, 'A']);
    expect(r.stdout.trim()).toBe(WAN.routerWan);
  });
});

describe('lab wan: STUN', () => {
  it('returns the router WAN address as XOR-MAPPED-ADDRESS to a LAN client', () => {
    const r = probe('client', ['stun', WAN.stun, '3478']);
    expect(r.answered).toBe(true);
    expect(r.xor).toBe(true);
    expect(r.ip).toBe(WAN.routerWan);
    expect(r.port).toBeGreaterThan(0);
  });

  it('answers CHANGE-REQUEST from the alternate address; the router NAT filters that, its own address does not', () => {
    // From the router itself (public address, no NAT in between) the changed-address answer arrives …
    const direct = probe('router', ['stun', WAN.stun, '3478', 'both']);
    expect(direct).toMatchObject({ answered: true, ip: WAN.routerWan, origin: { ip: WAN.stunAlt, port: 3479 } });
    // … while a LAN client behind the router's (port-restricted) NAT never sees it.
    expect(probe('client', ['stun', WAN.stun, '3478', 'both'])).toEqual({ answered: false });
    expect(probe('client', ['stun', WAN.stun, '3478', 'none'])).toMatchObject({
      answered: true,
      origin: { ip: WAN.stun, port: 3478 },
    });
  });
});
