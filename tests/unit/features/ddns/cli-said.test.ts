// The DDNS command's lines in the terminal's language (en-XA): main's words said by key come out in it (the provider's
// answer read, the gate's refusal with the last answer's words inside, the check's verdict), the values as they came
// (addresses, codes, the name, why a DNS question failed), and never main's English sentence.
import { describe, expect, it } from 'vitest';
import { renderDdnsCheck, renderDdnsUpdate } from '../../../../src/main/features/ddns/cli';
import { createDdnsService } from '../../../../src/main/services/ddns/ddns-service';
import {
  ddnsAfterAnswer,
  judgeDdnsCheck,
  readDyndns2Answer,
  type DdnsCheck,
  type DdnsLookup,
} from '../../../../src/shared/domain/ddns';
import { createTranslator } from '../../../../src/shared/i18n';
import { said } from '../../../../src/shared/i18n/said';

const { t } = createTranslator('en-XA');
const HOST = 'mynvr.ddns.example';
const IP = '203.0.113.2';
const AT = new Date('2026-01-01T12:00:00.000Z');
const target = { provider: 'noip' as const, host: HOST, server: 'https://dynupdate.no-ip.com/', user: 'u' };

const lookup = (server: string, rcode: string | null, addresses: Array<[string, number | null]>): DdnsLookup => ({
  server,
  rcode,
  addresses: addresses.map(([address, ttl]) => ({ address, ttl })),
  error: null,
});

/** The check as main makes it from two answers, with no zone found and no source of the address given. */
function checkOf(system: DdnsLookup, auth: DdnsLookup): DdnsCheck {
  return {
    host: HOST,
    expected: IP,
    expectedFrom: null,
    zone: null,
    system,
    authoritative: auth,
    ...judgeDdnsCheck(HOST, IP, system, auth),
    checkedAt: AT.toISOString(),
  };
}

describe('nvr-assist ddns in en-XA: main’s lines said by key, values as they came', () => {
  it('an update the provider refused: its meaning in en-XA, the provider’s code as it came', () => {
    const answer = readDyndns2Answer(200, 'badauth', IP);
    const lines = renderDdnsUpdate(
      { ...target, ip: IP, sent: true, requests: ['GET https://…'], answer, at: AT.toISOString() },
      t,
    ).split('\n');
    expect(lines[1]).toBe(t('ddns.said.answer.badauth'));
    expect(lines.join('\n')).toContain('badauth');
    expect(lines.join('\n')).not.toContain(answer.words);
  });

  it('an update held back after a stop answer: the gate’s sentence with the last answer’s words, both in en-XA', async () => {
    const service = createDdnsService({
      http: () => Promise.reject(new Error('nothing may be sent')),
      query: () => Promise.reject(new Error('no DNS')),
      lookup: () => Promise.reject(new Error('no DNS')),
      dnsServers: () => [],
      now: () => AT,
      version: '0.1.0',
    });
    const last = ddnsAfterAnswer(null, target, readDyndns2Answer(200, 'abuse', IP), AT);
    const r = await service.update({ ...target, secret: 'pw', ip: IP, last });
    expect(r.sent).toBe(false);
    const lines = renderDdnsUpdate(r, t).split('\n');
    expect(lines[1]).toBe(t('ddns.said.gate.stopped', { code: 'abuse', words: t('ddns.said.answer.abuse') }));
    expect(lines.join('\n')).not.toContain(r.answer.words);
    expect(lines.join('\n')).not.toContain(last.answer.words);
  });

  it('the check’s verdict and where the address came from in en-XA, with the addresses, the TTL and the zone’s server as they came', () => {
    const system = lookup('system resolver', 'NOERROR', [[IP, null]]);
    const auth = lookup('198.51.100.53', 'NOERROR', [[IP, 300]]);
    const judged = judgeDdnsCheck(HOST, IP, system, auth);
    const check: DdnsCheck = {
      host: HOST,
      expected: IP,
      expectedFrom: "the router's external address",
      expectedFromSaid: said('ddns.said.from.router'),
      zone: 'ddns.example',
      system,
      authoritative: auth,
      ...judged,
      checkedAt: AT.toISOString(),
    };
    const [first, publicLine] = renderDdnsCheck(check, t).split('\n') as [string, string];
    expect(publicLine).toBe(t('cli.ddns.publicAddress', { address: IP, from: ` (${t('ddns.said.from.router')})` }));
    expect(first).toContain(
      t('ddns.said.check.okAtBothTtl', { host: HOST, address: IP, ttl: '300', server: '198.51.100.53' }),
    );
    expect(first).not.toContain(judged.words);
  });

  it('no DNS answer: why each question failed as it came, the plain reason in en-XA where none is known', () => {
    const system: DdnsLookup = { server: 'system resolver', rcode: null, addresses: [], error: null };
    const auth: DdnsLookup = { server: null, rcode: null, addresses: [], error: 'no answer in time' };
    const check = checkOf(system, auth);
    expect(renderDdnsCheck(check, t).split('\n')[0]).toContain(
      t('ddns.said.check.unreachable', {
        host: HOST,
        zoneError: 'no answer in time',
        systemError: t('ddns.said.check.noAddress'),
      }),
    );
  });

  it('main’s own reason for no answer at the zone’s server, in en-XA in the verdict and on the zone’s line', () => {
    const system: DdnsLookup = { server: 'system resolver', rcode: null, addresses: [], error: null };
    const auth: DdnsLookup = {
      server: null,
      rcode: null,
      addresses: [],
      error: 'this computer has no DNS server to ask which server holds the zone',
      errorSaid: said('ddns.said.lookup.noResolver'),
    };
    const check = checkOf(system, auth);
    const text = renderDdnsCheck(check, t);
    const reason = t('ddns.said.lookup.noResolver');
    expect(text.split('\n')[0]).toContain(
      t('ddns.said.check.unreachable', { host: HOST, zoneError: reason, systemError: t('ddns.said.check.noAddress') }),
    );
    expect(text.split('\n')[2]).toContain(reason);
    expect(text).not.toContain(auth.error!);
  });
});
