import { z } from 'zod';
import { ERROR_CODES, ERROR_MESSAGES, type ErrorCode } from './errors';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().max(2000),
});

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, message?: string): Result<T> {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code] } };
}

/** Validates an envelope that arrived over a wire (HTTP, IPC) without trusting its data. */
export const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);
