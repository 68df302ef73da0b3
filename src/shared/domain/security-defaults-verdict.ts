// The default-password check's verdict from the NVR's answers, what the record keeps of the attempts, and the
// finding it adds to the Security check (the policy and the plan: security-defaults.ts). Pure.
import type { DefaultCredential } from '../catalog/default-credentials';
import {
  DEFAULT_WINDOW_MS,
  describeCandidate,
  type DefaultAttempt,
  type DefaultCheck,
  type DefaultOutcome,
} from './security-defaults';
import { finding, type SecurityFinding } from './security-model';

/** Whether to go on after an answer: only after a refusal the user confirmed going past. */
export function goOnAfter(outcome: DefaultOutcome, tryNext: boolean): boolean {
  return outcome === 'refused' && tryNext;
}

const REASONS: Readonly<Record<Exclude<DefaultOutcome, 'accepted' | 'refused'>, string>> = {
  locked: 'The NVR answered that the login is locked: the check stopped at once, so the lock is not made longer.',
  'no-answer': 'The NVR did not answer the login: nothing is known about its password.',
  unusable:
    'The NVR’s answer says nothing about the password (its clock is far off, or it wants a login method the app does not speak).',
};

/** The verdict from this run's answers (`tried` in order; `candidates` the table's rows that were planned). */
export function judgeDefaultAnswers(args: {
  deviceId: string;
  brand: string | null;
  tried: readonly DefaultAttempt[];
  candidates: readonly DefaultCredential[];
  untried: number;
  checkedAt: string;
}): DefaultCheck {
  const { tried } = args;
  const base = {
    deviceId: args.deviceId,
    checkedAt: args.checkedAt,
    brand: args.brand,
    tried: [...tried],
    nextAt: null,
  };
  const row = (id: string) => args.candidates.find((c) => c.id === id) ?? null;
  const hit = tried.find((a) => a.outcome === 'accepted');
  if (hit) {
    const c = row(hit.candidate);
    return {
      ...base,
      verdict: 'accepted',
      accepted: c ? describeCandidate(c) : hit.candidate,
      reason: `Your NVR still accepts its factory login: ${c ? describeCandidate(c) : hit.candidate}. This login is published for every device of the brand, so anyone who can reach the NVR can log in and watch, change or delete the recordings.`,
      fix: `Change it now: log in to the NVR (its web page or the vendor app), open the user settings (often Configuration › System › User Management, or Settings › System › Account), give "${c?.user ?? 'admin'}" a new password of 12+ characters of three kinds, unique to this NVR, then check again here. Do not forward any port to it until then.`,
      untried: args.untried,
      source: c?.source.slice(0, 300) ?? null,
    };
  }
  const last = tried.at(-1);
  if (!last)
    return {
      ...base,
      verdict: 'not-tried',
      accepted: null,
      reason: 'No default was tried.',
      fix: 'Check again.',
      untried: args.untried,
      source: null,
    };
  if (last.outcome !== 'refused' && last.outcome !== 'accepted') {
    const refusedBefore = tried.filter((a) => a.outcome === 'refused').length;
    return {
      ...base,
      verdict: 'not-tried',
      accepted: null,
      reason: `${REASONS[last.outcome]}${refusedBefore ? ` (${refusedBefore} default refused before it.)` : ''}`,
      fix:
        last.outcome === 'locked'
          ? 'Wait until the lock ends (often 30 minutes), then log in with your own password to make sure it works. Do not retry now.'
          : 'Make sure the NVR is on and reachable (Find, Ports), then check again.',
      untried: args.untried + (args.candidates.length - tried.length),
      source: null,
    };
  }
  const left = args.untried + (args.candidates.length - tried.length);
  return {
    ...base,
    verdict: 'refused',
    accepted: null,
    reason: `The NVR refused ${tried.length === 1 ? 'the factory default' : `all ${tried.length} factory defaults`} tried: ${tried
      .map((a) => {
        const c = row(a.candidate);
        return c ? `user "${c.user}" with ${c.password ? 'the factory password' : 'a blank password'}` : a.candidate;
      })
      .join(
        '; ',
      )}.${left ? ` ${left} other known default${left === 1 ? ' was' : 's were'} not tried (the check stops after a refusal unless you confirm, and makes at most 2 attempts in 30 minutes).` : ''}`,
    fix: 'Good. Keep the password your own, 12+ characters of three kinds.',
    untried: left,
    source: null,
  };
}

/** The attempts to keep: this run's added, those older than the window dropped, newest 16 at most. */
export function keepAttempts(
  kept: readonly DefaultAttempt[],
  added: readonly DefaultAttempt[],
  now: Date,
): DefaultAttempt[] {
  const since = now.getTime() - DEFAULT_WINDOW_MS;
  return [...kept, ...added].filter((a) => Date.parse(a.at) > since).slice(-16);
}

/**
 * The check's finding for the Security list (the chosen NVR's last check; none before one was made): a default that
 * still works is the top risk, above any firmware finding; a refusal is a note; a check that could not try is an
 * unknown worth nothing (it is only said).
 */
export function defaultPasswordFinding(check: DefaultCheck | null): SecurityFinding[] {
  if (!check) return [];
  const evidence = [
    `Checked ${check.checkedAt.slice(0, 16).replace('T', ' ')} UTC: ${check.tried.length} attempt${check.tried.length === 1 ? '' : 's'} (${check.tried.map((a) => `${a.candidate}: ${a.outcome}`).join(', ') || 'none'}).`,
  ];
  const source = check.source ?? undefined;
  if (check.verdict === 'accepted')
    return [
      finding(
        'default-password',
        'critical',
        'The factory default password still works',
        check.reason,
        check.fix,
        evidence,
        {
          worth: 40,
          ...(source ? { source } : {}),
        },
      ),
    ];
  if (check.verdict === 'refused')
    return [
      finding(
        'default-password',
        'info',
        'The factory default password was refused',
        check.reason,
        check.fix,
        evidence,
      ),
    ];
  return [
    finding(
      'default-password',
      'unknown',
      'The default password could not be checked',
      check.reason,
      check.fix,
      evidence,
      {
        worth: 0,
      },
    ),
  ];
}

/** The check when nothing was tried (the plan said why, or the NVR's login service could not be found). */
export function notTriedCheck(args: {
  deviceId: string | null;
  brand: string | null;
  reason: string;
  fix: string;
  nextAt: string | null;
  untried: number;
  checkedAt: string;
}): DefaultCheck {
  return {
    deviceId: args.deviceId,
    checkedAt: args.checkedAt,
    brand: args.brand,
    verdict: 'not-tried',
    accepted: null,
    reason: args.reason,
    fix: args.fix,
    tried: [],
    untried: args.untried,
    nextAt: args.nextAt,
    source: null,
  };
}

/**
 * What the record keeps as the last check: a run that tried nothing does not replace the same device's earlier
 * verdict (a default that worked stays found until a new attempt says otherwise).
 */
export function checkToKeep(previous: DefaultCheck | null, check: DefaultCheck): DefaultCheck {
  if (check.tried.length || !previous || previous.deviceId !== check.deviceId || previous.verdict === 'not-tried')
    return check;
  return previous;
}
