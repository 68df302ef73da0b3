// The default-password check's verdict from the NVR's answers, what the record keeps of the attempts, and the
// finding it adds to the Security check (the policy and the plan: security-defaults.ts). Pure. The reason and the
// fix are said by key (`security.said.defaults.…`) beside main's English sentence; inside the refusal's sentence the
// default refused ('user "admin" with the factory password') is said by key too (words within words, with values),
// several as a list of such words (joined by `security.said.defaults.triedNext`: "a; b"; one not in the table is its
// id, as a value). The evidence line stays English.
import type { DefaultCredential } from '../catalog/default-credentials';
import { saidInEnglish } from '../i18n/english';
import { said, saidList, saidWords, type Said, type SaidList, type SaidWords } from '../i18n/said';
import {
  DEFAULT_WINDOW_MS,
  describeCandidate,
  type DefaultAttempt,
  type DefaultCheck,
  type DefaultOutcome,
} from './security-defaults';
import { sayFinding as finding } from './security-finding';
import type { SecurityFinding, SecuritySeverity } from './security-model';

/** Whether to go on after an answer: only after a refusal the user confirmed going past. */
export function goOnAfter(outcome: DefaultOutcome, tryNext: boolean): boolean {
  return outcome === 'refused' && tryNext;
}

/** A check's reason and fix, with their English sentences (`reason`, `fix`) and their keys (`said`). */
function reasonAndFix(reason: Said, fix: Said): Pick<DefaultCheck, 'reason' | 'fix' | 'said'> {
  const r = saidInEnglish(reason);
  const f = saidInEnglish(fix);
  return { reason: r.text, fix: f.text, said: { reason, fix } };
}

/** The factory login that worked, in the reason's whole sentence. */
function acceptedReason(c: DefaultCredential | null, candidate: string): Said {
  if (!c) return said('security.said.defaults.acceptedOther', { candidate });
  return said(c.password ? 'security.said.defaults.acceptedFactory' : 'security.said.defaults.acceptedBlank', {
    user: c.user,
    era: c.era,
  });
}

/** A refused default from the table, as words that fill the refusal's {tried}. */
function candidateWords(c: DefaultCredential): SaidWords {
  return saidWords(c.password ? 'security.said.defaults.candidateFactory' : 'security.said.defaults.candidateBlank', {
    user: c.user,
  });
}

/**
 * Why a refusal ended the run: how many were tried, and how many known defaults were left untried. `list`: the one
 * refused default by key (one not in the table: its id), or several as a list of them.
 */
function refusedReason(tried: number, list: string | SaidWords | SaidList, left: number): Said {
  if (tried === 1)
    return left === 0
      ? said('security.said.defaults.refusedOne', { tried: list })
      : said(left === 1 ? 'security.said.defaults.refusedOneLeftOne' : 'security.said.defaults.refusedOneLeft', {
          tried: list,
          left: String(left),
        });
  const count = String(tried);
  return left === 0
    ? said('security.said.defaults.refusedAll', { count, tried: list })
    : said(left === 1 ? 'security.said.defaults.refusedAllLeftOne' : 'security.said.defaults.refusedAllLeft', {
        count,
        tried: list,
        left: String(left),
      });
}

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
  /** A refused default in words by key; one not in the table by its id. */
  const refusedWords = (id: string): string | SaidWords => {
    const c = row(id);
    return c ? candidateWords(c) : id;
  };
  const hit = tried.find((a) => a.outcome === 'accepted');
  if (hit) {
    const c = row(hit.candidate);
    return {
      ...base,
      verdict: 'accepted',
      accepted: c ? describeCandidate(c) : hit.candidate,
      ...reasonAndFix(
        acceptedReason(c, hit.candidate),
        said('security.said.defaults.changeNow', { user: c?.user ?? 'admin' }),
      ),
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
      ...reasonAndFix(said('security.said.defaults.noneTried'), said('security.said.defaults.checkAgain')),
      untried: args.untried,
      source: null,
    };
  if (last.outcome !== 'refused' && last.outcome !== 'accepted') {
    const refusedBefore = tried.filter((a) => a.outcome === 'refused').length;
    return {
      ...base,
      verdict: 'not-tried',
      accepted: null,
      ...reasonAndFix(
        refusedBefore
          ? said(`security.said.defaults.stoppedAfterRefusal.${last.outcome}`, { refused: String(refusedBefore) })
          : said(`security.said.defaults.stopped.${last.outcome}`),
        said(last.outcome === 'locked' ? 'security.said.defaults.waitLockNoRetry' : 'security.said.defaults.reachable'),
      ),
      untried: args.untried + (args.candidates.length - tried.length),
      source: null,
    };
  }
  const left = args.untried + (args.candidates.length - tried.length);
  return {
    ...base,
    verdict: 'refused',
    accepted: null,
    ...reasonAndFix(
      refusedReason(
        tried.length,
        tried.length === 1
          ? refusedWords(tried[0]!.candidate)
          : saidList(
              tried.map((a) => refusedWords(a.candidate)),
              { join: 'security.said.defaults.triedNext' },
            ),
        left,
      ),
      said('security.said.defaults.good'),
    ),
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

/** The finding each verdict makes: its severity, its title and, where it is not the severity's, its worth. */
const DEFAULT_FINDING = {
  accepted: { severity: 'critical', title: 'security.said.defaults.finding.accepted', worth: 40 },
  refused: { severity: 'info', title: 'security.said.defaults.finding.refused' },
  'not-tried': { severity: 'unknown', title: 'security.said.defaults.finding.notTried', worth: 0 },
} as const satisfies Record<DefaultCheck['verdict'], { severity: SecuritySeverity; title: string; worth?: number }>;

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
  // Only an accepted default names where its password came from; a refusal keeps the usual worth of its severity.
  const look = DEFAULT_FINDING[check.verdict];
  const source = check.verdict === 'accepted' ? (check.source ?? undefined) : undefined;
  return [
    finding(
      'default-password',
      look.severity,
      said(look.title),
      check.said?.reason ?? check.reason,
      check.said?.fix ?? check.fix,
      evidence,
      {
        ...('worth' in look ? { worth: look.worth } : {}),
        ...(source ? { source } : {}),
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
  /** The reason and the fix by key (absent: English only). */
  said?: { reason: Said; fix: Said };
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
    ...(args.said ? { said: args.said } : {}),
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
