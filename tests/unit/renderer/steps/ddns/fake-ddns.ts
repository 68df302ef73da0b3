import {
  DDNS_SECRET,
  ddnsAfterAnswer,
  ddnsServer,
  dyndns2Request,
  judgeDdnsCheck,
  readDyndns2Answer,
  type DdnsCheck,
  type DdnsLast,
  type DdnsLookup,
} from '../../../../../src/shared/domain/ddns';
import { said } from '../../../../../src/shared/i18n/said';
import type { InvokeInput, InvokeOutput } from '../../../../../src/shared/ipc/contract';
import { fakeSetup, ok, type FakeHandlers } from '../../fake-api';

// A stand-in for main's DDNS feature, built from the shared domain main uses: a dyndns2 provider (No-IP's server)
// that knows one account and answers as the real ones do (good / nochg / badauth / nohost), the check's verdict from
// judgeDdnsCheck, and the record's `ddns` slice. What the page sent is in `calls` (the fake API's own list too).

export const PUBLIC = '203.0.113.2';
export const HOST = 'mynvr.ddns.net';
export const ACCOUNT = { user: 'shop-owner', secret: 'S3cret-only-main-sees' };
const AT = '2026-01-02T10:00:00.000Z';

export interface FakeDdns {
  handlers: FakeHandlers;
  hosts: DdnsLast[];
  check: DdnsCheck | null;
  /** What the zone's server and the system resolver answer for HOST (the check judges these). */
  dns: { authoritative: DdnsLookup; system: DdnsLookup };
  /** The secret main holds, from an earlier call (main's memory). */
  held: string | null;
}

export const lookup = (server: string | null, address: string | null, ttl = 60): DdnsLookup => ({
  server,
  rcode: 'NOERROR',
  addresses: address ? [{ address, ttl }] : [],
  error: null,
});

export function fakeDdns(): FakeDdns {
  const fake: FakeDdns = {
    hosts: [],
    check: null,
    dns: { authoritative: lookup('198.51.100.53', PUBLIC), system: lookup('system resolver', PUBLIC) },
    held: null,
    handlers: {},
  };
  fake.handlers = {
    'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
    'ddns.get': () => ok({ hosts: fake.hosts, check: fake.check }),
    'ddns.update': (raw) => {
      const input = raw as InvokeInput<'ddns.update'>;
      const server = ddnsServer(input)!.href;
      if (input.secret) fake.held = input.secret;
      const secret = fake.held ?? '';
      const request = dyndns2Request(
        { ...input, server },
        { password: secret, ip: input.ip ?? PUBLIC, version: '0.1.0' },
      );
      const body =
        DDNS_SECRET[input.provider] !== 'password' || input.user !== ACCOUNT.user || secret !== ACCOUNT.secret
          ? 'badauth'
          : input.host !== HOST
            ? 'nohost'
            : `good ${input.ip ?? PUBLIC}`;
      const answer = readDyndns2Answer(200, body, input.ip ?? PUBLIC);
      const before = fake.hosts.find((h) => h.host === input.host) ?? null;
      const entry = ddnsAfterAnswer(
        before,
        { provider: input.provider, host: input.host, server, user: input.user ?? null },
        answer,
        new Date(AT),
      );
      fake.hosts = [entry, ...fake.hosts.filter((h) => h !== before)];
      const out: InvokeOutput<'ddns.update'> = {
        provider: input.provider,
        host: input.host,
        server,
        ip: input.ip ?? PUBLIC,
        sent: true,
        requests: request ? [request.shown] : [],
        answer,
        at: AT,
      };
      return ok(out);
    },
    'ddns.check': (raw) => {
      const input = raw as InvokeInput<'ddns.check'>;
      const expected = input.ip ?? PUBLIC;
      const { authoritative, system } = fake.dns;
      fake.check = {
        host: input.host,
        expected,
        // As main says where the address came from: its English and its key.
        expectedFrom: input.ip ? 'given' : "the router's external address",
        expectedFromSaid: input.ip ? said('ddns.said.from.given') : said('ddns.said.from.router'),
        zone: 'ddns.net',
        system,
        authoritative,
        ...judgeDdnsCheck(input.host, expected, system, authoritative),
        checkedAt: AT,
      };
      return ok(fake.check);
    },
  };
  return fake;
}
