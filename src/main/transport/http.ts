import http from 'node:http';

export interface LimitedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpLimits {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

/** One HTTP exchange with a device: plain http, no redirects followed, bounded in time and size. */
export interface HttpTransport {
  request(
    url: URL,
    options: HttpLimits & { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  ): Promise<LimitedResponse>;
}

export class HttpLimitError extends Error {
  constructor(readonly reason: 'timeout' | 'too-large' | 'unreachable' | 'refused' | 'aborted' | 'protocol') {
    super(reason);
    this.name = 'HttpLimitError';
  }
}

/**
 * `timeoutMs` bounds the whole exchange (connect, headers and body), not only each silence: a device that trickles a
 * byte at a time still ends at the deadline. `maxBytes` bounds the body; a Content-Length over it is refused before
 * any of the body is read. Node's own limit bounds the headers (16 KB).
 */
export const nodeHttp: HttpTransport = {
  request(url, options) {
    return new Promise((resolve, reject) => {
      if (url.protocol !== 'http:') return reject(new HttpLimitError('protocol'));
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        fn();
      };
      const deadline = setTimeout(() => {
        settle(() => reject(new HttpLimitError('timeout')));
        req.destroy();
      }, options.timeoutMs);
      const req = http.request(
        url,
        {
          method: options.method ?? 'GET',
          headers: { 'user-agent': 'nvr-assist', connection: 'close', ...(options.headers ?? {}) },
          signal: options.signal,
          agent: false,
        },
        (res) => {
          const declared = Number(res.headers['content-length']);
          if (Number.isFinite(declared) && declared > options.maxBytes) {
            settle(() => reject(new HttpLimitError('too-large')));
            req.destroy();
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > options.maxBytes) {
              settle(() => reject(new HttpLimitError('too-large')));
              req.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () =>
            settle(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })),
          );
          res.on('error', () => settle(() => reject(new HttpLimitError('unreachable'))));
          res.on('close', () => settle(() => reject(new HttpLimitError('unreachable'))));
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        settle(() => {
          if (options.signal?.aborted) reject(new HttpLimitError('aborted'));
          else if (err.code === 'ECONNREFUSED') reject(new HttpLimitError('refused'));
          else if (err instanceof HttpLimitError) reject(err);
          else reject(new HttpLimitError('unreachable'));
        });
      });
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  },
};
