import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_CHANNELS } from '../../../src/shared/ipc/channels';
import { eventContract, invokeContract, isInvokeChannel } from '../../../src/shared/ipc/contract';
import { ERROR_MESSAGES } from '../../../src/shared/ipc/errors';
import { fail, ok, resultEnvelopeSchema } from '../../../src/shared/ipc/result';
import { APPROACH_GUIDES, approachWords } from '../../../src/shared/guidance/approaches';
import { createTranslator } from '../../../src/shared/i18n';
import { APPROACHES } from '../../../src/shared/domain/setup';

describe('contract', () => {
  it('lists the same channels and events as the name lists the preload uses', () => {
    expect(Object.keys(invokeContract).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('gives every channel an input and an output schema, and inputs refuse unknown fields', () => {
    for (const [name, spec] of Object.entries(invokeContract)) {
      expect(spec.input, name).toBeDefined();
      expect(spec.output, name).toBeDefined();
      expect(spec.input.safeParse({ surprise: 1 }).success, name).toBe(false);
    }
  });

  it('channel names follow domain.verb and events domain.onSomething', () => {
    for (const c of INVOKE_CHANNELS) expect(c).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
    for (const e of EVENT_NAMES) expect(e).toMatch(/^[a-z]+\.on[A-Z][A-Za-z]+$/);
    expect(isInvokeChannel('toString')).toBe(false);
  });

  it('every error message is plain words, not a stack or code', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(message.length, code).toBeGreaterThan(15);
      expect(message).not.toMatch(/Error:|at \w+ \(|undefined|null/);
    }
  });

  it('the Result envelope round-trips', () => {
    expect(resultEnvelopeSchema.safeParse(ok({ a: 1 })).success).toBe(true);
    expect(resultEnvelopeSchema.safeParse(fail('TIMEOUT')).success).toBe(true);
    expect(resultEnvelopeSchema.safeParse({ ok: false, error: { code: 'MADE_UP', message: 'x' } }).success).toBe(false);
  });

  it('guides every approach, recommending only the VPN', () => {
    expect(APPROACH_GUIDES.map((g) => g.id).sort()).toEqual([...APPROACHES].sort());
    expect(APPROACH_GUIDES.filter((g) => g.recommended).map((g) => g.id)).toEqual(['vpn']);
    const forwarding = approachWords(createTranslator('en').t).find((g) => g.id === 'port-forwarding')!;
    expect(forwarding.cons.join(' ')).toMatch(/80 or 443/);
  });
});
