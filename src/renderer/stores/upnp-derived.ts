// The UPnP page's rules that need no Vue: how a mapping is named, the order of the table, which mappings are chosen
// for deletion, and what each deletion came to. Pure, so the store and the page's parts share them.
import type { UpnpDeletion, UpnpMapping, UpnpProtocol } from '../../shared/domain/upnp';

/** At most this many mappings go in one deletion (the contract's bound). */
export const MAX_DELETIONS = 32;

/** A mapping's identity on the router: its protocol and outside port ("TCP/8000"). */
export function mappingKey(m: { protocol: UpnpProtocol; externalPort: number }): string {
  return `${m.protocol}/${m.externalPort}`;
}

/** An IPv4 address as a number for ordering (anything else after every address). */
function addressOrder(address: string): number {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return 2 ** 32;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

/**
 * The table's order: the mappings to a camera or recorder first (the ones to delete), then by the device's address,
 * the outside port and the protocol.
 */
export function orderMappings(mappings: readonly UpnpMapping[]): UpnpMapping[] {
  return [...mappings].sort(
    (a, b) =>
      Number(b.camera) - Number(a.camera) ||
      addressOrder(a.internalClient) - addressOrder(b.internalClient) ||
      a.externalPort - b.externalPort ||
      a.protocol.localeCompare(b.protocol),
  );
}

/** Whether a mapping is chosen for deletion: what the user ticked, else chosen when it opens a camera or the NVR. */
export function isChosen(m: UpnpMapping, choices: Readonly<Record<string, boolean>>): boolean {
  return choices[mappingKey(m)] ?? m.camera;
}

/** The user's ticks that still name a mapping the router lists (a mapping gone or new starts from its default). */
export function keptChoices(
  choices: Readonly<Record<string, boolean>>,
  mappings: readonly UpnpMapping[],
): Record<string, boolean> {
  const listed = new Set(mappings.map(mappingKey));
  return Object.fromEntries(Object.entries(choices).filter(([key]) => listed.has(key)));
}

/**
 * What a deletion came to: gone from the list read again; accepted by the router and still listed; refused with a
 * UPnP error; or not sent at all (the router did not list it, or no UPnP gateway answered).
 */
export type DeletionOutcome = 'gone' | 'not-gone' | 'refused' | 'not-sent';

export function deletionOutcome(d: UpnpDeletion): DeletionOutcome {
  if (d.gone) return 'gone';
  if (d.accepted) return 'not-gone';
  return d.errorCode === null ? 'not-sent' : 'refused';
}

/** UPnP error 606 (Action not authorized): the router lets each device delete only the mappings it made itself. */
export const NOT_AUTHORIZED = 606;
