// How the Router rules page says things: what each wish opens and what it risks, the router families, and a
// note's severity, in the page's language (the words are src/shared/i18n's `rules` group). The rules, commands and
// steps themselves come from main. The commands and example names the help texts show are data, not words: they
// are here, and go into the messages' placeholders as they are.
import { FORWARD_PAGES, type ForwardPageId } from '../../../shared/catalog/router-forwards';
import type { ForwardNote, ForwardWants } from '../../../shared/domain/forward-plan-shapes';
import { ROUTER_COMMAND_FAMILIES, type RouterFamily } from '../../../shared/domain/rule-commands';
import { t } from '../../composables/useT';
import { sayIn } from '../../../shared/i18n/said';

type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger' | 'muted';

/** What the help texts name as they are: commands to type and example values. */
export const EXAMPLES = {
  /** Lists a Linux router's interfaces. */
  ipLink: 'ip link',
  wan: 'eth1',
  wanName: 'wan',
  wanDefault: 'wan0',
  /** Shows an nftables router's tables and chains. */
  nftList: 'nft list ruleset',
  chain: 'inet filter forward',
  /** Loads an nftables file. */
  nftLoad: 'nft -f',
  sources: '198.51.100.7, 203.0.113.0/24',
  proxyHost: 'nvr.example.com',
} as const;

/** The three things the user may reach from outside, in the order the page offers them. */
export const WANTS = ['web', 'app', 'video'] as const satisfies readonly (keyof ForwardWants)[];

/** A wish's words: its label, its name in a sentence, what it means and what it risks, in a line each. */
export function wantWords(key: (typeof WANTS)[number]) {
  return {
    label: t(`rules.wishes.want.${key}.label`),
    /** In a sentence: "for the web page (HTTPS), the phone app". */
    short: t(`rules.wishes.want.${key}.short`),
    means: t(`rules.wishes.want.${key}.means`),
    risk: t(`rules.wishes.want.${key}.risk`),
  };
}

const isCommandFamily = (family: RouterFamily): family is (typeof ROUTER_COMMAND_FAMILIES)[number] =>
  (ROUTER_COMMAND_FAMILIES as readonly string[]).includes(family);

/** A router family's name, and where what is written for it goes. */
export function familyWords(family: RouterFamily): { label: string; where: string } {
  if (isCommandFamily(family))
    return {
      label: t(`rules.family.${family}.label`),
      where:
        family === 'nftables'
          ? t('rules.family.nftables.where', { command: EXAMPLES.nftLoad })
          : t(`rules.family.${family}.where`),
    };
  const page = FORWARD_PAGES.find((p) => p.id === (family as ForwardPageId));
  const label = page ? sayIn({ t }, page.familySaid, page.family) : family;
  return { label, where: t('rules.family.pageWhere') };
}

/** How each note is shown: its word, its badge's tone and the bar on its left (a note's bar is RulesPlan's own). */
export function noteViews(): Record<ForwardNote['severity'], { label: string; tone: Tone; bar: string }> {
  return {
    problem: { label: t('rules.plan.severity.problem'), tone: 'danger', bar: 'wizard-step__box--danger' },
    warning: { label: t('rules.plan.severity.warning'), tone: 'warn', bar: 'wizard-step__box--warn' },
    info: { label: t('rules.plan.severity.info'), tone: 'info', bar: 'note--info' },
  };
}

/** "the web page (HTTPS), the phone app": what a plan was made for. */
export function wantsWords(wants: ForwardWants): string {
  return (
    WANTS.filter((key) => wants[key])
      .map((key) => t(`rules.wishes.want.${key}.short`))
      .join(', ') || t('rules.wishes.nothing')
  );
}
