// One bounded HTTP(S) exchange through Node's fetch: the whole exchange within `timeoutMs`, the body cut off past
// `maxBytes` (a larger declared Content-Length is refused before reading), no redirect followed, no cookie or
// credential sent, TLS certificates verified (Node's defaults). Failures are plain words, never a throw.

export interface BoundedFetchLimits {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export type BoundedFetchResult = { ok: true; status: number; body: Buffer } | { ok: false; error: string };

export async function boundedFetch(
  url: string | URL,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  { timeoutMs, maxBytes, signal }: BoundedFetchLimits,
): Promise<BoundedFetchResult> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, deadline]) : deadline;
  try {
    const res = await fetch(url, { ...init, signal: both, redirect: 'manual', credentials: 'omit' });
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, error: 'the answer is too large' };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, error: 'the answer is too large' };
      }
      chunks.push(value);
    }
    return { ok: true, status: res.status, body: Buffer.concat(chunks) };
  } catch {
    if (signal?.aborted) return { ok: false, error: 'cancelled' };
    if (deadline.aborted) return { ok: false, error: 'no answer in time' };
    return { ok: false, error: 'not reachable (or its certificate was refused)' };
  }
}
