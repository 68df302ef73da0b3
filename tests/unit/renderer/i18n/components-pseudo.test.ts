// @vitest-environment happy-dom
// The shared components, the step frame, the sidebar, the progress, Start over and the notice banner in the pseudo
// locale (en-XA): every word they say must come out accented. What a page or main hands them here is data in Greek
// letters, so any run of two Latin letters left on the page is English one of them said by itself — except a time,
// which Intl writes (en-XA has no month names of its own: English's, named below).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { h, type Component } from 'vue';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { useJob } from '../../../../src/renderer/composables/useJob';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import { IDLE_LOGIN } from '../../../../src/renderer/stores/device-login';
import { jobKindSchema } from '../../../../src/shared/ipc/contract';
import ApplyRefused from '../../../../src/renderer/components/ApplyRefused.vue';
import CheckState from '../../../../src/renderer/components/CheckState.vue';
import ChoiceRefused from '../../../../src/renderer/components/ChoiceRefused.vue';
import ConfirmPanel from '../../../../src/renderer/components/ConfirmPanel.vue';
import CopyBlock from '../../../../src/renderer/components/CopyBlock.vue';
import DeviceCardLogin from '../../../../src/renderer/components/DeviceCardLogin.vue';
import DeviceLoginDialog from '../../../../src/renderer/components/DeviceLoginDialog.vue';
import EvidenceFold from '../../../../src/renderer/components/EvidenceFold.vue';
import FindingList from '../../../../src/renderer/components/FindingList.vue';
import JobCancel from '../../../../src/renderer/components/JobCancel.vue';
import NvrStepFrame from '../../../../src/renderer/components/NvrStepFrame.vue';
import NvrSubject from '../../../../src/renderer/components/NvrSubject.vue';
import PlanActions from '../../../../src/renderer/components/PlanActions.vue';
import ProblemList from '../../../../src/renderer/components/ProblemList.vue';
import RecheckRow from '../../../../src/renderer/components/RecheckRow.vue';
import TextField from '../../../../src/renderer/components/TextField.vue';
import TheNoticeBanner from '../../../../src/renderer/components/TheNoticeBanner.vue';
import TheProgress from '../../../../src/renderer/components/TheProgress.vue';
import TheSidebar from '../../../../src/renderer/components/TheSidebar.vue';
import TheStartOver from '../../../../src/renderer/components/TheStartOver.vue';
import WizardStepFrame from '../../../../src/renderer/components/WizardStepFrame.vue';
import { said } from '../../../../src/shared/i18n/said';
import { failed, fakeIdentity, fakeSetup, ok } from '../fake-api';
import { api, mountWith, useStepHarness } from '../mount-step';
import { intlDates, pseudoChecker } from './english-on-page';

const AT = '2025-03-01T10:10:00.000Z';
/** Data: what a page or main would say, in letters no English word has. */
const Ω = 'Ωμέγα ψ';
/** What Intl writes for a time in en-XA (English's names: the locale has none of its own). */
const check = pseudoChecker({ intl: intlDates(AT) });

/** A component with its props and slots (data only), mounted. */
function show(component: Component, props: Record<string, unknown> = {}, slots: Record<string, () => unknown> = {}) {
  return mountWith({ render: () => h(component as never, props, slots) });
}

useStepHarness({
  path: '/step/ports',
  handlers: () => ({
    'setup.get': () =>
      ok({
        setup: fakeSetup({
          approach: 'vpn',
          steps: {
            network: { status: 'verified', updatedAt: AT, reason: Ω },
            find: { status: 'attention', updatedAt: AT, reason: Ω },
          },
        }),
        notice: { code: 'SETUP_RECOVERED', message: Ω, backupFile: 'ψ/ω.ψ' },
      }),
    'setup.reset': () => failed('SETUP_WRITE_FAILED', Ω),
  }),
});

beforeEach(async () => {
  setLocale('en-XA');
  await useSetupStore().load();
});
afterEach(() => setLocale(null));

describe('the shell’s parts in the pseudo locale', () => {
  it('the sidebar (skipped steps with why, statuses), the progress, the notice banner, Start over asked and refused', async () => {
    const wrapper = mountWith({ render: () => [h(TheNoticeBanner), h(TheProgress), h(TheSidebar)] });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="step-skip"]').length).toBeGreaterThan(0);
    expect(wrapper.find('[data-testid="recovered-notice"]').exists()).toBe(true);
    await wrapper.find('[data-testid="start-over"]').trigger('click');
    await wrapper.find('[data-testid="start-over-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('.the-start-over__error').text()).toBe(Ω);
    check.expectOnlyKnownEnglish();
  });

  it('the notice banner when the setup could not be read, and Start over done', async () => {
    api.handlers['setup.reset'] = () => ok(fakeSetup());
    const start = mountWith(TheStartOver);
    await start.find('[data-testid="start-over"]').trigger('click');
    await start.find('[data-testid="start-over-confirm"]').trigger('click');
    await flushPromises();
    expect(start.find('.the-start-over__done').exists()).toBe(true);
    useSetupStore().record = null;
    useSetupStore().error = Ω;
    mountWith(TheNoticeBanner);
    await flushPromises();
    check.expectOnlyKnownEnglish();
  });
});

describe('the step frame in the pseudo locale', () => {
  it('every part, a time measured, the load error, the note of a step the way does not need, and Next', async () => {
    const wrapper = show(
      WizardStepFrame,
      { stepId: 'ports', emptyText: Ω, loadError: Ω, loadErrorTitle: Ω, foundAt: AT, showVerifiedTime: true },
      { intro: () => Ω, found: () => Ω, todo: () => Ω, verify: () => Ω },
    );
    await flushPromises();
    expect(wrapper.find('[data-testid="step-not-applicable"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="next-step"]').exists()).toBe(true);
    check.expectOnlyKnownEnglish();
  });

  it('a step about the NVR: none chosen yet; then chosen, with its login open (and its address not known)', async () => {
    const frame = (hasNvr: boolean) =>
      show(
        NvrStepFrame,
        {
          stepId: 'static-ip',
          emptyText: Ω,
          verifiedText: Ω,
          nothingYet: Ω,
          hasNvr,
          nvrTitle: Ω,
          nvrAddress: null,
          loadError: null,
          loadErrorTitle: Ω,
          login: hasNvr
            ? { pending: false, error: null, lockedUsername: null, initialUsername: 'ψ', canRemember: true }
            : null,
        },
        { intro: () => Ω, found: () => Ω, todo: () => Ω, verify: () => Ω },
      );
    const none = frame(false);
    await flushPromises();
    expect(none.find('[data-testid="no-nvr"]').exists()).toBe(true);
    check.expectOnlyKnownEnglish();
    none.unmount();
    frame(true);
    await flushPromises();
    expect(document.querySelector('[data-testid="login-dialog"]')).not.toBeNull();
    check.expectOnlyKnownEnglish();
  });
});

describe('the shared components in the pseudo locale', () => {
  it('a change refused, a choice refused, a question, a text to copy, evidence, findings, problems, a plan’s state', async () => {
    show(ApplyRefused, {
      title: Ω,
      text: Ω,
      nvrTitle: Ω,
      needsLogin: true,
      button: Ω,
      needsWarningYes: true,
      yesLabel: Ω,
    });
    show(ChoiceRefused, { error: Ω });
    show(ConfirmPanel, { name: 'q', title: Ω, yesLabel: Ω }, { default: () => Ω });
    show(CopyBlock, { text: Ω, label: Ω, copied: Ω, testid: 'copy' });
    show(EvidenceFold, { evidence: [Ω], source: Ω });
    const severities = ['problem', 'warning', 'ok', 'info'] as const;
    show(FindingList, {
      titleId: 'f',
      findings: [
        ...severities.map((severity) => ({ code: severity, severity, text: Ω, evidence: [Ω] })),
        // Said by key (main's findings): in the page's language, not main's English sentence beside it.
        {
          code: 'on-dhcp',
          severity: 'problem',
          text: 'The NVR gets its address (192.168.1.9) from the router (DHCP).',
          said: said('staticIp.findings.onDhcp', { address: '192.168.1.9' }),
          evidence: [Ω],
        },
      ],
    });
    show(FindingList, { titleId: 'g', findings: [] });
    show(ProblemList, {
      problems: [
        { key: 'a', severity: 'error', text: Ω },
        { key: 'b', severity: 'warning', text: Ω },
      ],
    });
    show(PlanActions, { edited: true, disabled: false, resetTestid: 'reset' }, { default: () => Ω });
    show(RecheckRow, { label: Ω, busy: false, lastAt: AT }, { default: () => Ω });
    show(TextField, { id: 'field', label: Ω, problem: Ω, help: Ω, optional: true, modelValue: '' });
    show(NvrSubject, { title: Ω, address: '192.168.1.64' });
    show(NvrSubject, { title: Ω, address: null });
    await flushPromises();
    expect(document.querySelectorAll('[data-testid="plan-problem"]')).toHaveLength(2);
    check.expectOnlyKnownEnglish();
  });

  it('a check: read, not done yet, running with its Cancel, refused', async () => {
    const names = { what: 'ψ', testid: 'check', empty: 'check-empty' };
    const idle = useJob({ kind: jobKindSchema.enum['ports-audit'] });
    show(CheckState, { job: idle, names, shown: false, loading: true });
    show(CheckState, { job: idle, names, shown: false, loading: false }, { default: () => Ω });
    const running = useJob({ kind: jobKindSchema.enum['ports-audit'] });
    await running.start(() => Promise.resolve(ok({ jobId: 'job-1' })));
    show(CheckState, { job: running, names, shown: true, loading: false });
    show(JobCancel, { job: running, testid: 'cancel-a' });
    show(JobCancel, { job: running, testid: 'cancel-b' }, { default: () => Ω });
    const refused = useJob({ kind: jobKindSchema.enum['ports-audit'] });
    await refused.start(() => Promise.resolve({ ok: false as const, error: { code: 'TIMEOUT' as const, message: Ω } }));
    show(CheckState, { job: refused, names, shown: true, loading: false });
    await flushPromises();
    expect(document.querySelector('[data-testid="check-empty"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="check-error"]')).not.toBeNull();
    check.expectOnlyKnownEnglish();
  });

  it('a device’s login: what it said, its clock, its password remembered, both failures; the login form, locked and refused', async () => {
    const identity = {
      ...fakeIdentity({ manufacturer: Ω, model: Ω, firmware: null, serial: Ω }),
      clockOffsetSeconds: 7200,
    };
    show(DeviceCardLogin, {
      login: { ...IDLE_LOGIN, identity, remembered: true, forgetError: Ω, error: { code: 'TIMEOUT', message: Ω } },
      base: 'card',
      nameAndAddress: Ω,
    });
    show(DeviceLoginDialog, {
      deviceTitle: Ω,
      address: '192.168.1.64',
      error: { code: 'LOGIN_LOCKED', message: Ω },
      lockedUsername: 'ψ',
      initialUsername: 'ψ',
    });
    await flushPromises();
    expect(document.querySelector('[data-testid="clock-warning"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="login-locked-advice"]')).not.toBeNull();
    check.expectOnlyKnownEnglish();
  });

  it('the login form with nothing typed, and with a wish to remember', async () => {
    const dialog = show(DeviceLoginDialog, {
      deviceTitle: Ω,
      address: '192.168.1.64',
      initialUsername: '',
      canRemember: true,
    });
    await flushPromises();
    await dialog.find('form').trigger('submit');
    await dialog.find('[data-testid="login-show-password"]').trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-testid="login-username-problem"]')?.textContent).not.toBe('');
    check.expectOnlyKnownEnglish();
  });
});

describe('what is named', () => {
  it('Intl’s date was seen (a time the components show)', () => {
    expect(check.unseen()).toEqual([]);
  });
});
