// @vitest-environment happy-dom
// The UPnP step in the pseudo locale (en-XA): every word the step's own files say must come out accented, so a
// string that was never converted shows up here as plain English (english-on-page.ts). What is still English on the page
// comes from files not converted yet (the frame and the shared components, the step titles, the status words, the
// catalogue of where UPnP is switched off) or is main's (the router's refusals, its notes, the evidence lines; its
// findings are said by key and come out accented) or data (the router's and the devices' names, the mappings'
// descriptions).
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { formatTime } from '../../../../src/renderer/components/step-status';
import { createTranslator } from '../../../../src/shared/i18n';
import { NVR_UPNP_OFF, ROUTER_UPNP_OFF, upnpOffText } from '../../../../src/shared/catalog/upnp-off';
import type { UpnpAudit, UpnpRecheck } from '../../../../src/shared/domain/upnp';
import { judgeUpnp } from '../../../../src/shared/domain/upnp-findings';
import { upnpErrorSaid, upnpErrorWords } from '../../../../src/shared/catalog/upnp-errors';
import { english } from '../../../../src/shared/i18n/english';
import { said } from '../../../../src/shared/i18n/said';
import { discoveryList, ok } from '../fake-api';
import { api, mountStep, useStepHarness } from '../mount-step';
import { REFUSED_606, fakeAudit, fakeDeletion, fakeMapping, fakeUpnp, setupWithNvr } from '../steps/upnp/fake-upnp';
import { stopFirstVisitCheck } from '../steps/upnp/upnp-page';
import { intlDates, pseudoChecker, saidAndWords } from './english-on-page';

/** Why the list was read only in part, as main says it (by key) and its English sentence beside it. */
const LIST_NOTE_SAID = said('upnp.listNoteSaid.stopped', { count: 4, error: 'timeout' });
const LIST_NOTE = english(LIST_NOTE_SAID);
const RECHECK_AT = '2025-03-01T12:12:00.000Z';
const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

function recheck(over: Partial<UpnpRecheck> = {}): UpnpRecheck {
  return {
    at: RECHECK_AT,
    waitedS: 120,
    watched: [{ protocol: 'TCP', externalPort: 8000 }],
    cameBack: [],
    outcome: 'still-gone',
    ...over,
  };
}

/** The NVR's mappings, one switched off and open to one address only (the console's first, as the router lists). */
const mappings = () => [
  ...fakeAudit().mappings,
  fakeMapping({ externalPort: 554, internalPort: 554, enabled: false, remoteHost: '198.51.100.7', service: null }),
];

/** The router's list read in part, with main's own findings on it (judgeUpnp, said by key). */
function auditReadInPart(): UpnpAudit {
  const base = fakeAudit({ mappings: mappings(), listEnd: 'limit', listNote: LIST_NOTE, listNoteSaid: LIST_NOTE_SAID });
  return { ...base, findings: judgeUpnp({ ...base, igdProblem: null }) };
}

/** What main said (its findings, the router's refusals) and the data (the router's and devices' names, mappings). */
/** Where UPnP is switched off: the router families' and brands' names and the commands to type, as they are. */
const UPNP_OFF_FACTS = [...ROUTER_UPNP_OFF, ...NVR_UPNP_OFF].flatMap((p) => [
  ...(typeof p.name === 'string' ? [p.name] : []),
  ...Object.values(p.path.params ?? {}),
]);

function notThePages() {
  const { said, words } = saidAndWords(
    [fakeAudit(), auditReadInPart(), mappings(), setupWithNvr().devices],
    ['text', 'evidence', 'message', 'listNote'],
  );
  // UPnP error 606's name in the specification: a technical name, kept as it is in every language.
  return { said: [REFUSED_606, LIST_NOTE, 'Action not authorized', ...UPNP_OFF_FACTS, ...said], words };
}

// Where UPnP is switched off (src/shared/catalog/upnp-off.ts) is said by key (upnp.turnOff.paths): not named here.
const page = pseudoChecker({ intl: intlDates(fakeAudit().measuredAt, RECHECK_AT) });

useStepHarness({
  path: '/step/upnp',
  handlers: () => ({
    'setup.get': () => ok({ setup: setupWithNvr(), notice: null }),
    'discovery.list': () => discoveryList(),
  }),
});

afterEach(() => setLocale(null));

describe('the UPnP step in the pseudo locale: no string of its own is left in English', () => {
  it('mappings found (read in part), deletions of every outcome, one came back, the deletion asked', async () => {
    setLocale('en-XA');
    fakeUpnp(api, {
      audit: auditReadInPart(),
      deleted: [
        fakeDeletion(),
        fakeDeletion({ externalPort: 80, gone: false }),
        fakeDeletion({
          externalPort: 37777,
          accepted: false,
          gone: false,
          errorCode: 606,
          message: REFUSED_606,
          said: upnpErrorSaid(606),
        }),
        fakeDeletion({ protocol: 'UDP', externalPort: 3074, accepted: false, gone: false }),
      ],
      recheckAfterS: 600,
      recheck: recheck({
        outcome: 'came-back',
        cameBack: [
          { protocol: 'TCP', externalPort: 8000, internalClient: '192.168.1.64', internalPort: 8000, device: 'Shop' },
        ],
      }),
    });
    const wrapper = await mountStep();
    const pseudo = createTranslator('en-XA');
    // Only the cameras' mappings ticked: Delete would delete at once, and the page says so (in en-XA).
    expect(byTest(wrapper, 'delete-at-once').text()).toBe(pseudo.t('upnp.delete.now'));
    // The console's ticked too: the deletion is asked first.
    await wrapper.find('[data-testid="mapping-row"][data-key="UDP/3074"] input[type="checkbox"]').setValue(true);
    await byTest(wrapper, 'delete').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'delete-confirm').exists()).toBe(true);
    expect(byTest(wrapper, 'deletion-606').exists()).toBe(true);
    expect(byTest(wrapper, 'list-end').exists()).toBe(true);
    expect(byTest(wrapper, 'watch-result').attributes('data-outcome')).toBe('came-back');
    page.expectOnlyKnownEnglish(notThePages());
    expect(byTest(wrapper, 'delete-state').text()).toBe(pseudo.t('upnp.delete.chosen', { count: 5 }));
    // main's findings were said by key: the page says them in en-XA, not main's English beside them.
    const findings = auditReadInPart().findings;
    expect(findings.map((f) => f.code)).toEqual([
      'camera-mapped',
      'upnp-on',
      'natpmp-on',
      'list-incomplete',
      'other-mapped',
    ]);
    const shown = wrapper.text();
    for (const f of findings) expect(shown, f.code).not.toContain(f.text);
    // The mapped ports' names main said by key (ports.role): in en-XA, not main's English.
    const services = wrapper.findAll('[data-testid="mapping-service"]').map((cell) => cell.text());
    expect(services).toEqual(expect.arrayContaining([pseudo.t('ports.role.sdk'), pseudo.t('ports.role.http')]));
    expect(services).not.toContain('App/SDK port');
    expect(shown).toContain(pseudo.t('upnp.findings.listIncompleteNote', { note: LIST_NOTE }));
    expect(shown).toContain(pseudo.t('upnp.findings.upnpOnNamed', { gateway: '192.168.1.1', name: 'Home Router' }));
    expect(shown).toContain(pseudo.t('upnp.findings.otherMapped', { count: 1 }));
    // Why the list was read in part, said by key: in en-XA under the table (main's English stays in its finding's
    // {note}, one level of words within words only).
    expect(byTest(wrapper, 'list-end').text()).toBe(
      pseudo.t('upnp.mappings.listPartNote', {
        note: pseudo.t('upnp.listNoteSaid.stopped', { count: 4, error: 'timeout' }),
      }),
    );
    // The router's refusal, said by key (main's words for UPnP error 606): in en-XA, its name and code as they are.
    expect(REFUSED_606).toBe(upnpErrorWords(606));
    expect(shown).not.toContain(REFUSED_606);
    expect(byTest(wrapper, 'deletion-message').text()).toBe(
      pseudo.t('upnp.upnpError.known', {
        words: pseudo.t('upnp.upnpError.notAuthorized'),
        code: '606',
        name: 'Action not authorized',
      }),
    );
  });

  it('no UPnP gateway and no NAT-PMP at the router, nothing mapped; the mapping still gone after the wait', async () => {
    setLocale('en-XA');
    fakeUpnp(api, {
      audit: fakeAudit({
        gateway: null,
        igd: null,
        mappings: [],
        natPmp: { present: false, externalAddress: null },
        findings: [],
      }),
      recheck: recheck(),
    });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'mappings-none').exists()).toBe(true);
    expect(byTest(wrapper, 'todo-nothing-mapped').exists()).toBe(true);
    expect(byTest(wrapper, 'watch-result').attributes('data-outcome')).toBe('still-gone');
    page.expectOnlyKnownEnglish(notThePages());
  });

  it('not checked yet (the first visit checking); a re-check that could not read the list to its end', async () => {
    setLocale('en-XA');
    fakeUpnp(api, { recheck: recheck({ outcome: 'unproven' }) });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'first-visit').exists()).toBe(true);
    expect(byTest(wrapper, 'todo-needs-audit').exists()).toBe(true);
    expect(byTest(wrapper, 'watch-result').attributes('data-outcome')).toBe('unproven');
    page.expectOnlyKnownEnglish(notThePages());
  });

  it('the English named as not converted yet was all seen (a file converted since must leave the list)', () => {
    expect(page.unseen()).toEqual([]);
  });

  it('where to turn UPnP off: every line in en-XA, the families, brands and commands as they are', async () => {
    setLocale('en-XA');
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    const xa = createTranslator('en-XA');
    const en = createTranslator('en');
    const lines = (id: string) => wrapper.findAll(`[data-testid="${id}"] li`).map((li) => li.text());
    expect(lines('turn-off-router')).toEqual(ROUTER_UPNP_OFF.map((p) => upnpOffText(p, xa.t)));
    expect(lines('turn-off-recorders').length).toBeGreaterThan(0);
    for (const line of lines('turn-off-recorders'))
      expect(NVR_UPNP_OFF.map((p) => upnpOffText(p, xa.t))).toContain(line);
    const text = wrapper.text();
    for (const p of [...ROUTER_UPNP_OFF, ...NVR_UPNP_OFF]) expect(text).not.toContain(upnpOffText(p, en.t));
    expect(text).toContain('TP-Link Archer');
    expect(text).toContain('/ip upnp set enabled=no');
    expect(text).toContain(xa.t('upnp.turnOff.paths.tplink.note'));
    page.expectOnlyKnownEnglish(notThePages());
  });
});

describe('the UPnP step in English: sentences with markup inside stay whole, spaces and all', () => {
  it('before any check: “Not checked yet.” and what the check does, with the space between', async () => {
    fakeUpnp(api, {});
    const wrapper = await mountStep();
    await stopFirstVisitCheck(wrapper, api);
    expect(byTest(wrapper, 'upnp-empty').text()).toBe(
      'Not checked yet. Press “Check the router”: the app asks your router which ports it opened through UPnP, and for which device. Run “Find your NVR” first, so the devices are named.',
    );
  });

  it('the mappings’ summary, and a re-check that found them still gone', async () => {
    fakeUpnp(api, { audit: fakeAudit(), recheck: recheck() });
    const wrapper = await mountStep();
    const text = (id: string) => byTest(wrapper, id).text().replace(/\s+/g, ' ');
    expect(text('mappings-summary')).toBe(
      '4 mappings, 3 of them to a camera or recorder. Tick the ones to delete (those to a camera or recorder are ticked for you).',
    );
    expect(text('watch-result')).toBe(`Still gone after 2 min: TCP 8000 (read ${formatTime(RECHECK_AT)}).`);
  });
});
