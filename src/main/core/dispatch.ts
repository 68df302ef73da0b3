import { invokeContract, isInvokeChannel, type InvokeHandlers } from '../../shared/ipc/contract';
import { english } from '../../shared/i18n/english';
import { said } from '../../shared/i18n/said';
import { isAppFailure } from '../../shared/ipc/errors';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { sanitizeDeep } from '../../shared/text/device-text';

export interface CallContext {
  /** Which transport the call came through; for logs only. */
  transport: 'electron' | 'browser' | 'cli' | 'test';
}

export type Dispatcher = (channel: unknown, input: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/**
 * The one place every call goes through, whatever the transport: known channel, input parsed, handler called,
 * output parsed, every failure turned into a catalogued error. No exception text, path or input value crosses.
 */
export function createDispatcher(
  handlers: InvokeHandlers<CallContext>,
  log: (line: string) => void,
  debug = Boolean(process.env.NVR_ASSIST_DEBUG),
): Dispatcher {
  return async (channel, input, ctx) => {
    if (!isInvokeChannel(channel)) return fail('UNKNOWN_CHANNEL');
    const spec = invokeContract[channel];
    // Every channel's input is an object: null, undefined, arrays, strings, numbers and class instances are
    // refused here, never read as "no input".
    if (!isPlainObject(input)) return fail('BAD_REQUEST');
    const parsedInput = spec.input.safeParse(input);
    if (!parsedInput.success) {
      // Only the paths of the offending fields, never their values (they may be passwords).
      const fields = parsedInput.error.issues.map((i) => i.path.join('.') || '(input)').join(', ');
      const words = said('app.failures.badRequest', { fields: fields.slice(0, 200) });
      return fail('BAD_REQUEST', english(words), words);
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const output = await handler(parsedInput.data, ctx);
      const parsedOutput = spec.output.safeParse(output);
      if (!parsedOutput.success) {
        log(`handler ${channel} returned data outside the contract: ${parsedOutput.error.issues.length} issue(s)`);
        return fail('INTERNAL');
      }
      // Device text is data: no control, escape or bidi character leaves main, whichever transport carries it.
      return ok(sanitizeDeep(parsedOutput.data));
    } catch (err) {
      if (isAppFailure(err)) return fail(err.code, err.message, err.said, err.parts);
      const name = err instanceof Error ? err.name : typeof err;
      // The stack only on request (NVR_ASSIST_DEBUG=1), and only to this machine's log: never across a boundary.
      const detail = debug && err instanceof Error ? `\n${err.stack ?? ''}` : '';
      log(`handler ${channel} failed (${ctx.transport}): ${name}${detail}`);
      return fail('INTERNAL');
    }
  };
}

/** A plain object (what JSON.parse, structured clone and object literals make); not null, an array or a class. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
