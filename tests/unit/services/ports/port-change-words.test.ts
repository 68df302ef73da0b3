// A port change's result message said by key (port-change-words.ts): main's English exactly as it was made before
// (the former sentences, kept here as the reference), each sentence by key beside it, and said in the locale (en-XA)
// on the terminal, from the real service on the fake recorder.
import { describe, expect, it } from 'vitest';
import { renderPortChange } from '../../../../src/main/features/ports/cli';
import {
  doneSentences,
  messageOf,
  notBackSentences,
  nothingToChange,
  partsSentences,
  putBackSentences,
  unfinishedSentences,
} from '../../../../src/main/services/ports/port-change-words';
import { PROTOCOL_OF_ROLE, portApplyResultSchema, type OnvifRole } from '../../../../src/shared/domain/ports';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { LOGIN, device, fakeRecorder, signal } from '../../../support/fake-nvr-ports';

type C = { role: OnvifRole; from: number; to: number };
const LABEL: Record<OnvifRole, string> = {
  http: 'the web page (HTTP)',
  https: 'the encrypted web page (HTTPS)',
  rtsp: 'the video streams (RTSP)',
};
const KEPT: Record<OnvifRole, string> = {
  http: 'Do not forward the web page’s port: reach the NVR’s page from outside through the VPN.',
  https: 'Do not forward the encrypted web page’s port as it is: reach it from outside through the VPN.',
  rtsp: 'Do not forward RTSP: watch the video from outside through the VPN or the maker’s app.',
};
const CASES: C[][] = [
  [{ role: 'rtsp', from: 554, to: 10554 }],
  [{ role: 'http', from: 80, to: 18080 }],
  [
    { role: 'http', from: 80, to: 18080 },
    { role: 'https', from: 443, to: 18443 },
    { role: 'rtsp', from: 554, to: 10554 },
  ],
];
const FAILURE = 'The NVR refused: 8000 is already used by another service on the device (8000: SDK).';
const text = (sentences: Parameters<typeof messageOf>[0]) => messageOf(sentences).message;

describe('a port change’s message: main’s English as before, each sentence by key', () => {
  it('every outcome’s words are the former sentences, byte for byte', () => {
    expect(text(nothingToChange())).toBe('Nothing to change: the device already uses those ports.');
    for (const changes of CASES) {
      const many = changes.length > 1;
      const moved = changes.map((c) => `${LABEL[c.role]} from ${c.from} to ${c.to}`).join(', ');
      for (const web of [null, 'http://192.168.1.20:18080/'])
        expect(text(doneSentences(changes, web))).toBe(
          `Done, and checked: ${moved}. The old port${many ? 's are' : ' is'} closed and the new one${many ? 's answer' : ' answers'}.` +
            (web ? ` Open the NVR at ${web} from now on.` : '') +
            (changes.some((c) => c.role === 'rtsp') ? ' Update the port in your players and recorders.' : ''),
        );
      const again = changes.map((c) => `${PROTOCOL_OF_ROLE[c.role]} answers on ${c.from} again`).join('; ');
      for (const inUse of [true, false])
        expect(text(putBackSentences(FAILURE, changes, inUse))).toBe(
          `${FAILURE} The app put the previous ports back and checked them: ${again}. Nothing is changed on the device. ` +
            (inUse ? 'Pick another port number.' : 'Try again, or change the port in the NVR’s web page.'),
        );
      const and = (cs: C[], pick: (c: C) => string) => cs.map(pick).join(' and ');
      const advice = changes.map((c) => KEPT[c.role]).join(' ');
      expect(text(partsSentences([], changes))).toBe(
        `The NVR refused each port on its own too: it keeps ${and(changes, (c) => `${LABEL[c.role]} on ${c.from}`)}. ` +
          'The app put each back and checked it; nothing is changed on the device. ' +
          advice,
      );
      expect(text(partsSentences(CASES[1]!, changes))).toBe(
        `Done, and checked: ${and(CASES[1]!, (c) => `${LABEL[c.role]} from ${c.from} to ${c.to}`)}. ` +
          `The NVR keeps ${and(changes, (c) => `${LABEL[c.role]} on ${c.from}`)}: it refused to move ${many ? 'them' : 'it'}, ` +
          `and the app put ${many ? 'them' : 'it'} back and checked. ` +
          advice,
      );
    }
    const state = 'the web page (HTTP) answers on 80; ONVIF answers at http://192.168.1.20/onvif/device_service.';
    expect(text(notBackSentences(FAILURE, 'the app could not reach the NVR to put them back', state))).toBe(
      `${FAILURE} The app tried to put the previous ports back, but the app could not reach the NVR to put them back. What the device does now: ${state} ` +
        'Open the NVR’s web page on the port that answers and check its port settings; if nothing answers, restart the NVR.',
    );
    const tails = {
      verified: ' The change had taken effect: the NVR now lives on the new ports.',
      restored: ' The NVR still uses its previous ports: nothing changed.',
      partial:
        ' Open the NVR’s web page on a port that answers and check its port settings; if nothing answers, restart the NVR.',
      failed:
        ' Open the NVR’s web page on a port that answers and check its port settings; if nothing answers, restart the NVR.',
    };
    for (const [outcome, tail] of Object.entries(tails) as [keyof typeof tails, string][])
      for (const started of ['2025-03-01T12:04:00.000Z', null])
        expect(text(unfinishedSentences(started, state, outcome))).toBe(
          `A port change started${started ? ' on 2025-03-01 at 12:04 UTC' : ''} did not finish (the app stopped while it ran). The app measured the NVR now: ${state}${tail}`,
        );
  });

  it('the sentences cross whole, or not at all: a value past the bounds leaves main’s English alone', () => {
    const whole = messageOf(putBackSentences(FAILURE, CASES[0]!, true));
    expect(whole.said?.map(english).join(' ')).toBe(whole.message);
    const long = messageOf(putBackSentences('x'.repeat(301), CASES[0]!, true));
    expect(long.said).toBeUndefined();
    expect(long.message.startsWith('x'.repeat(301))).toBe(true);
  });
});

describe('nvr-assist ports --set: the result in the terminal’s language', () => {
  it('en-XA: each sentence in the locale, the ports as they came; English: main’s message', async () => {
    const nvr = fakeRecorder({ onSet: 'refuse-rtsp' });
    const { result: raw } = await nvr.service.apply(
      device(),
      [
        { role: 'http', to: 18080 },
        { role: 'rtsp', to: 10554 },
      ],
      { credentials: LOGIN, signal: signal(), oneAtATime: true },
    );
    const result = portApplyResultSchema.parse(raw);
    expect(result.outcome).toBe('partial');
    expect(result.said?.map(english).join(' ')).toBe(result.message);
    expect(renderPortChange(result, createTranslator('en').t)).toContain(result.message);
    const xa = createTranslator('en-XA');
    const out = renderPortChange(result, xa.t);
    expect(out).not.toContain(result.message);
    expect(out).not.toContain('Do not forward RTSP');
    expect(out).toContain(xa.t('ports.said.result.kept.rtsp'));
    expect(out).toContain('18080');
  });
});
