import { judgeHttpsOn, unfinishedHttpsOn, type HttpsOnResult } from '../../../shared/domain/security-https-on';
import { AppFailure } from '../../../shared/ipc/errors';
import { turnHttpsOn } from '../../services/security/https-on';
import { nodeTcpExchange } from '../../transport/tcp';
import type { AppContext } from '../types';
import { chosenNvrOnvif } from './chosen-nvr';

/**
 * `security.httpsOn`: on the chosen NVR, HTTPS turned on with SetNetworkProtocols through the change engine, with the
 * login main keeps for the NVR. The record keeps the verdict, and while it runs the pending record (port and time).
 * `change` for tests. `running` marks a change on its way (security.get must not take its pending record for an
 * unfinished one).
 */
export async function httpsOn(
  ctx: AppContext,
  running: { count: number },
  change = turnHttpsOn,
): Promise<HttpsOnResult> {
  const { nvr, device, url } = await chosenNvrOnvif(ctx, 'SECURITY_HTTPS_LOGIN_NEEDED');
  const login = await ctx.devices.loginFor(device);
  if (!login) throw new AppFailure('SECURITY_HTTPS_LOGIN_NEEDED');

  running.count += 1;
  try {
    const run = await change(
      { http: ctx.http, now: ctx.now },
      {
        url,
        login,
        exchange: ctx.tcpExchange ?? nodeTcpExchange,
        signal: new AbortController().signal,
        ...ctx.options.httpsOnChecks,
        // Saved before SetNetworkProtocols is sent: a crash before the check is found out at the next start.
        onChanging: (port) =>
          ctx
            .save((draft) => {
              draft.security.httpsOn.pending = { deviceId: nvr.deviceId, port, startedAt: ctx.now().toISOString() };
            })
            .then(() => {}),
      },
    );
    const result = judgeHttpsOn({
      deviceId: nvr.deviceId,
      at: ctx.now().toISOString(),
      port: run.port,
      ran: run.ran,
      fault: run.fault,
    });
    ctx.log(`security: turning HTTPS on on the chosen NVR: ${result.outcome}`);
    await ctx.save((draft) => {
      draft.security.httpsOn = { last: result, pending: null };
    });
    return result;
  } finally {
    running.count -= 1;
  }
}

/**
 * The last "turn HTTPS on" for `security.get`: a pending record left by a change that did not finish (the app stopped
 * between the send and the check) becomes an `unfinished` verdict, saved once.
 */
export async function lastHttpsOn(ctx: AppContext, running: { count: number }): Promise<HttpsOnResult | null> {
  const { setup: record } = await ctx.setup.load();
  const kept = record.security.httpsOn;
  if (!kept.pending || running.count > 0) return kept.last;
  const result = unfinishedHttpsOn(kept.pending, ctx.now().toISOString());
  await ctx.save((draft) => {
    draft.security.httpsOn = { last: result, pending: null };
  });
  return result;
}
