// @vitest-environment happy-dom
// A step's reason in the pseudo locale (en-XA): main says why a step has its status by key (the record's
// steps.<id>.reasonSaid, src/main/features/<step>/status.ts), so the step frame says it in the page's language, not
// main's English beside it. The states are made as main's status functions make them (the pages' project does not
// reach src/main: tests/unit/features/<step>/status.test.ts hold main to these keys).
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import WizardStepFrame from '../../../../src/renderer/components/WizardStepFrame.vue';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { stepState } from '../../../../src/shared/domain/step-state';
import { saidInEnglish } from '../../../../src/shared/i18n/english';
import { said, saidList, saidWords } from '../../../../src/shared/i18n/said';
import { createTranslator } from '../../../../src/shared/i18n';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import type { StepId } from '../../../../src/shared/domain/steps';
import { ok, searchedSetup } from '../fake-api';
import { api, mountStep, useStepHarness } from '../mount-step';

const AT = new Date('2025-03-01T12:00:00.000Z');

/** The record with the UPnP step judged by main (cameras mapped) and the network step (the chosen interface gone). */
function judgedRecord(): SetupRecord {
  const record = searchedSetup({ interfaceName: 'eth9' });
  const at = AT.toISOString();
  // judgeUpnpStep with three mappings to a camera; networkStepState with the chosen interface gone.
  record.steps.upnp = stepState('attention', at, saidInEnglish(said('wizard.reasons.upnp.cameras', { count: 3 })));
  record.steps.network = stepState(
    'attention',
    at,
    saidInEnglish(said('wizard.reasons.network.interfaceGone', { name: 'eth9' })),
  );
  return record;
}

useStepHarness({
  path: '/step/network',
  handlers: () => ({ 'setup.get': () => ok({ setup: judgedRecord(), notice: null }) }),
});

/** The frame alone for a step, with a verify part (where the reason is shown). */
async function frameOf(stepId: StepId) {
  const frame = defineComponent({
    render: () => h(WizardStepFrame, { stepId, emptyText: 'Nothing yet.' }, { verify: () => h('p', 'verify') }),
  });
  return (await mountStep({ component: frame })).find('[data-testid="verify-reason"]');
}

afterEach(() => setLocale(null));

describe('a step’s reason, said by key, in the pseudo locale', () => {
  it('the step frame says main’s reason in en-XA (a count in a plural message; a sentence with a value)', async () => {
    const record = judgedRecord();
    const upnp = record.steps.upnp!;
    const network = record.steps.network!;
    // main's English, kept beside the key in the record.
    expect(upnp.reason).toBe('3 UPnP mappings open a camera or the NVR to the internet.');
    expect(network.reason).toBe('The interface you chose (eth9) is gone. Pick another one.');
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const upnpShown = await frameOf('upnp');
    expect(upnpShown.text()).toBe(pseudo.t('wizard.reasons.upnp.cameras', { count: 3 }));
    expect(upnpShown.text()).not.toBe(upnp.reason);
    const networkShown = await frameOf('network');
    expect(networkShown.text()).toBe(pseudo.t('wizard.reasons.network.interfaceGone', { name: 'eth9' }));
    expect(networkShown.text()).toContain('eth9');
    expect(networkShown.text()).not.toBe(network.reason);
    // A reason main did not say by key (a record saved before) is shown as it came, in any language.
    const older = judgedRecord();
    older.steps.upnp = { status: 'attention', updatedAt: AT.toISOString(), reason: 'Words from an older record.' };
    api.handlers['setup.get'] = () => ok({ setup: older, notice: null });
    expect((await frameOf('upnp')).text()).toBe('Words from an older record.');
  });

  it('words within words with values of their own: the first critical finding’s title and its ports', async () => {
    // judgeSecurityStep with telnet open: the finding's title said by key with its value, inside the reason.
    const record = judgedRecord();
    const title = saidWords('security.said.telnet.title', { ports: '23' });
    record.steps.security = stepState('attention', AT.toISOString(), {
      text: '1 critical finding is open: Telnet open on port 23.',
      said: said('wizard.reasons.security.critical', { count: 1, title }),
    });
    api.handlers['setup.get'] = () => ok({ setup: record, notice: null });
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const shown = (await frameOf('security')).text();
    expect(shown).toBe(
      pseudo.t('wizard.reasons.security.critical', {
        count: 1,
        title: pseudo.t('security.said.telnet.title', { ports: '23' }),
      }),
    );
    expect(shown).toContain('23');
    expect(shown).not.toContain('Telnet open on port');
  });

  it('a list of words by key: the checks Verify could not measure, each by its title, joined the language’s way', async () => {
    // judgeVerifyStep with two checks unmeasured: their titles as a list inside the reason.
    const record = judgedRecord();
    const titles = saidList([{ key: 'verify.said.title.ports' }, { key: 'verify.said.title.ddns' }]);
    record.steps.verify = stepState(
      'attention',
      AT.toISOString(),
      saidInEnglish(said('wizard.reasons.verify.unmeasured', { title: titles })),
    );
    expect(record.steps.verify.reason).toBe('Could not check: The NVR’s ports, DDNS name.');
    api.handlers['setup.get'] = () => ok({ setup: record, notice: null });
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const shown = (await frameOf('verify')).text();
    const [ports, ddns] = [pseudo.t('verify.said.title.ports'), pseudo.t('verify.said.title.ddns')];
    expect(shown).toBe(pseudo.t('wizard.reasons.verify.unmeasured', { title: `${ports}, ${ddns}` }));
    expect(shown).not.toContain('DDNS name');
  });

  it('in English the frame shows main’s sentence as it is, said by key', async () => {
    expect(judgedRecord().steps.upnp?.reasonSaid).toEqual({ key: 'wizard.reasons.upnp.cameras', params: { count: 3 } });
    expect((await frameOf('upnp')).text()).toBe('3 UPnP mappings open a camera or the NVR to the internet.');
  });
});
