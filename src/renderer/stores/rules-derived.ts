// What the Router rules page works out by itself, before anything is sent: the allowed sources as the user typed
// them, checked with the plan's own rules (checkSourceSaid, its reasons said in the page's language), and the
// router's interface name and forward chain (commandOptionsSaid, said in the page's language too). Main checks both again; these only spare the user a round trip and
// say the problem where it was typed.
import { checkSourceSaid } from '../../shared/domain/forward-plan-shapes';
import { commandOptionsSaid, type RouterFamily } from '../../shared/domain/rule-commands';
import { sayIn, type Said } from '../../shared/i18n/said';
import { t } from '../composables/useT';

/** A reason the plan's own checks give by key, in the page's language (the key itself, as `t` says a missing one). */
export const sayReason = (words: Said): string => sayIn({ t }, words, words.key);

/** As many sources as the plan keeps. */
export const MAX_SOURCES = 16;

export interface CheckedSources {
  /** The sources in the form main keeps them (an address, or a network in CIDR form), each once. */
  cidrs: string[];
  /** What is wrong with what was typed, one sentence a problem, in the page's language. */
  problems: string[];
}

/** The allowed sources field: addresses or networks separated by commas (or spaces); empty = from anywhere. */
export function checkAllowText(text: string): CheckedSources {
  const parts = text
    .split(/[,\s;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const cidrs: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const checked = checkSourceSaid(part);
    if (!checked.ok) problems.push(sayReason(checked.said));
    else if (!cidrs.includes(checked.cidr)) cidrs.push(checked.cidr);
  }
  if (cidrs.length > MAX_SOURCES)
    problems.push(t('rules.wishes.tooManySources', { count: cidrs.length - MAX_SOURCES, max: MAX_SOURCES }));
  return { cidrs, problems };
}

/** The families whose commands name the router's internet-side interface. */
export const usesWan = (family: RouterFamily | null): boolean => family === 'nftables' || family === 'iptables';

/** The WAN interface typed (empty: main writes its default), or why it is not an interface name. */
export function checkWan(text: string): { ok: true; wan: string | null } | { ok: false; error: string } {
  const wan = text.trim();
  if (!wan) return { ok: true, wan: null };
  const bad = commandOptionsSaid({ wan });
  return bad
    ? { ok: false, error: t('rules.router.wanProblem', { problem: sayReason(bad), example: 'eth1', wan: 'wan' }) }
    : { ok: true, wan };
}

/**
 * nftables: the router's own forward chain typed as "<family> <table> <chain>" (empty: none named, the commands only
 * accept in their own table), or why it is not one. Named, the commands add the accept there too: an accept in our
 * own table does not override another table's drop.
 */
export function checkForwardChain(text: string): { ok: true; chain: string | null } | { ok: false; error: string } {
  const chain = text.trim().replace(/\s+/g, ' ');
  if (!chain) return { ok: true, chain: null };
  const bad = commandOptionsSaid({ forwardChain: chain });
  return bad ? { ok: false, error: sayReason(bad) } : { ok: true, chain };
}
