// The plan written for any router family (rule-commands.ts's writers for those with a command line, a web page's
// numbered steps for the others), on main's side: the steps' English comes from the whole catalogue (english.ts),
// which the pages never load at once. The steps also come said by key, for the page and the CLI to say them in the
// user's language (router-forwards.ts, sayForwardSteps).
import { english } from '../i18n/english';
import { FORWARD_PAGES, forwardHeaderSaid, forwardStepsSaid, type ForwardStepsSaid } from '../catalog/router-forwards';
import { forwardSteps } from '../catalog/router-forwards-steps';
import type { ForwardPlan } from './forward-plan-shapes';
import {
  iptablesCommands,
  mikrotikCommands,
  nftablesCommands,
  openwrtCommands,
  type CommandOptions,
  type RouterCommandFamily,
  type RouterFamily,
} from './rule-commands';

/** A web page's steps for a family said by key (its first line, each step); none for a command-line family. */
export function routerStepsSaid(family: RouterFamily, plan: ForwardPlan): ForwardStepsSaid | undefined {
  const page = FORWARD_PAGES.find((p) => p.id === family);
  return page && { header: forwardHeaderSaid(page), steps: forwardStepsSaid(page, plan.rules) };
}

/** The plan for a router family: commands for the command-line ones, numbered steps with its values for the others. */
export function routerCommands(family: RouterFamily, plan: ForwardPlan, o: CommandOptions = {}): string {
  const page = FORWARD_PAGES.find((p) => p.id === family);
  if (page) return [`# ${english(forwardHeaderSaid(page))}`, ...forwardSteps(page, plan.rules)].join('\n');
  switch (family as RouterCommandFamily) {
    case 'nftables':
      return nftablesCommands(plan, o);
    case 'iptables':
      return iptablesCommands(plan, o);
    case 'openwrt':
      return openwrtCommands(plan);
    case 'mikrotik':
      return mikrotikCommands(plan);
    default:
      return `# No steps for "${family.slice(0, 30)}".`;
  }
}
