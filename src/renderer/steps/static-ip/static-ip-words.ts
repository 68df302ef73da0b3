// How the Static IP page says things: where a reading came from, a change's outcome, a
// netmask, and the later steps by their titles. Plain words only; no command lines.
import { STEPS } from '../../../shared/domain/steps';
import type { Ipv4SettingsData, StaticIpReading, StaticIpResult } from '../../../shared/steps/static-ip';

type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger' | 'muted';

/** Where the device's settings on show came from. */
export const SOURCE_WORDS: Record<Ipv4SettingsData['source'], string> = {
  onvif: 'read from the NVR itself after a login (ONVIF)',
  sadp: 'what the NVR announced to the maker’s search (SADP), without a login',
  dhip: 'what the NVR announced to the maker’s search (Dahua DHIP), without a login',
  discovery: 'only the address the NVR answered the search on, without a login',
};

/** Where the DHCP range rests. */
export const POOL_SOURCE_WORDS: Record<NonNullable<StaticIpReading['pool']>['source'], string> = {
  user: 'the range you typed from the router’s page',
  leases: 'the addresses of devices seen on DHCP (a guess: the range is at least this wide)',
  'router-default': 'the router maker’s factory range (a hint only: yours may differ)',
};

export const OUTCOME_VIEW: Record<StaticIpResult['outcome'], { label: string; tone: Tone; words: string }> = {
  verified: { label: 'moved and checked', tone: 'ok', words: 'The NVR keeps its new address.' },
  restored: { label: 'put back', tone: 'warn', words: 'The NVR kept (or got back) its old address.' },
  failed: { label: 'not verified', tone: 'danger', words: 'The change could not be verified.' },
  lost: { label: 'not found', tone: 'danger', words: 'The NVR did not come back within the time allowed.' },
};

/** "DHCP on", "static", "not known". */
export function dhcpWords(dhcp: boolean | null): string {
  if (dhcp === null) return 'not known';
  return dhcp ? 'DHCP on (the router hands it an address)' : 'static (DHCP off)';
}

/** 255.255.255.0 for 24 (null outside 0–32). */
export function netmask(prefix: number): string | null {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (mask >>> shift) & 255).join('.');
}

/** "192.168.1.200/24 (netmask 255.255.255.0)". */
export function addressWithMask(address: string, prefix: number | null): string {
  if (prefix === null) return address;
  const mask = netmask(prefix);
  return mask ? `${address}/${prefix} (netmask ${mask})` : `${address}/${prefix}`;
}

/** A later step main names for a re-check: its title and, when it has a page, the route to it. */
export function recheckStep(id: string): { key: string; title: string; route: { name: string } | null } {
  const step = STEPS.find((s) => s.id === id);
  if (!step) return { key: id, title: id, route: null };
  return { key: id, title: step.title, route: step.available ? { name: `step-${step.id}` } : null };
}

/** A MAC as routers show it ("AA:BB:CC:DD:EE:FF"), and the other way some write it ("AA-BB-CC-DD-EE-FF"). */
export function macForms(mac: string): { colons: string; dashes: string } {
  const colons = mac.toUpperCase();
  return { colons, dashes: colons.replaceAll(':', '-') };
}
