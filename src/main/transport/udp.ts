import dgram from 'node:dgram';

export interface Datagram {
  data: Buffer;
  from: { address: string; port: number };
}

export interface UdpSocketHandle {
  send(data: Uint8Array | string, port: number, address: string): Promise<void>;
  close(): void;
}

export interface UdpOpenOptions {
  /** Local address to bind (the interface's IPv4 address, or 0.0.0.0 to hear multicast). */
  bindAddress: string;
  port?: number;
  /** Outgoing multicast leaves through the interface with this address. */
  multicastInterface?: string;
  /** Multicast groups to join on `multicastInterface`. */
  join?: string[];
  reuseAddr?: boolean;
  multicastTtl?: number;
  broadcast?: boolean;
  /** Ask for a larger receive buffer (bursts of answers); the OS may cap it. */
  recvBufferSize?: number;
}

/** Sockets behind an interface, so discovery services can be fed recorded datagrams in tests. */
export interface UdpTransport {
  open(options: UdpOpenOptions, onDatagram: (d: Datagram) => void): Promise<UdpSocketHandle>;
}

export const nodeUdp: UdpTransport = {
  open(options, onDatagram) {
    return new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: 'udp4', reuseAddr: options.reuseAddr ?? false });
      let settled = false;
      socket.on('error', (err) => {
        if (!settled) {
          settled = true;
          socket.close();
          reject(err);
        }
      });
      socket.on('message', (data, rinfo) => onDatagram({ data, from: { address: rinfo.address, port: rinfo.port } }));
      socket.bind(options.port ?? 0, options.bindAddress, () => {
        try {
          if (options.multicastInterface) socket.setMulticastInterface(options.multicastInterface);
          socket.setMulticastTTL(options.multicastTtl ?? 2);
          if (options.recvBufferSize) {
            try {
              socket.setRecvBufferSize(options.recvBufferSize);
            } catch {
              // capped by the OS (net.core.rmem_max): the default buffer still works
            }
          }
          if (options.broadcast) socket.setBroadcast(true);
          for (const group of options.join ?? []) socket.addMembership(group, options.multicastInterface);
        } catch (err) {
          settled = true;
          socket.close();
          reject(err);
          return;
        }
        settled = true;
        let closed = false;
        resolve({
          send: (data, port, address) =>
            new Promise((res, rej) => {
              if (closed) return res();
              socket.send(typeof data === 'string' ? Buffer.from(data) : data, port, address, (err) =>
                err ? rej(err) : res(),
              );
            }),
          close: () => {
            if (closed) return;
            closed = true;
            try {
              socket.close();
            } catch {
              // already closed
            }
          },
        });
      });
    });
  },
};
