// One bounded HTTP(S) exchange with a DDNS provider: the whole exchange within `timeoutMs`, the body cut off past
// `maxBytes`, no redirect followed (a redirect could carry the login elsewhere), no cookie kept, TLS certificates
// verified (Node's defaults) — transport/bounded-fetch. The request's headers carry the secret; nothing here logs them.
import type { DdnsRequest } from '../../../shared/domain/ddns';
import { boundedFetch } from '../../transport/bounded-fetch';

export type DdnsHttp = (
  request: DdnsRequest,
  limits: { timeoutMs: number; maxBytes: number; signal?: AbortSignal },
) => Promise<{ ok: true; status: number; body: string } | { ok: false; error: string }>;

export const fetchDdnsHttp: DdnsHttp = async (request, limits) => {
  const r = await boundedFetch(
    request.url,
    { method: request.method, headers: request.headers, body: request.body },
    limits,
  );
  return r.ok ? { ok: true, status: r.status, body: new TextDecoder().decode(r.body) } : r;
};
