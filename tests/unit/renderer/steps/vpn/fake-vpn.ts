import { createHash } from 'node:crypto';
import { readDyndns2Answer } from '../../../../../src/shared/domain/ddns';
import { judgeVpnCheck, type HandshakeResult } from '../../../../../src/shared/domain/vpn-check';
import { planVpn, type VpnPlan } from '../../../../../src/shared/domain/vpn-plan';
import type { PublicVerdictCode } from '../../../../../src/shared/domain/public-address';
import type { InvokeInput, InvokeOutput } from '../../../../../src/shared/ipc/contract';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { english } from '../../../../../src/shared/i18n/english';
import { said, type Said } from '../../../../../src/shared/i18n/said';
import { fail } from '../../../../../src/shared/ipc/result';
import { fakeSetup, ok, type FakeHandlers } from '../../fake-api';

// A stand-in for main's VPN feature, built on the plan main uses (planVpn): this computer's LAN and its other
// networks (one of them takes the usual tunnel subnet 10.8.0.0/24), the Internet step's verdict and public address,
// a public key per device (a hash of its name here: the page only ever sees public keys), and the files "written"
// as main answers (where, how many bytes) — or its refusal of a path that is not a full one, said by key beside its
// English as main says it (vpn.failures).

/** A refusal as main's VPN feature makes it: BAD_REQUEST, its English sentence and the same said by key. */
const refused = (words: Said) => fail('BAD_REQUEST', english(words), words);
const FULL_PATH = said('vpn.failures.fullPath');

export const LAN = '192.168.1.0/24';
export const OTHER = '10.8.0.0/16';
export const PUBLIC = '203.0.113.2';
export const DDNS = 'mynvr.ddns.net';
const AT = '2026-01-02T10:00:00.000Z';

/** A public key as WireGuard writes one (32 bytes, base64), distinct per name. */
export const publicKeyOf = (name: string) => createHash('sha256').update(`vpn:${name}`).digest('base64');

export interface FakeVpn {
  handlers: FakeHandlers;
  /** What the server does with the handshake main sends for `vpn.check` (main's judge words the rest). */
  answer: HandshakeResult;
  plan: VpnPlan | null;
  verdict: PublicVerdictCode | null;
  record: SetupRecord;
}

/** The setup record with a DDNS name saved by the DDNS step (its newest entry). */
export function recordWithDdns(): SetupRecord {
  const base = fakeSetup();
  return {
    ...base,
    ddns: {
      ...base.ddns,
      hosts: [
        {
          provider: 'noip',
          host: DDNS,
          server: 'https://dynupdate.no-ip.com/nic/update',
          user: 'shop-owner',
          address: PUBLIC,
          successAt: AT,
          answer: readDyndns2Answer(200, `good ${PUBLIC}`, PUBLIC),
          answeredAt: AT,
        },
      ],
    },
  };
}

export function fakeVpn(record: SetupRecord = fakeSetup()): FakeVpn {
  const fake: FakeVpn = { plan: null, verdict: 'public-on-router', record, handlers: {}, answer: 'handshake' };
  fake.handlers = {
    'setup.get': () => ok({ setup: fake.record, notice: null }),
    'vpn.get': () => ok({ plan: fake.plan, request: null }),
    'vpn.plan': (raw) => {
      const input = raw as InvokeInput<'vpn.plan'>;
      const made = planVpn({
        server: input.server,
        lan: LAN,
        otherNetworks: [OTHER],
        peers: (input.peers ?? ['phone']).map((name) => ({ name, publicKey: publicKeyOf(name) })),
        serverPublicKey: publicKeyOf('server'),
        ddnsName: input.endpoint ?? null,
        publicAddress: PUBLIC,
        verdict: fake.verdict,
        serverLanAddress: input.server === 'linux' ? '192.168.1.10' : null,
        at: new Date(AT),
      });
      if (!made.ok) return fail('BAD_REQUEST', made.error, made.said);
      fake.plan = made.plan;
      return ok(made.plan);
    },
    'vpn.config': (raw) => {
      const { out } = raw as InvokeInput<'vpn.config'>;
      if (!out.startsWith('/')) return refused(FULL_PATH);
      return ok<InvokeOutput<'vpn.config'>>({ file: out, bytes: 301 });
    },
    'vpn.check': () => {
      const p = fake.plan;
      if (!p) return refused(said('vpn.failures.planFirst', { command: 'vpn plan --server …' }));
      const silent = fake.answer === 'silent';
      return ok(
        judgeVpnCheck({
          at: new Date(AT),
          server: {
            address: p.forward?.to ?? '192.168.1.1',
            port: p.listenPort ?? 51820,
            peer: p.peers[0]?.name ?? 'phone',
            answer: fake.answer,
            ms: silent ? null : 4,
            attempts: silent ? 3 : 1,
          },
          endpoint: p.endpoint,
          resolved: p.endpoint?.kind === 'ddns' ? [PUBLIC] : null,
          publicAddress: PUBLIC,
          proof: null,
          nvrAddress: '192.168.1.64',
        }),
      );
    },
    'vpn.qr': (raw) => {
      const { out } = raw as InvokeInput<'vpn.qr'>;
      if (!out.startsWith('/')) return refused(FULL_PATH);
      return ok<InvokeOutput<'vpn.qr'>>({ file: out, bytes: 1822 });
    },
  };
  return fake;
}
