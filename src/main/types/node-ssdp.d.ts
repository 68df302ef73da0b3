// Minimal types for the parts of node-ssdp 4.0.1 we use (it ships none). CommonJS: default-import it.
declare module 'node-ssdp' {
  import type { EventEmitter } from 'node:events';
  interface ClientOptions {
    interfaces?: string[];
    explicitSocketBind?: boolean;
    reuseAddr?: boolean;
    ssdpTtl?: number;
    customLogger?: (...args: unknown[]) => void;
  }
  export class Client extends EventEmitter {
    constructor(options?: ClientOptions);
    start(): Promise<void>;
    search(serviceType: string): unknown;
    stop(): void;
    on(
      event: 'response',
      listener: (headers: Record<string, string>, statusCode: number, rinfo: { address: string; port: number }) => void,
    ): this;
  }
  const ssdp: { Client: typeof Client };
  export default ssdp;
}
