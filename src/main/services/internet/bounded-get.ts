// A bounded GET for the address checker: plain http through the app's HttpTransport (the lab's checker, a
// self-hosted echoip), https through Node's fetch (ifconfig.co) with the same bounds — the whole exchange within
// `timeoutMs`, the body cut off past `maxBytes`, no redirect followed, no cookie or credential sent.
import { boundedFetch } from '../../transport/bounded-fetch';
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
    return boundedFetch(
      url,
      { headers: { 'user-agent': 'nvr-assist', accept: 'application/json, text/plain' } },
      { timeoutMs, maxBytes, signal },
    );
  };
}
