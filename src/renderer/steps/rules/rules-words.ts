// How the Router rules page says things: what each wish opens and what it risks, the router families, and a
// note's severity. Plain words; the rules, commands and steps themselves come from main.
import { FORWARD_PAGES, type ForwardPageId } from '../../../shared/catalog/router-forwards';
import type { ForwardNote, ForwardWants } from '../../../shared/domain/forward-plan';
import type { RouterFamily } from '../../../shared/domain/rule-commands';

type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger' | 'muted';

/** The three things the user may reach from outside: what each means, and its risk, in a line each. */
export const WANT_WORDS: readonly {
  key: keyof ForwardWants;
  label: string;
  /** In a sentence: "for the web page (HTTPS), the phone app". */
  short: string;
  means: string;
  risk: string;
}[] = [
  {
    key: 'web',
    label: 'The web page (HTTPS)',
    short: 'the web page (HTTPS)',
    means: 'Log in to the NVR from a browser anywhere, encrypted. Plain HTTP is never forwarded.',
    risk: 'It is the NVR’s admin page: anyone who finds it can try passwords, and flaws in it are attacked.',
  },
  {
    key: 'app',
    label: 'The phone app and viewer software',
    short: 'the phone app',
    means: 'The maker’s app and PC software connect on the NVR’s own app port, on the same number outside.',
    risk: 'Scanners know that port belongs to the brand, and its protocol has had flaws.',
  },
  {
    key: 'video',
    label: 'Live video for other players (RTSP)',
    short: 'live video (RTSP)',
    means: 'Only for a player or recorder outside that needs the video stream itself.',
    risk: 'RTSP is not encrypted: the video and the login cross the internet readable.',
  },
];

/** The routers the plan is written for, and where what is written goes. */
export const FAMILY_WORDS: Record<RouterFamily, { label: string; where: string }> = {
  nftables: { label: 'Linux with nftables', where: 'a file loaded with nft -f, as root on the router' },
  iptables: { label: 'Linux with iptables', where: 'commands run as root on the router' },
  openwrt: { label: 'OpenWrt', where: 'uci commands in an ssh session on the router' },
  mikrotik: { label: 'MikroTik RouterOS 7', where: 'the RouterOS terminal (WinBox › New Terminal, or ssh)' },
  ...(Object.fromEntries(
    FORWARD_PAGES.map((p) => [
      p.id,
      { label: p.family, where: 'the router’s own page: numbered steps with your values' },
    ]),
  ) as Record<ForwardPageId, { label: string; where: string }>),
};

/** How each note is shown: its word, its badge's tone and the bar on its left (a note's bar is RulesPlan's own). */
export const NOTE_VIEW: Record<ForwardNote['severity'], { label: string; tone: Tone; bar: string }> = {
  problem: { label: 'problem', tone: 'danger', bar: 'wizard-step__box--danger' },
  warning: { label: 'warning', tone: 'warn', bar: 'wizard-step__box--warn' },
  info: { label: 'note', tone: 'info', bar: 'note--info' },
};

/** "the web page (HTTPS), the phone app": what a plan was made for. */
export function wantsWords(wants: ForwardWants): string {
  return (
    WANT_WORDS.filter((w) => wants[w.key])
      .map((w) => w.short)
      .join(', ') || 'nothing'
  );
}
