import { z } from 'zod';
import { saidSchema, type Said } from '../i18n/said';
import { ERROR_CODES, ERROR_MESSAGES, type ErrorCode, type FailurePart } from './errors';

export interface AppError {
  code: ErrorCode;
  /** The catalogue's words for the code, or main's own sentence (in English: the JSON, the log, the fallback). */
  message: string;
  /** main's own sentence by the catalogue's key and values, when it composed one (see AppFailure). */
  said?: Said;
  /** The problems a refusal lists, each said by key beside its English words: they fill the sentence's `{parts}`. */
  parts?: FailurePart[];
}

export const saidPartSchema = z.object({ said: saidSchema.optional(), text: z.string().max(600) });

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().max(2000),
  said: saidSchema.optional(),
  parts: z.array(saidPartSchema).max(16).optional(),
});

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(
  code: ErrorCode,
  message?: string,
  said?: Said,
  parts?: readonly FailurePart[],
): Result<T> {
  const error: AppError = { code, message: message ?? ERROR_MESSAGES[code] };
  if (said) error.said = said;
  if (said && parts?.length) error.parts = [...parts];
  return { ok: false, error };
}

/** Validates an envelope that arrived over a wire (HTTP, IPC) without trusting its data. */
export const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);
