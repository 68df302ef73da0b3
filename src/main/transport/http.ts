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

export const nodeHttp: HttpTransport = {
  request(url, options) {
    return new Promise((resolve, reject) => {
      if (url.protocol !== 'http:') return reject(new HttpLimitError('protocol'));
      const req = http.request(
        url,
        {
          method: options.method ?? 'GET',
          headers: { 'user-agent': 'nvr-assist', connection: 'close', ...(options.headers ?? {}) },
          signal: options.signal,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > options.maxBytes) {
              req.destroy();
              reject(new HttpLimitError('too-large'));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', () => reject(new HttpLimitError('unreachable')));
        },
      );
      req.setTimeout(options.timeoutMs, () => {
        req.destroy();
        reject(new HttpLimitError('timeout'));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (options.signal?.aborted) reject(new HttpLimitError('aborted'));
        else if (err.code === 'ECONNREFUSED') reject(new HttpLimitError('refused'));
        else if (err instanceof HttpLimitError) reject(err);
        else reject(new HttpLimitError('unreachable'));
      });
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  },
};
