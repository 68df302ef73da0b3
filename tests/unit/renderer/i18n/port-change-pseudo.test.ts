// @vitest-environment happy-dom
// A port change's result in the pseudo locale (en-XA): main says its message by key, one sentence each
// (port-change-words.ts; tests/unit/services/ports/port-change-words.test.ts holds main to these keys), so the page
// says it in its language, the ports and addresses as they came, not main's English beside it.
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import PortChangeResult from '../../../../src/renderer/components/PortChangeResult.vue';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { said, saidList, type Said } from '../../../../src/shared/i18n/said';
import { fakeApplyResult } from '../fake-ports';
import { mountWith, useStepHarness } from '../mount-step';
import { ok, fakeSetup } from '../fake-api';

/** As main says a change of the web page from 80 to 12080 (doneSentences), with where to open the NVR now. */
const sentences: Said[] = [
  said('ports.said.result.doneOne', {
    moved: saidList([
      {
        key: 'ports.said.result.moved',
        params: { what: { key: 'ports.said.progress.port.http' }, from: '80', to: '12080' },
      },
    ]),
  }),
  said('ports.said.result.openAt', { address: 'http://192.168.1.66:12080/' }),
];
const result = () => fakeApplyResult({ message: sentences.map(english).join(' '), said: sentences });

useStepHarness({
  path: '/step/ports',
  handlers: () => ({ 'setup.get': () => ok({ setup: fakeSetup(), notice: null }) }),
});
afterEach(() => setLocale(null));

const shown = () =>
  mountWith({ render: () => h(PortChangeResult, { result: result() }) })
    .find('[data-testid="change-message"]')
    .text();

describe('a port change’s result message, said by key', () => {
  it('in English: main’s message as it is', () => {
    expect(result().message).toBe(
      'Done, and checked: the web page (HTTP) from 80 to 12080. The old port is closed and the new one answers. Open the NVR at http://192.168.1.66:12080/ from now on.',
    );
    expect(shown()).toBe(result().message);
  });

  it('in en-XA: each sentence in the page’s language, the ports and the address as they came', () => {
    setLocale('en-XA');
    const xa = createTranslator('en-XA');
    const text = shown();
    const moved = xa.t('ports.said.result.moved', {
      what: xa.t('ports.said.progress.port.http'),
      from: '80',
      to: '12080',
    });
    expect(text).toBe(
      `${xa.t('ports.said.result.doneOne', { moved })} ${xa.t('ports.said.result.openAt', { address: 'http://192.168.1.66:12080/' })}`,
    );
    expect(text).toContain('12080');
    expect(text).not.toContain('Done, and checked');
    // A result from an older main (no sentences by key) shows its English as it came.
    expect(
      mountWith({ render: () => h(PortChangeResult, { result: fakeApplyResult() }) })
        .find('[data-testid="change-message"]')
        .text(),
    ).toBe(fakeApplyResult().message);
  });
});
