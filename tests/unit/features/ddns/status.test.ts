// The DDNS step's status. What the user would lose: a name shown as working while the provider has stopped taking
// updates, or a step verified before any check found the name at the public address.
import { describe, expect, it } from 'vitest';
import { judgeDdnsStep } from '../../../../src/main/features/ddns/status';
import type { DdnsCheck, DdnsLast } from '../../../../src/shared/domain/ddns-check';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
const last = (stop: boolean, answeredAt = '2026-03-02T00:00:00.000Z', words = 'The host is blocked for abuse.') => {
  const l: DdnsLast = structuredClone(fullRecord().ddns.hosts[0]!);
  l.answer = { ...l.answer, outcome: 'blocked', code: 'abuse', words, stop };
  l.answeredAt = answeredAt;
  return l;
};
const check = (verdict: DdnsCheck['verdict'], checkedAt = '2026-03-03T00:00:00.000Z', words = `Check: ${verdict}.`) => {
  const c: DdnsCheck = structuredClone(fullRecord().ddns.check!);
  return { ...c, verdict, checkedAt, words };
};

describe('judgeDdnsStep', () => {
  it('an answer that stops updates, with no check after it, is attention naming the provider’s code and words', () => {
    expect(judgeDdnsStep(null, last(true), AT)).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'The provider answered "abuse": The host is blocked for abuse.',
      reasonSaid: {
        key: 'wizard.reasons.ddns.providerAnswered',
        params: { code: 'abuse', words: 'The host is blocked for abuse.' },
      },
    });
    expect(judgeDdnsStep(check('ok', '2026-03-01T00:00:00.000Z'), last(true), AT).status).toBe('attention');
  });

  it('the provider’s reason is cut to 500 characters (the record’s bound)', () => {
    expect(judgeDdnsStep(null, last(true, undefined, 'w'.repeat(900)), AT).reason).toHaveLength(500);
  });

  it('a check made after (or at the time of) the stopping answer decides instead: the name found is verified', () => {
    expect(judgeDdnsStep(check('ok', '2026-03-04T00:00:00.000Z'), last(true), AT)).toEqual({
      status: 'verified',
      updatedAt: NOW,
    });
    expect(judgeDdnsStep(check('ok', '2026-03-02T00:00:00.000Z'), last(true), AT).status).toBe('verified');
  });

  it('an answer that does not stop updates never holds the step at attention', () => {
    expect(judgeDdnsStep(check('ok', '2026-03-01T00:00:00.000Z'), last(false), AT).status).toBe('verified');
  });

  it('an update with no check yet is working, saying it is not checked; nothing at all is not started', () => {
    expect(judgeDdnsStep(null, last(false), AT)).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: 'Updated; not checked yet.',
      reasonSaid: { key: 'wizard.reasons.ddns.notChecked' },
    });
    expect(judgeDdnsStep(null, null, AT)).toEqual({ status: 'not-started', updatedAt: NOW });
  });

  it('a resolver still catching up (or no address to expect) is working with the check’s words, not verified', () => {
    for (const v of ['propagating', 'no-expected'] as const)
      expect(judgeDdnsStep(check(v), null, AT)).toEqual({ status: 'working', updatedAt: NOW, reason: `Check: ${v}.` });
  });

  it('a name found elsewhere or missing is attention with the check’s words, cut to 500', () => {
    for (const v of ['stale', 'nxdomain', 'no-record'] as const)
      expect(judgeDdnsStep(check(v), null, AT)).toEqual({
        status: 'attention',
        updatedAt: NOW,
        reason: `Check: ${v}.`,
      });
    expect(judgeDdnsStep(check('stale', undefined, 's'.repeat(900)), null, AT).reason).toHaveLength(500);
    expect(judgeDdnsStep(check('propagating', undefined, 'p'.repeat(900)), null, AT).reason).toHaveLength(500);
  });
});
