// The limits of a search for devices, in one place for main (which enforces them) and the Find page (which says
// them before a search starts). Pure constants and tiny pure functions: no I/O, no clock.

/**
 * The largest subnet the address sweep knocks on: a /22 (1,022 host addresses). A bigger network (a smaller
 * prefix) gets the usual discovery only; main refuses to sweep it, the CLI says so, the Find page greys the option.
 */
export const SWEEP_MAX_PREFIX = 22;

/**
 * How long the usual search takes, in seconds, as the page says it: the answers main waits for (WS-Discovery,
 * SADP, DHIP, and SSDP, whose devices answer within MX = 3 s) end within about 3.5 s; said rounded up.
 */
export const SEARCH_SECONDS = 4;

/**
 * How long a search with the sweep takes, in seconds, by subnet prefix (measured in the lab with main's sweep:
 * 128 connections in flight, 700 ms per knock). Prefixes longer than /24 take the /24 time.
 */
export const SWEEP_SECONDS: Readonly<Record<22 | 23 | 24, number>> = { 22: 20, 23: 10, 24: 6 };

/** True when the sweep covers a subnet with this prefix (from /22 to /32). */
export function sweepCovers(prefix: number): boolean {
  return Number.isInteger(prefix) && prefix >= SWEEP_MAX_PREFIX && prefix <= 32;
}

/** The host addresses of a subnet with this prefix (network and broadcast left out; /31 and /32 have one). */
export function subnetHostCount(prefix: number): number {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return 0;
  if (prefix >= 31) return 1;
  return 2 ** (32 - prefix) - 2;
}

/**
 * How long a search takes, in whole seconds: the usual search, or with `sweep` the sweep's time for the subnet
 * (`prefix` unknown: a /24). A sweep the subnet is too big for is not run, so it takes the usual time.
 */
export function searchSeconds(options: { sweep: boolean; prefix: number | null }): number {
  const prefix = options.prefix ?? 24;
  if (!options.sweep || !sweepCovers(prefix)) return SEARCH_SECONDS;
  return prefix >= 24 ? SWEEP_SECONDS[24] : SWEEP_SECONDS[prefix as 22 | 23];
}
