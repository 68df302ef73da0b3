import { mediaRangeFor } from '../../../shared/catalog/ports';
import { checkSource, planForwards } from '../../../shared/domain/forward-plan';
import { proxyTarget, reverseProxy } from '../../../shared/domain/reverse-proxy';
import { commandOptionsSaid } from '../../../shared/domain/rule-commands';
import { routerCommands, routerStepsSaid } from '../../../shared/domain/router-commands';
import { said } from '../../../shared/i18n/said';
import { AppFailure } from '../../../shared/ipc/errors';
import { saidFailure, withSaid } from '../../core/said-failure';
import { defineFeature } from '../types';
import { RULES_COMMANDS } from './cli';
import { judgeRules } from './status';

// "Router rules": the fewest forward rules for what the user wants, from the NVR's measured ports and its kept
// address; written for routers with a command line from the same plan.
export default defineFeature({
  id: 'rules',
  handlers: ({ setup, save, devices, now }) => ({
    'rules.plan': async ({ deviceId, wants, allow }) => {
      const { setup: record } = await setup.load();
      const id = deviceId ?? record.nvr?.deviceId;
      if (!id) throw new AppFailure('RULES_NO_NVR');
      const device = await devices.byId(id);
      const sources: string[] = [];
      for (const text of allow ?? record.rules.allow) {
        const checked = checkSource(text);
        if (!checked.ok) throw withSaid('RULES_BAD_SOURCE', checked.error, checked.said);
        if (!sources.includes(checked.cidr)) sources.push(checked.cidr);
      }
      const reading = record.staticIp[id]?.reading ?? null;
      const report = record.ports[id]?.report ?? null;
      const plan = planForwards({
        deviceId: id,
        address: report?.address ?? device.addresses[0] ?? '',
        addressKept: reading
          ? reading.settings.dhcp === false || reading.findings.some((f) => f.code === 'reservation-ok')
          : null,
        rows: report?.rows ?? null,
        wants: wants ?? record.rules.wants,
        sources,
        mediaRange: mediaRangeFor(device.brand),
        at: now(),
      });
      await save((draft) => {
        draft.rules = { wants: plan.wants, allow: sources, plan };
        judgeRules(draft, plan, now());
      });
      return plan;
    },
    'rules.commands': async ({ family, wan, forwardChain }) => {
      const { setup: record } = await setup.load();
      const plan = record.rules.plan;
      if (!plan) throw new AppFailure('RULES_NO_PLAN');
      const options = { ...(wan ? { wan } : {}), ...(forwardChain ? { forwardChain } : {}) };
      const bad = commandOptionsSaid(options);
      if (bad) throw saidFailure('RULES_BAD_OPTION', bad);
      const said = routerStepsSaid(family, plan);
      return { family, text: routerCommands(family, plan, options), ...(said ? { said } : {}) };
    },
    'rules.proxy': async ({ kind, host, user }) => {
      const { setup: record } = await setup.load();
      const plan = record.rules.plan;
      if (!plan) throw new AppFailure('RULES_NO_PLAN');
      // The Ports measurement too: an NVR with plain HTTP only has no web rule, and the proxy is what encrypts it.
      const target = proxyTarget(plan, record.ports[plan.deviceId]?.report?.rows ?? null);
      if (!target) throw saidFailure('RULES_BAD_OPTION', said('rules.failures.noWebPage'));
      const r = reverseProxy(kind, target, { ...(host ? { host } : {}), ...(user ? { user } : {}) });
      if (!r.ok) throw withSaid('RULES_BAD_OPTION', r.error, r.said);
      return r.config;
    },
    'rules.get': async () => {
      const { rules } = (await setup.load()).setup;
      return { plan: rules.plan, wants: rules.wants, allow: rules.allow };
    },
  }),
  commands: RULES_COMMANDS,
});
