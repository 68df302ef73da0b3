import { AppFailure } from '../../../shared/ipc/errors';
import { classifyIpv4, parseIpv4 } from '../../protocol/ipv4';
import type { HostLookup } from '../../transport/dns';
import { readDeviceClock, type OnvifClientDeps, type DeviceClock } from './onvif-client';

/** Ports where NVRs and cameras commonly serve ONVIF (PORTS.md: 80 most, Reolink 8000, some 8080/8899/2020). */
export const ONVIF_PORTS = [80, 8000, 8080, 8899, 2020] as const;

/**
 * A host the user typed: an IPv4 address or a LAN name, resolved and accepted only when it is a private
 * (RFC 1918) or link-local address. Routed private networks (another VLAN) are fine; the internet is not.
 */
export async function resolveLocalHost(host: string, lookup: HostLookup): Promise<string> {
  const trimmed = host.trim();
  let address: string | null = parseIpv4(trimmed) !== null ? trimmed : null;
  if (!address) {
    if (!/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}))*\.?$/.test(trimmed))
      throw new AppFailure('HOST_NOT_FOUND');
    address = await lookup(trimmed);
    if (!address) throw new AppFailure('HOST_NOT_FOUND');
  }
  const kind = classifyIpv4(address);
  if (kind !== 'private' && kind !== 'link-local') throw new AppFailure('ADDRESS_NOT_LOCAL');
  return address;
}

/**
 * Finds the ONVIF device service on an address: the given port, or the usual ones in turn, asking only the
 * unauthenticated GetSystemDateAndTime (no password is sent while searching).
 */
export async function findOnvifEndpoint(
  deps: OnvifClientDeps,
  address: string,
  port: number | undefined,
  signal?: AbortSignal,
): Promise<{ url: URL; clock: DeviceClock }> {
  let lastError: AppFailure = new AppFailure('DEVICE_UNREACHABLE');
  for (const p of port ? [port] : ONVIF_PORTS) {
    const url = new URL(`http://${address}${p === 80 ? '' : `:${p}`}/onvif/device_service`);
    try {
      return { url, clock: await readDeviceClock(deps, url, signal) };
    } catch (err) {
      if (err instanceof AppFailure && err.code === 'CANCELLED') throw err;
      if (err instanceof AppFailure && (err.code === 'NOT_ONVIF' || lastError.code === 'DEVICE_UNREACHABLE'))
        lastError = err;
    }
  }
  throw lastError;
}
