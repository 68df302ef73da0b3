import type { PasswordEstimate } from '../../../shared/domain/security-password';

// The password estimator (zxcvbn-ts with its common and English dictionaries), loaded on the first check only: the
// dictionaries are about 1.5 MB of code that start-up, the CLI and every other step never pay for. The password is
// handed to the estimator and dropped; nothing here keeps or logs it.

/** What the estimator takes; the app asks `check` only. */
interface Estimator {
  check(password: string, userInputs?: (string | number)[]): unknown;
}

/** The part of zxcvbn-ts's answer the app reads. */
interface EstimatorAnswer {
  score: number;
  feedback: { warning: string | null; suggestions: string[] };
  crackTimes?: { offlineSlowHashingXPerSecond?: { display?: string } };
}

let loading: Promise<Estimator> | null = null;

async function loadEstimator(): Promise<Estimator> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new core.ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
}

/** The estimator, loaded once (a failed load is tried again at the next check). */
function estimator(): Promise<Estimator> {
  loading ??= loadEstimator().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/**
 * The estimator's score (0–4), warning and suggestions, and the time a stolen, slowly hashed copy would take to
 * crack. `context` holds words the password must not lean on (the user name, the NVR's brand and model): a password
 * built from them scores lower.
 */
export async function estimatePassword(password: string, context: readonly string[] = []): Promise<PasswordEstimate> {
  const z = await estimator();
  const answer = (await z.check(password, context.filter((w) => w.length > 0).slice(0, 16))) as EstimatorAnswer;
  const score = Math.min(4, Math.max(0, Math.trunc(answer.score)));
  return {
    score,
    warning: answer.feedback.warning ? answer.feedback.warning.slice(0, 300) : null,
    suggestions: answer.feedback.suggestions.slice(0, 8).map((s) => s.slice(0, 300)),
    crackTime: (answer.crackTimes?.offlineSlowHashingXPerSecond?.display ?? 'not known').slice(0, 80),
  };
}
