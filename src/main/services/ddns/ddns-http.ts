// One bounded HTTP(S) exchange with a DDNS provider: the whole exchange within `timeoutMs`, the body cut off past
// `maxBytes`, no redirect followed (a redirect could carry the login elsewhere), no cookie kept, TLS certificates
// verified (Node's defaults). The request's headers carry the secret; nothing here logs them.
import type { DdnsRequest } from '../../../shared/domain/ddns';

export type DdnsHttp = (
  request: DdnsRequest,
  limits: { timeoutMs: number; maxBytes: number; signal?: AbortSignal },
) => Promise<{ ok: true; status: number; body: string } | { ok: false; error: string }>;

export const fetchDdnsHttp: DdnsHttp = async (request, { timeoutMs, maxBytes, signal }) => {
  const deadline = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, deadline]) : deadline;
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: both,
      redirect: 'manual',
      credentials: 'omit',
    });
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
    return { ok: true, status: res.status, body: new TextDecoder().decode(Buffer.concat(chunks)) };
  } catch {
    if (signal?.aborted) return { ok: false, error: 'cancelled' };
    if (deadline.aborted) return { ok: false, error: 'no answer in time' };
    return { ok: false, error: 'not reachable (or its certificate was refused)' };
  }
};
