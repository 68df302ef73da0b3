import {
  checkSource,
  planForwards,
  type ForwardPlan,
  type ForwardWants,
} from '../../../../../src/shared/domain/forward-plan';
import { mediaRangeFor } from '../../../../../src/shared/catalog/ports';
import { proxyTarget, reverseProxy } from '../../../../../src/shared/domain/reverse-proxy';
import { routerCommands, routerStepsSaid } from '../../../../../src/shared/domain/router-commands';
import { checkCommandOptions } from '../../../../../src/shared/domain/rule-options';
import type { InvokeInput } from '../../../../../src/shared/ipc/contract';
import type { PortReport } from '../../../../../src/shared/domain/ports';
import { failed, ok, type FakeApi } from '../../fake-api';
import { fakePortReport } from '../../fake-ports';

// Main's side of the Router rules step for the page's tests: the plan made by the app's own rules (planForwards)
// from the Reolink's measured ports, the sources checked as main checks them, the commands written by the app's own
// writers from the last plan — so the page is tested against what main would answer, not against numbers typed here.

export const MADE_AT = new Date('2025-03-01T13:00:00.000Z');

export interface RulesMain {
  /** The plan main keeps (rules.get, and what rules.commands writes from). */
  plan: ForwardPlan | null;
  wants: ForwardWants;
  allow: string[];
}

/**
 * Answers rules.get, rules.plan, rules.commands and rules.proxy as main does, for the NVR measured in `report` (of
 * `brand`, whose declared RTP range main takes from the catalogue).
 */
export function fakeRules(
  api: FakeApi,
  report: PortReport = fakePortReport(),
  saved: Partial<RulesMain> = {},
  brand: string | null = null,
) {
  const main: RulesMain = { plan: null, wants: { web: true, app: true, video: false }, allow: [], ...saved };
  api.handlers['rules.get'] = () => ok({ plan: main.plan, wants: main.wants, allow: main.allow });
  api.handlers['rules.plan'] = (input) => {
    const { wants, allow } = input as InvokeInput<'rules.plan'>;
    const sources: string[] = [];
    for (const text of allow ?? main.allow) {
      const checked = checkSource(text);
      if (!checked.ok) return failed('RULES_BAD_SOURCE', checked.error);
      sources.push(checked.cidr);
    }
    main.plan = planForwards({
      deviceId: report.deviceId,
      address: report.address,
      addressKept: null,
      rows: report.rows,
      wants: wants ? { ...wants, app: wants.app ?? true } : main.wants,
      sources,
      mediaRange: mediaRangeFor(brand),
      at: MADE_AT,
    });
    main.wants = main.plan.wants;
    main.allow = sources;
    return ok(main.plan);
  };
  api.handlers['rules.commands'] = (input) => {
    const { family, wan, forwardChain } = input as InvokeInput<'rules.commands'>;
    if (!main.plan) return failed('RULES_NO_PLAN', 'Make the plan first (what you want to reach from outside).');
    const options = { ...(wan ? { wan } : {}), ...(forwardChain ? { forwardChain } : {}) };
    const bad = checkCommandOptions(options);
    if (bad) return failed('RULES_BAD_OPTION', bad);
    const said = routerStepsSaid(family, main.plan);
    return ok({ family, text: routerCommands(family, main.plan, options), ...(said ? { said } : {}) });
  };
  api.handlers['rules.proxy'] = (input) => {
    const { kind, host, user } = input as InvokeInput<'rules.proxy'>;
    if (!main.plan) return failed('RULES_NO_PLAN', 'Make the plan first (what you want to reach from outside).');
    const target = proxyTarget(main.plan, report.rows);
    if (!target) return failed('RULES_BAD_OPTION', 'The plan exposes no web page.');
    const r = reverseProxy(kind, target, { ...(host ? { host } : {}), ...(user ? { user } : {}) });
    return r.ok ? ok(r.config) : failed('RULES_BAD_OPTION', r.error);
  };
  return main;
}
