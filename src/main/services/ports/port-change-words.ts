// A port change's result in words said by key (`ports.said.result`): each sentence of the message main shows, and
// main's English message made from the same keys (the page and the CLI say the sentences in their language:
// sayPortMessage, shared/catalog/port-words.ts). Why the change did not take (`failure`, `back`) and what answers
// where now (`state`) are the measurements' own words, as they came (values: not said by key yet).
import { PROTOCOL_OF_ROLE, type OnvifRole, type PortApplyResult } from '../../../shared/domain/ports';
import { english } from '../../../shared/i18n/english';
import {
  said,
  saidList,
  saidSchema,
  saidWords,
  type Said,
  type SaidWords,
  type Words,
} from '../../../shared/i18n/said';
import { isPortInUseFault, type SoapReply } from '../../protocol/onvif-soap';
import { LABEL } from './port-verify';

interface Moved {
  readonly role: OnvifRole;
  readonly from: number;
  readonly to: number;
}

/** The service moving, by key ("the web page (HTTP)"). */
const what = (role: OnvifRole) => ({ key: `ports.said.progress.port.${role}` });
const moved = (c: Moved): SaidWords => ({
  key: 'ports.said.result.moved',
  params: { what: what(c.role), from: String(c.from), to: String(c.to) },
});
const keptOn = (c: Moved): SaidWords => ({
  key: 'ports.said.result.keptOn',
  params: { what: what(c.role), port: String(c.from) },
});

/**
 * The message and its sentences by key: `said` only where every sentence crosses whole (its values within the
 * shape's bounds) and the message is not cut; else main's English alone.
 */
export function messageOf(sentences: readonly Said[]): Pick<PortApplyResult, 'message' | 'said'> {
  const message = sentences.map(english).join(' ');
  const whole = message.length <= 1000 && sentences.every((s) => saidSchema.safeParse(s).success);
  return { message: message.slice(0, 1000), ...(whole ? { said: [...sentences] } : {}) };
}

export const nothingToChange = (): Said[] => [said('ports.said.result.nothing')];

/** Every port moved and checked; where to open the NVR now (`web`: its new address), players to update. */
export function doneSentences(changes: readonly Moved[], web: string | null): Said[] {
  const list = saidList(changes.map(moved));
  return [
    said(changes.length > 1 ? 'ports.said.result.doneMany' : 'ports.said.result.doneOne', { moved: list }),
    ...(web ? [said('ports.said.result.openAt', { address: web })] : []),
    ...(changes.some((c) => c.role === 'rtsp') ? [said('ports.said.result.updatePlayers')] : []),
  ];
}

/** The change did not take and the previous ports are back, checked (`inUse`: refused, the port already used). */
export function putBackSentences(failure: string, changes: readonly Moved[], inUse: boolean): Said[] {
  const again = saidList(
    changes.map((c) => ({
      key: 'ports.said.result.answersAgain',
      params: { protocol: PROTOCOL_OF_ROLE[c.role], port: String(c.from) },
    })),
    { join: 'ports.said.result.nextSemicolon' },
  );
  return [
    said('ports.said.result.putBack', { failure, again }),
    said(inUse ? 'ports.said.result.pickAnother' : 'ports.said.result.tryAgain'),
  ];
}

/** Even the put-back could not be verified: what the device does now, and what to do. */
export const notBackSentences = (failure: string, back: string, state: string): Said[] => [
  said('ports.said.result.notBack', { failure, back, state }),
  said('ports.said.result.openWebPage'),
];

/** A change the app did not live to finish, measured now (`startedAt`: its ISO time, when it can be read). */
export function unfinishedSentences(
  startedAt: string | null,
  state: string,
  outcome: PortApplyResult['outcome'],
): Said[] {
  return [
    startedAt
      ? said('ports.said.result.unfinishedAt', { day: startedAt.slice(0, 10), time: startedAt.slice(11, 16), state })
      : said('ports.said.result.unfinished', { state }),
    said(
      outcome === 'verified'
        ? 'ports.said.result.tookEffect'
        : outcome === 'restored'
          ? 'ports.said.result.stillPrevious'
          : 'ports.said.result.openAnyWebPage',
    ),
  ];
}

/** Ports moved one at a time: those the NVR kept (and what that means), after those it moved (none: refused each). */
export function partsSentences(movedOnes: readonly Moved[], kept: readonly Moved[]): Said[] {
  const and = { join: 'ports.said.result.nextAnd' } as const;
  const keptList = saidList(kept.map(keptOn), and);
  const advice = kept.map((c) => said(`ports.said.result.kept.${c.role}`));
  if (movedOnes.length === 0) return [said('ports.said.result.refusedEach', { kept: keptList }), ...advice];
  return [
    said(kept.length > 1 ? 'ports.said.result.partialMany' : 'ports.said.result.partialOne', {
      moved: saidList(movedOnes.map(moved), and),
      kept: keptList,
    }),
    ...advice,
  ];
}

/** Parts' messages one after the other: their sentences by key where every part has them. */
export function joinedMessages(parts: readonly Pick<PortApplyResult, 'message' | 'said'>[]) {
  const message = parts.map((p) => p.message).join(' ');
  const sentences = parts.every((p) => p.said?.length) ? parts.flatMap((p) => p.said!) : null;
  return sentences && message.length <= 1000 && sentences.length <= 12
    ? { message, said: sentences }
    : { message: message.slice(0, 1000) };
}

/** Why the NVR refused a SetNetworkProtocols, in plain words (the fault's ONVIF codes are not the user's). */
export function faultInWords(reply: SoapReply): string {
  if (isPortInUseFault(reply)) return 'it says a port is already used by another service';
  const codes = reply.kind === 'fault' ? [reply.code, ...reply.subcodes].join(' ') : '';
  if (/NotSupported/i.test(codes)) return 'it does not allow that change over ONVIF';
  if (/InvalidArg/i.test(codes)) return 'it says a setting is not valid';
  return 'it gave no reason the app knows';
}

/** A change's own lines (param-less) and the same line for one port of several moved on its own (--each). */
const EACH = {
  'ports.said.progress.reading': 'ports.said.progress.eachReading',
  'ports.said.progress.changing': 'ports.said.progress.eachChanging',
  'ports.said.progress.checking': 'ports.said.progress.eachChecking',
  'ports.said.progress.puttingBack': 'ports.said.progress.eachPuttingBack',
  'ports.said.progress.changed': 'ports.said.progress.eachChanged',
} as const;

/** A change's line as the `n`th of `count` ports moved one at a time says it (whole sentences, by key). */
export function eachLine(n: number, count: number, role: OnvifRole, words: Words): Words {
  const key = typeof words === 'string' ? undefined : words.key;
  if (key !== undefined && Object.hasOwn(EACH, key))
    return said(EACH[key as keyof typeof EACH], {
      n: String(n),
      count: String(count),
      port: saidWords(`ports.said.progress.port.${role}`),
    });
  return `${n} of ${count}, ${LABEL[role]}: ${typeof words === 'string' ? words : english(words)}`;
}
