// How the Static IP page says things: where a reading came from, a change's outcome, a
// netmask, and the later steps by their titles. Plain words only (staticIp.* in the catalogue); no command lines.
import { STEPS } from '../../../shared/domain/steps';
import { sayPoolBasis, sayWhy, sayWithBasis, type PoolBasis } from '../../../shared/domain/static-ip-say';
import type {
  AddressProblem,
  Ipv4SettingsData,
  StaticIpReading,
  StaticIpResult,
} from '../../../shared/steps/static-ip';
import { t } from '../../composables/useT';
import { stepTitle } from '../../components/step-status';

type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger' | 'muted';

/** Where the device's settings on show came from (“read from the NVR itself after a login (ONVIF)”). */
export function sourceWords(source: Ipv4SettingsData['source']): string {
  return t(`staticIp.source.${source}`);
}

/** What the DHCP range rests on (“the range you typed from the router’s page”). */
export function poolSourceWords(source: NonNullable<StaticIpReading['pool']>['source']): string {
  return t(`staticIp.poolSource.${source}`);
}

/** What the DHCP range rests on, as main said it, in the page's language. */
export function poolBasisWords(pool: PoolBasis): string {
  return sayPoolBasis({ t }, pool);
}

/** Why main proposes this address, line by line, in the page's language (the range's basis within). */
export function whyWords(proposal: NonNullable<StaticIpReading['proposal']>, pool: PoolBasis | null): string[] {
  return sayWhy({ t }, proposal, pool);
}

/** Main's problem with a typed address, in the page's language (the range's basis within, where it says it). */
export function problemWords(problem: AddressProblem, pool: PoolBasis | null): string {
  return sayWithBasis({ t }, problem.said, problem.text, pool);
}

const OUTCOME_TONE: Record<StaticIpResult['outcome'], Tone> = {
  verified: 'ok',
  restored: 'warn',
  failed: 'danger',
  lost: 'danger',
};

/** How a change ended: its badge's words and tone, and its sentence. */
export function outcomeView(outcome: StaticIpResult['outcome']): { label: string; tone: Tone; words: string } {
  return {
    label: t(`staticIp.outcome.${outcome}.label`),
    tone: OUTCOME_TONE[outcome],
    words: t(`staticIp.outcome.${outcome}.words`),
  };
}

/** "DHCP on", "static", "not known". */
export function dhcpWords(dhcp: boolean | null): string {
  if (dhcp === null) return t('staticIp.dhcp.unknown');
  return dhcp ? t('staticIp.dhcp.on') : t('staticIp.dhcp.off');
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
  return mask ? t('staticIp.withMask', { address, prefix: String(prefix), mask }) : `${address}/${prefix}`;
}

/** A later step main names for a re-check: its title and, when it has a page, the route to it. */
export function recheckStep(id: string): { key: string; title: string; route: { name: string } | null } {
  const step = STEPS.find((s) => s.id === id);
  if (!step) return { key: id, title: id, route: null };
  return { key: id, title: stepTitle(step.id), route: step.available ? { name: `step-${step.id}` } : null };
}

/** A MAC as routers show it ("AA:BB:CC:DD:EE:FF"), and the other way some write it ("AA-BB-CC-DD-EE-FF"). */
export function macForms(mac: string): { colons: string; dashes: string } {
  const colons = mac.toUpperCase();
  return { colons, dashes: colons.replaceAll(':', '-') };
}
