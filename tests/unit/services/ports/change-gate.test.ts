import { describe, expect, it } from 'vitest';
import { checkChange, gateChange, type ChangeProblem } from '../../../../src/main/services/ports/change-gate';
import { ERROR_MESSAGES, type AppFailure, type ErrorCode } from '../../../../src/shared/ipc/errors';
import { createTranslator, localMessage } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { said, saidWords } from '../../../../src/shared/i18n/said';

// The gate's own rules, apart from the ports (issue 17, from mutation testing): how problems are sorted, and the
// words the user reads when a change is refused.

const error = (message: string): ChangeProblem => ({ severity: 'error', message });
const warning = (message: string): ChangeProblem => ({ severity: 'warning', message });
const codes = { refused: 'PORTS_CHANGE_REFUSED', unconfirmed: 'PORTS_CHANGE_UNCONFIRMED' } as const;

const refusal = (fn: () => unknown): AppFailure => {
  try {
    fn();
  } catch (err) {
    return err as AppFailure;
  }
  throw new Error('the gate let the change through');
};

describe('checkChange', () => {
  it('an error is never filed as a warning the user could wave through, nor a warning as an error', () => {
    const e1 = error('18080 is taken.');
    const w1 = warning('80 is below 1024.');
    const e2 = error('Two services on 554.');
    expect(checkChange([w1, e1, e2])).toEqual({ errors: [e1, e2], warnings: [w1] });
    expect(checkChange([])).toEqual({ errors: [], warnings: [] });
  });
});

describe('the refusal the user reads', () => {
  it('names every problem, each sentence apart, inside the catalogue’s words', () => {
    const r = refusal(() => gateChange(checkChange([error('18080 is taken.'), error('554 twice.')]), true, codes));
    expect(r.code).toBe('PORTS_CHANGE_REFUSED');
    expect(r.message).toBe(
      'The app did not send that port change. 18080 is taken. 554 twice. Pick another port. Nothing was changed.',
    );
  });

  it('a warning without the user’s yes is refused with the warnings only, in the same way', () => {
    const r = refusal(() =>
      gateChange(checkChange([warning('80 is below 1024.'), warning('8080 is scanned.')]), false, codes),
    );
    expect(r.code).toBe('PORTS_CHANGE_UNCONFIRMED');
    const [lead] = ERROR_MESSAGES.PORTS_CHANGE_UNCONFIRMED.split(/(?<=\.) /);
    expect(r.message.startsWith(`${lead} 80 is below 1024. 8080 is scanned.`)).toBe(true);
  });

  it('a one-sentence catalogue message leaves no trailing space', () => {
    const one: ErrorCode = 'CANCELLED';
    expect(ERROR_MESSAGES[one].split(/(?<=\.) /)).toHaveLength(1);
    const r = refusal(() => gateChange(checkChange([error('Stop.')]), false, { refused: one, unconfirmed: one }));
    expect(r.message).toBe('The operation was cancelled. Stop.');
  });

  it('a refusal longer than 1 500 characters is cut to 1 500 with an ellipsis; 1 500 exactly is kept whole', () => {
    const [lead, ...rest] = ERROR_MESSAGES.PORTS_CHANGE_REFUSED.split(/(?<=\.) /);
    const frame = `${lead}  ${rest.join(' ')}`.length;
    const exact = refusal(() => gateChange(checkChange([error('x'.repeat(1500 - frame))]), false, codes));
    expect(exact.message).toHaveLength(1500);
    expect(exact.message.endsWith('Nothing was changed.')).toBe(true);
    const long = refusal(() => gateChange(checkChange([error('y'.repeat(1501 - frame))]), false, codes));
    expect(long.message).toHaveLength(1500);
    expect(long.message.endsWith('Nothing was change…')).toBe(true);
  });

  it('with the user’s yes, the warnings come back to be recorded with the change; errors still refuse', () => {
    const w = warning('80 is below 1024.');
    expect(gateChange(checkChange([w]), true, codes)).toEqual([w]);
    expect(refusal(() => gateChange(checkChange([w, error('Taken.')]), true, codes)).code).toBe('PORTS_CHANGE_REFUSED');
  });
});

describe('the refusal said by key (issue 16 item 4)', () => {
  const en = createTranslator('en');
  const xa = createTranslator('en-XA');
  const keyed = {
    ...codes,
    said: { refused: 'ports.said.failures.notSent', unconfirmed: 'ports.said.failures.notConfirmed' },
  } as const;
  const taken = {
    ...error('Web page (HTTP): 554 is already used by another service on this device.'),
    said: said('ports.said.problem.inUseDevice', { role: saidWords('ports.role.http'), port: '554' }),
  };

  it('carries its key and each problem by key beside main’s English, which stays as it was', () => {
    const r = refusal(() => gateChange(checkChange([taken, error('A rule said only in English.')]), true, keyed));
    const english =
      'The app did not send that port change. Web page (HTTP): 554 is already used by another service on this ' +
      'device. A rule said only in English. Pick another port. Nothing was changed.';
    expect(r.message).toBe(english);
    expect(r).toMatchObject({ said: { key: 'ports.said.failures.notSent' } });
    expect(localMessage(r, en)).toBe(english);
    const pseudo = localMessage(r, xa);
    expect(pseudo).not.toContain('The app did not send');
    expect(pseudo).not.toContain('already used by another service');
    expect(pseudo).toContain('554');
    expect(pseudo).toContain('A rule said only in English.'); // a problem said only in English stays so
  });

  it('unconfirmed warnings by their own key', () => {
    const words = said('ports.said.problem.commonlyScanned', { role: saidWords('ports.role.http'), port: '8080' });
    const r = refusal(() => gateChange(checkChange([{ ...warning(english(words)), said: words }]), false, keyed));
    expect(r).toMatchObject({ code: 'PORTS_CHANGE_UNCONFIRMED', said: { key: 'ports.said.failures.notConfirmed' } });
    expect(r.message).toBe(
      'The app did not send that port change: it would work, but the app would not have proposed it. Web page ' +
        '(HTTP): 8080 is a popular alternate port that internet scanners sweep. A less common number is safer. ' +
        'Confirm it to send it anyway, or pick another port. Nothing was changed.',
    );
    expect(localMessage(r, en)).toBe(r.message);
    expect(localMessage(r, xa)).toBe(
      xa
        .t('ports.said.failures.notConfirmed', { parts: '\u0001' })
        .replace('\u0001', xa.t('ports.said.problem.commonlyScanned', { role: xa.t('ports.role.http'), port: '8080' })),
    );
  });

  it('a refusal cut to fit is said in English alone (its words by key would say more than main’s English)', () => {
    const long = refusal(() => gateChange(checkChange([error('y'.repeat(1600))]), false, keyed));
    expect(long.message).toHaveLength(1500);
    expect(long.said).toBeUndefined();
    expect(localMessage(long, xa)).toBe(long.message);
  });
});
