// MACs for devices that did not send one (a WS-Discovery answer without a MAC scope, an SSDP description): after a
// search we have just exchanged packets with each of them, so the kernel's neighbour (ARP) table usually names the
// MAC behind its address. The MAC is how the app follows a device after its address moves (Static IP).
import type { DiscoveredDevice } from '../../../shared/domain/device';
import { parseProcArp } from '../../protocol/arp';
import { inSubnet } from '../../protocol/ipv4';
import type { SystemSource } from '../../transport/system';
import type { TcpProbe } from '../../transport/tcp';
import type { Finding } from './inventory';

export const NEIGHBOUR_NOTE = "MAC address read from this computer's neighbour (ARP) table.";
/** Devices knocked on at most, once each, when the table does not name them yet. */
const MAX_KNOCKS = 64;
const KNOCK_MS = 500;

export interface NeighbourOptions {
  system: Pick<SystemSource, 'readText'>;
  /** The searched interface's subnet: only devices on it can be in its neighbour table. */
  subnet: { network: string; prefix: number };
  signal: AbortSignal;
  /**
   * When given, devices the table does not name yet get one TCP connect on a port they use (their ONVIF or web
   * port, else 80), so the kernel asks who has the address; the table is then read again. Only where the table
   * could be read at all.
   */
  tcp?: TcpProbe;
  knockTimeoutMs?: number;
}

/**
 * Findings that give each device without a MAC, on the subnet, the MAC the neighbour table names for one of its
 * addresses. Only complete entries count (parseProcArp), and a MAC another device already has is left out (the
 * inventory would merge the finding into that one). Never throws; an unreadable table gives no findings.
 */
export async function macsFromNeighbours(devices: DiscoveredDevice[], options: NeighbourOptions): Promise<Finding[]> {
  const { subnet, signal } = options;
  const onSubnet = (d: DiscoveredDevice) => d.addresses.filter((a) => inSubnet(a, subnet.network, subnet.prefix));
  const wanting = devices.filter((d) => !d.mac && onSubnet(d).length > 0);
  if (wanting.length === 0 || signal.aborted) return [];
  const taken = new Set(devices.map((d) => d.mac).filter((m): m is string => Boolean(m)));
  const read = () => options.system.readText('/proc/net/arp').catch(() => null);

  const found = new Map<DiscoveredDevice, { address: string; mac: string }>();
  const lookUp = (table: Map<string, string>) => {
    for (const d of wanting) {
      if (found.has(d)) continue;
      for (const address of onSubnet(d)) {
        const mac = table.get(address);
        if (mac && !taken.has(mac)) {
          found.set(d, { address, mac });
          taken.add(mac);
          break;
        }
      }
    }
  };
  // No table to read (not Linux, or not allowed): nothing to learn, so nothing is sent either.
  const first = await read();
  if (first === null) return [];
  lookUp(parseProcArp(first));

  const unnamed = wanting.filter((d) => !found.has(d)).slice(0, MAX_KNOCKS);
  if (options.tcp && unnamed.length > 0 && !signal.aborted) {
    const tcp = options.tcp;
    await Promise.all(
      unnamed.map((d) =>
        tcp(onSubnet(d)[0]!, d.ports.onvif ?? d.ports.http ?? 80, options.knockTimeoutMs ?? KNOCK_MS, signal).catch(
          () => 'timeout' as const,
        ),
      ),
    );
    if (!signal.aborted) lookUp(parseProcArp((await read()) ?? ''));
  }

  return wanting
    .filter((d) => found.has(d))
    .map((d) => {
      const { address, mac } = found.get(d)!;
      return {
        source: d.sources[0] ?? 'sweep',
        address,
        interfaceName: d.interfaceName,
        mac,
        endpoint: d.endpoint,
        serial: d.serial,
        notes: [NEIGHBOUR_NOTE],
      };
    });
}
