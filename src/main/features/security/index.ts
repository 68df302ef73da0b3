import { judgeSecurity, securityInputFromRecord } from '../../../shared/domain/security';
import { judgePassword } from '../../../shared/domain/security-password';
import { estimatePassword } from '../../services/security/password-strength';
import { defineFeature } from '../types';
import { securityCommands } from './cli';
import { checkDefaults } from './defaults';
import { httpsOn, lastHttpsOn } from './https-on';
import { lastPasswordChange, passwordContext, setPassword } from './password';
import { judgeSecurityStep } from './status';

// "Security": the findings judged from the setup record by the pure shared/domain/security.ts, the last check kept
// with its time, and the step's status from it; and a password's strength (the estimator is loaded on first use).
// Nothing is measured on the network, except the default-password check the user asks for (defaults.ts).
export default defineFeature({
  id: 'security',
  handlers: (ctx) => {
    // Password changes on their way in this app (their pending record is not an unfinished one).
    const running = { count: 0 };
    // The same for turning HTTPS on.
    const turning = { count: 0 };
    return {
      'security.check': async () => {
        const saved = await ctx.save((draft) => {
          const at = ctx.now();
          const judged = judgeSecurity(securityInputFromRecord(draft), at.toISOString());
          draft.security.last = judged;
          draft.steps.security = judgeSecurityStep(judged, at);
        });
        if (!saved.security.last) throw new Error('The security check was not saved.');
        return saved.security.last;
      },
      'security.get': async () => {
        const { setup: record } = await ctx.setup.load();
        return {
          last: record.security.last,
          defaults: record.security.defaults.last,
          passwordChange: await lastPasswordChange(ctx, running),
          httpsOn: await lastHttpsOn(ctx, turning),
        };
      },
      'security.password': async (input) => {
        // The words the password must not lean on: the login's name, the NVR's brand and model, the usual defaults.
        const { setup: record } = await ctx.setup.load();
        const device = record.nvr?.device;
        const context = passwordContext(input.user ?? '', device ?? null);
        return judgePassword(input.password, await estimatePassword(input.password, context));
      },
      'security.checkDefaults': (input) => checkDefaults(ctx, input),
      'security.setPassword': (input) => setPassword(ctx, input, running),
      'security.httpsOn': () => httpsOn(ctx, turning),
    };
  },
  commands: securityCommands(),
});
