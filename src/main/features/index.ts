import type { InvokeChannel, InvokeHandlers } from '../../shared/ipc/contract';
import { invokeContract } from '../../shared/ipc/contract';
import { STEPS } from '../../shared/domain/steps';
import type { CallContext } from '../core/dispatch';
import type { AppContext, MainFeature } from './types';

// Every feature module, found by its folder (src/main/features/<id>/index.ts): a new step adds its folder and
// nothing here. The bundler resolves the pattern at build time into plain imports.
const modules = import.meta.glob<{ default: MainFeature }>('./*/index.ts', { eager: true });

/** The features in the order of the wizard (the frame's own first), so `help` lists commands in that order. */
const order = (f: MainFeature) => STEPS.findIndex((s) => s.id === f.id);
export const FEATURES: readonly MainFeature[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => order(a) - order(b));

/**
 * Every feature's handlers in one table. Each channel of the contract must have exactly one handler: a channel
 * nobody handles, or two features handling one, stops the app at start (and fails the unit suite) instead of
 * answering "unknown channel" at run time.
 */
export function mergeHandlers(
  ctx: AppContext,
  features: readonly MainFeature[] = FEATURES,
): InvokeHandlers<CallContext> {
  const merged: Partial<Record<InvokeChannel, unknown>> = {};
  for (const feature of features)
    for (const [channel, handler] of Object.entries(feature.handlers(ctx))) {
      if (channel in merged) throw new Error(`two features handle ${channel}`);
      merged[channel as InvokeChannel] = handler;
    }
  const missing = Object.keys(invokeContract).filter((c) => !(c in merged));
  if (missing.length) throw new Error(`no feature handles ${missing.join(', ')}`);
  return merged as InvokeHandlers<CallContext>;
}
