// The Static IP step's shared vocabulary: the types the service, the contract and the page use, and the LAN helpers
// the findings, the pool and the proposal share. Pure (see static-ip.ts).
import { english } from '../i18n/english';
import { said, type Said } from '../i18n/said';
import { broadcastNumber, classifyIpv4, formatIpv4, isPrefix, networkNumber, parseIpv4 } from './ipv4';

// ---------------------------------------------------------------------------------------------------------------
// Types (the names the service, the contract and the page use)

/** What the device says about its own IPv4 settings, and where that came from. */
export interface Ipv4Settings {
  /** DHCP on (true), off (false), or not known (null: e.g. found by discovery alone). */
  dhcp: boolean | null;
  address: string | null;
  prefix: number | null;
  /**
   * The default gateway. Null means "none set" when the source reports gateways (ONVIF, SADP, DHIP) and "not known"
   * when it is 'discovery'.
   */
  gateway: string | null;
  /** The DNS servers. Empty means "none set" from ONVIF GetDNS or a non-empty list elsewhere; "not known" otherwise. */
  dns: string[];
  source: 'onvif' | 'sadp' | 'dhip' | 'discovery';
}

/** This computer on the LAN, from "Your network". */
export interface LanFacts {
  interfaceName: string;
  address: string;
  prefix: number;
  gateway: string | null;
}

export type PoolSource = 'user' | 'leases' | 'router-default';

/** The router's DHCP pool as far as we know it: its first and last address, and what that rests on. */
export interface DhcpPool {
  first: string;
  last: string;
  source: PoolSource;
  /** Plain words: what the pool rests on and how sure it is (English; the JSON's). */
  basis: string;
  /** The same words by the catalogue's keys: its parts, joined by "; " (absent in records written before). */
  basisSaid?: Said[];
}

/** A device we know on the LAN (by its id), or an address planned for one. */
export interface KnownDevice {
  id: string;
  address: string;
  mac: string | null;
  dhcp: boolean | null;
  /** The address is planned for this device (not in use yet). */
  planned?: boolean;
}

export type FindingCode =
  | 'on-dhcp'
  | 'static-in-pool'
  | 'static-off-subnet'
  | 'gateway-not-router'
  | 'no-dns'
  | 'other-subnet'
  | 'address-conflict'
  | 'static-ok'
  | 'settings-unknown';

export interface Finding {
  code: FindingCode;
  severity: 'problem' | 'warning' | 'ok' | 'info';
  /** Plain words for a home user (English; the JSON's). */
  text: string;
  /** The same words by the catalogue's key, for the page and the CLI to say in the user's language. */
  said?: Said;
  /** Where each fact came from. */
  evidence: string[];
}

export interface AddressProposal {
  address: string;
  prefix: number;
  gateway: string;
  dns: string[];
  /** Plain words: why this address, gateway and DNS (English; the JSON's). */
  why: string[];
  /** The same lines by the catalogue's keys, one for each of `why` (absent in records written before). */
  whySaid?: Said[];
}

export interface InputIssue {
  severity: 'error' | 'warning';
  /** Plain words (English; the JSON's). */
  text: string;
  /** The same words by the catalogue's key, for the page and the CLI to say in the user's language. */
  said?: Said;
}

export interface AddressContext {
  lan: LanFacts;
  pool: DhcpPool | null;
  known: KnownDevice[];
  /** The device being set: its own entries in `known` do not count as taken. */
  deviceId: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The LAN

/** The prefixes we plan addresses in: /8 to /30 (a /30 has two host addresses, the router's and one more). */
export const MIN_PREFIX = 8;
export const MAX_PREFIX = 30;

/** What makes this computer's network unusable for planning an address, said by key; null when it is usable. */
export function lanProblemSaid(lan: LanFacts): Said | null {
  if (parseIpv4(lan.address) === null) return said('staticIp.lanProblem.notIpv4', { address: lan.address });
  if (!isPrefix(lan.prefix) || lan.prefix > MAX_PREFIX)
    return said('staticIp.lanProblem.pointToPoint', { prefix: String(lan.prefix) });
  if (lan.prefix < MIN_PREFIX) return said('staticIp.lanProblem.tooLarge', { prefix: String(lan.prefix) });
  return null;
}

/** What makes this computer's network unusable for planning an address, in plain words; null when it is usable. */
export function lanProblem(lan: LanFacts): string | null {
  const problem = lanProblemSaid(lan);
  return problem === null ? null : english(problem);
}

export interface Lan {
  network: number;
  broadcast: number;
  prefix: number;
  self: number;
  /** The router's address; NaN when it is not known (NaN equals nothing and lies in no range). */
  gateway: number;
  label: string;
}

export function lanOf(lan: LanFacts): Lan | null {
  if (lanProblem(lan) !== null) return null;
  const network = networkNumber(lan.address, lan.prefix) as number;
  const gateway = parseIpv4(lan.gateway) ?? NaN;
  return {
    network,
    broadcast: broadcastNumber(lan.address, lan.prefix) as number,
    prefix: lan.prefix,
    self: parseIpv4(lan.address) as number,
    gateway,
    label: `${formatIpv4(network)}/${lan.prefix}`,
  };
}

export const onLan = (l: Lan, value: number) => value >= l.network && value <= l.broadcast;

/** An address as people read it on this LAN: the last octet (".100") on a /24 or smaller, else the whole address. */
export function short(l: Lan, value: number): string {
  return l.prefix >= 24 ? `.${value & 255}` : formatIpv4(value);
}

export function lanEvidence(lan: LanFacts): string {
  const via = lan.gateway === null ? 'no router known' : `via ${lan.gateway}`;
  return `your computer: ${lan.address}/${lan.prefix} ${via} (${lan.interfaceName})`;
}

export const inPool = (pool: DhcpPool | null, value: number) =>
  pool !== null && value >= (parseIpv4(pool.first) as number) && value <= (parseIpv4(pool.last) as number);

export function poolLabel(l: Lan, pool: DhcpPool): string {
  return `${short(l, parseIpv4(pool.first) as number)}–${short(l, parseIpv4(pool.last) as number)}`;
}

/** A DNS entry a device can use: a unicast address (not 0.0.0.0, broadcast, loopback, multicast or link-local). */
export function usableDns(address: string): boolean {
  const v = parseIpv4(address);
  if (v === null || v === 0 || v === 0xffffffff) return false;
  const kind = classifyIpv4(address);
  return kind !== 'loopback' && kind !== 'multicast' && kind !== 'link-local';
}
