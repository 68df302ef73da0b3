// A bounded GET for the address checker: plain http through the app's HttpTransport (the lab's checker, a
// self-hosted echoip), https through Node's fetch (ifconfig.co) with the same bounds — the whole exchange within
// `timeoutMs`, the body cut off past `maxBytes`, no redirect followed, no cookie or credential sent.
import { HttpLimitError, type HttpTransport } from '../../transport/http';
import type { BoundedGet } from './public-address-service';

const REASONS: Record<HttpLimitError['reason'], string> = {
  timeout: 'no answer in time',
  'too-large': 'the answer is too large',
  unreachable: 'not reachable',
  refused: 'the connection was refused',
  aborted: 'cancelled',
  protocol: 'not an http address',
};

export function boundedGet(http: HttpTransport): BoundedGet {
  return async (url, { timeoutMs, maxBytes, signal }) => {
    if (url.protocol === 'http:') {
      try {
        const r = await http.request(url, { timeoutMs, maxBytes, signal });
        return { ok: true, status: r.status, body: r.body };
      } catch (err) {
        return { ok: false, error: err instanceof HttpLimitError ? REASONS[err.reason] : 'not reachable' };
      }
    }
    if (url.protocol !== 'https:') return { ok: false, error: 'not an http(s) address' };
    const deadline = AbortSignal.timeout(timeoutMs);
    const both = AbortSignal.any([signal, deadline]);
    try {
      const res = await fetch(url, {
        signal: both,
        redirect: 'manual',
        credentials: 'omit',
        headers: { 'user-agent': 'nvr-assist', accept: 'application/json, text/plain' },
      });
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
      if (signal.aborted) return { ok: false, error: 'cancelled' };
      if (deadline.aborted) return { ok: false, error: 'no answer in time' };
      return { ok: false, error: 'not reachable (or its certificate was refused)' };
    }
  };
}
