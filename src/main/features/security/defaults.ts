import { defaultCandidates, planDefaultCheck, type DefaultCheck } from '../../../shared/domain/security-defaults';
import {
  checkToKeep,
  judgeDefaultAnswers,
  keepAttempts,
  notTriedCheck,
} from '../../../shared/domain/security-defaults-verdict';
import { judgeSecurity, securityInputFromRecord, type SecurityResult } from '../../../shared/domain/security';
import { english } from '../../../shared/i18n/english';
import { said } from '../../../shared/i18n/said';
import { defaultCheckUrl, onvifLogin, tryDefaults, type DefaultLogin } from '../../services/security/default-login';
import type { AppContext } from '../types';
import { judgeSecurityStep } from './status';

/**
 * `security.checkDefaults`: on the chosen NVR only, the vendor defaults the policy allows now, each tried once with
 * the app's ONVIF login; the verdict and the attempts (by candidate name) kept, and the Security check made again so
 * the finding is in the list. `login` for tests (default: the app's ONVIF login).
 */
export async function checkDefaults(
  ctx: AppContext,
  input: { tryNext: boolean },
  login: DefaultLogin = onvifLogin({ http: ctx.http, now: ctx.now }),
): Promise<{ check: DefaultCheck; result: SecurityResult }> {
  const { setup: record } = await ctx.setup.load();
  const nvr = record.nvr;
  const now = ctx.now();
  const checkedAt = now.toISOString();
  const device = nvr?.device ?? null;
  const brand = device?.brand ?? null;
  const plan = planDefaultCheck({
    device: nvr && device ? { id: nvr.deviceId, brand, activated: device.activated } : null,
    attempts: record.security.defaults.attempts,
    now,
    tryNext: input.tryNext,
  });
  const deviceId = nvr?.deviceId ?? null;
  let check: DefaultCheck;
  if (plan.kind === 'not-tried' || !nvr || !device) {
    const why = plan.kind === 'not-tried' ? plan : null;
    const words = why?.said ?? {
      reason: said('security.said.defaults.noNvrShort'),
      fix: said('security.said.defaults.chooseNvr'),
    };
    check = notTriedCheck({
      deviceId,
      brand,
      reason: english(words.reason),
      fix: english(words.fix),
      said: words,
      nextAt: why?.nextAt ?? null,
      untried: defaultCandidates(brand).length,
      checkedAt,
    });
  } else {
    const url = await defaultCheckUrl({ http: ctx.http, now: ctx.now }, device);
    check = url
      ? judgeDefaultAnswers({
          deviceId: nvr.deviceId,
          brand,
          candidates: plan.candidates,
          untried: plan.untried,
          checkedAt,
          tried: await tryDefaults({
            url,
            deviceId: nvr.deviceId,
            candidates: plan.candidates,
            budget: plan.budget,
            tryNext: input.tryNext,
            now: ctx.now,
            login,
          }),
        })
      : notTriedCheck({
          deviceId,
          brand,
          ...noService(),
          nextAt: null,
          untried: plan.candidates.length + plan.untried,
          checkedAt,
        });
  }
  // Candidate names and answers only: the password is in the login and nowhere else.
  ctx.log(
    `security: default-password check: ${check.verdict} (${check.tried.map((a) => `${a.candidate} ${a.outcome}`).join(', ') || 'nothing tried'})`,
  );
  const saved = await ctx.save((draft) => {
    const kept = draft.security.defaults;
    draft.security.defaults = {
      last: checkToKeep(kept.last, check),
      attempts: keepAttempts(kept.attempts, check.tried, now),
    };
    const judged = judgeSecurity(securityInputFromRecord(draft), checkedAt);
    draft.security.last = judged;
    draft.steps.security = judgeSecurityStep(judged, now);
  });
  if (!saved.security.last) throw new Error('The security check was not saved.');
  return { check, result: saved.security.last };
}

/** The check when the NVR's login service did not answer: its reason and fix, by key and in English. */
function noService() {
  const words = { reason: said('security.said.defaults.noService'), fix: said('security.said.defaults.reachable') };
  return { reason: english(words.reason), fix: english(words.fix), said: words };
}
