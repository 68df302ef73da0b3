// The Internet step's shapes and its verdict: is this router's WAN address the public one (forwarding can work), is
// an ISP box in front (double NAT), or does the carrier share one address among many (CGNAT)? Pure: the main process
// measures (services/internet), this decides. The shapes are in public-address-shapes.ts, the verdict (and its
// sources) in public-address-verdict.ts; this file keeps the public-address history and the default servers, and
// exports all of it, so `./public-address` stays the one place to import from.
import { MAX_PUBLIC_HISTORY, type PublicAddressSeen, type PublicFinding } from './public-address-shapes';

export * from './public-address-shapes';
export * from './public-address-verdict';

/**
 * Records the public address seen now in the history (newest first, at most MAX_PUBLIC_HISTORY) and says whether it
 * changed since the last check (the address looks dynamic). A check without a public address changes nothing.
 */
export function notePublicAddress(
  history: readonly PublicAddressSeen[],
  current: string | null,
  at: string,
): { history: PublicAddressSeen[]; changed: { from: string; lastSeen: string } | null } {
  if (!current) return { history: [...history], changed: null };
  const [last, ...older] = history;
  if (last && last.address === current) return { history: [{ ...last, lastSeen: at }, ...older], changed: null };
  const next = [{ address: current, firstSeen: at, lastSeen: at }, ...history].slice(0, MAX_PUBLIC_HISTORY);
  return { history: next, changed: last ? { from: last.address, lastSeen: last.lastSeen } : null };
}

/** The finding for a public address that changed since the last check. */
export function changedFinding(current: string, changed: { from: string; lastSeen: string }): PublicFinding {
  return {
    code: 'address-changed',
    severity: 'warning',
    text: `The public address changed since the last check (${changed.from}, last seen ${changed.lastSeen}; now ${current}): it looks dynamic. A DDNS name that follows it is needed to reach the NVR by name.`,
  };
}

/**
 * The servers asked when the user names none. Real services (shared/reference/INTERNET-SECURITY.md §2.1, §2.2):
 * Cloudflare's STUN server, and ifconfig.co (echoip's own public instance). Contacted only when the user starts the
 * check; either can be replaced (`--stun`, `--checker`, or the page's fields), e.g. by a self-hosted echoip.
 */
export const DEFAULT_STUN_SERVER = 'stun.cloudflare.com:3478';
export const DEFAULT_CHECKER_URL = 'https://ifconfig.co/';
