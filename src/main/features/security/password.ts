import { judgePassword } from '../../../shared/domain/security-password';
import {
  judgePasswordChange,
  newPasswordProblemWords,
  unfinishedPasswordChange,
  type PasswordChangeResult,
} from '../../../shared/domain/security-password-change';
import { AppFailure } from '../../../shared/ipc/errors';
import { refusalWithParts } from '../../core/said-failure';
import { estimatePassword } from '../../services/security/password-strength';
import { changeOnvifPassword } from '../../services/security/password-change';
import type { AppContext } from '../types';
import { chosenNvrOnvif } from './chosen-nvr';

/** The words a new password must not lean on: the login's name, the NVR's brand and model, the usual defaults. */
export function passwordContext(user: string, device: { brand?: string | null; model?: string | null } | null) {
  return [user, device?.brand ?? '', device?.model ?? '', 'admin', 'nvr', 'camera'];
}

/**
 * `security.setPassword`: on the chosen NVR, the ONVIF user's password changed with SetUser through the change
 * engine, once the new password passed the app's own rule. The user and the current password are the ones given,
 * else the login main keeps for the NVR. A verified change replaces the kept login (remembered as it was); the
 * record keeps the verdict only. `change` for tests. `running` marks a change on its way (security.get must not
 * take its pending record for an unfinished one).
 */
export async function setPassword(
  ctx: AppContext,
  input: { next: string; current?: string; user?: string },
  running: { count: number },
  change = changeOnvifPassword,
): Promise<PasswordChangeResult> {
  const { nvr, device, url } = await chosenNvrOnvif(ctx);
  const kept = await ctx.devices.loginFor(device);
  const user = input.user ?? kept?.username;
  const current = input.current ?? (kept && user === kept.username ? kept.password : undefined);
  if (!user || current === undefined) throw new AppFailure('SECURITY_LOGIN_NEEDED');

  // The app's own rule, before anything is sent: what a device cannot take, then the strength rule.
  // Both refusals are said by key, what is wrong in their {parts} (the estimator's own words as they came).
  const problems = newPasswordProblemWords(input.next, current);
  if (problems.length) throw refusalWithParts('SECURITY_PASSWORD_WEAK', 'security.said.failures.notSent', problems);
  const strength = judgePassword(input.next, await estimatePassword(input.next, passwordContext(user, device)));
  if (!strength.strong) {
    const lines = strength.words.slice(0, 3).map((text, i) => {
      const words = strength.said?.words[i];
      return words ? { said: words, text } : { text };
    });
    const refusal = refusalWithParts('SECURITY_PASSWORD_WEAK', 'security.said.failures.notStrong', lines);
    // main's English as it always was: cut at 600 characters (the words by key only where they say exactly that).
    const text = refusal.message.slice(0, 600);
    throw text === refusal.message ? refusal : new AppFailure('SECURITY_PASSWORD_WEAK', text);
  }

  running.count += 1;
  try {
    const run = await change(
      { http: ctx.http, now: ctx.now },
      {
        url,
        user,
        current,
        next: input.next,
        signal: new AbortController().signal,
        // Saved before SetUser is sent: a crash before the check is found out at the next start.
        onChanging: () =>
          ctx
            .save((draft) => {
              draft.security.passwordChange.pending = {
                deviceId: nvr.deviceId,
                user,
                startedAt: ctx.now().toISOString(),
              };
            })
            .then(() => {}),
      },
    );
    let remembered = false;
    if (run.ran.outcome === 'verified') {
      // Later steps keep logging in: the kept login becomes the new one, remembered (or not) as it was.
      const store = await ctx.devices.credentials();
      remembered = await store.put(url.href, { username: user, password: input.next }, store.isRemembered(url.href));
    }
    const result = judgePasswordChange({
      deviceId: nvr.deviceId,
      user,
      at: ctx.now().toISOString(),
      ran: run.ran,
      fault: run.fault,
      remembered,
    });
    // The outcome only: the passwords are in the device exchange and the kept login, nowhere else.
    ctx.log(`security: password change on the chosen NVR: ${result.outcome}`);
    await ctx.save((draft) => {
      draft.security.passwordChange = { last: result, pending: null };
    });
    return result;
  } finally {
    running.count -= 1;
  }
}

/**
 * The last password change for `security.get`: a pending record left by a change that did not finish (the app
 * stopped between the send and the check) becomes an `unfinished` verdict, saved once.
 */
export async function lastPasswordChange(
  ctx: AppContext,
  running: { count: number },
): Promise<PasswordChangeResult | null> {
  const { setup: record } = await ctx.setup.load();
  const kept = record.security.passwordChange;
  if (!kept.pending || running.count > 0) return kept.last;
  const result = unfinishedPasswordChange(kept.pending, ctx.now().toISOString());
  await ctx.save((draft) => {
    draft.security.passwordChange = { last: result, pending: null };
  });
  return result;
}
