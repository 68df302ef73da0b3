import net from 'node:net';

export type ConnectResult = 'open' | 'closed' | 'timeout';

/** A TCP connect attempt: open (accepted), closed (refused: the host is there) or timeout (nobody answered). */
export type TcpProbe = (
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
) => Promise<ConnectResult>;

export const nodeTcpProbe: TcpProbe = (address, port, timeoutMs, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve('timeout');
    const socket = net.connect({ host: address, port });
    let done = false;
    const finish = (result: ConnectResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish('timeout');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('open'));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ECONNREFUSED' ? 'closed' : 'timeout'));
  });
