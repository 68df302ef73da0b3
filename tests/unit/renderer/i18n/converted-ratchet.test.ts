// The .vue files still to convert (README, "Translations"): each one that says English by itself instead of through
// `t` (english-scan.ts finds it) is listed here, and only those. Converting a file takes it off the list; a file on
// the list that no longer says English fails until it is taken off, and a converted file or a new file that says
// English fails too — so the list only shrinks, and what is left is always in view. One exception, so that a step is
// still only its folders (CONTRIBUTING.md; `npm run check:step-shape` adds a page "hello" and changes nothing else):
// a page in a step folder newer than this list may say English until it is converted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishInVue, isProse, proseInCode } from './english-scan';

const RENDERER = join(import.meta.dirname, '../../../../src/renderer');

/** Not converted yet, relative to src/renderer. */
const NOT_CONVERTED_YET: string[] = [];

/** The step folders when this list was made; a folder not here is a new step's (see the top). */
const STEP_FOLDERS = [
  'checklist',
  'ddns',
  'find',
  'internet',
  'network',
  'ports',
  'rules',
  'security',
  'static-ip',
  'upnp',
  'verify',
  'vpn',
];
const newStepFile = (file: string) => /^steps\/[^/]+\//.test(file) && !STEP_FOLDERS.includes(file.split('/')[1]!);

/** Converted (and kept so): the shell, the Find step and the device card. */
const CONVERTED = [
  'App.vue',
  'components/ApplyRefused.vue',
  'components/CheckState.vue',
  'components/ChoiceRefused.vue',
  'components/ConfirmPanel.vue',
  'components/CopyBlock.vue',
  'components/DeviceCardLogin.vue',
  'components/DeviceLoginDialog.vue',
  'components/DeviceLoginHint.vue',
  'components/DiscoveredDeviceCard.vue',
  'components/EvidenceFold.vue',
  'components/FindingList.vue',
  'components/JobCancel.vue',
  'components/NvrStepFrame.vue',
  'components/NvrSubject.vue',
  'components/PlanActions.vue',
  'components/PortChangeResult.vue',
  'components/PortEachAloneOffer.vue',
  'components/PortManualSteps.vue',
  'components/PortPlanEditor.vue',
  'components/PortTable.vue',
  'components/ProblemList.vue',
  'components/RecheckRow.vue',
  'components/StepNotApplicable.vue',
  'components/TextField.vue',
  'components/TheNoticeBanner.vue',
  'components/TheProgress.vue',
  'components/TheSidebar.vue',
  'components/TheStartOver.vue',
  'components/WizardStepFrame.vue',
  'steps/checklist/ChecklistDone.vue',
  'steps/checklist/ChecklistPicture.vue',
  'steps/checklist/ChecklistTodo.vue',
  'steps/checklist/WizardStepChecklist.vue',
  'steps/ddns/DdnsAnswerBox.vue',
  'steps/ddns/DdnsForm.vue',
  'steps/ddns/DdnsKeep.vue',
  'steps/ddns/DdnsResults.vue',
  'steps/ddns/WizardStepDdns.vue',
  'steps/find/FindAddByAddress.vue',
  'steps/find/FindChosen.vue',
  'steps/find/FindDeviceList.vue',
  'steps/find/FindEmptyState.vue',
  'steps/find/FindListening.vue',
  'steps/find/FindSearch.vue',
  'steps/find/WizardStepFind.vue',
  'steps/internet/InternetFound.vue',
  'steps/internet/InternetProof.vue',
  'steps/internet/ProofRun.vue',
  'steps/internet/WizardStepInternet.vue',
  'steps/network/NetworkApproachChoice.vue',
  'steps/network/NetworkFacts.vue',
  'steps/network/NetworkInterfaceChoice.vue',
  'steps/network/WizardStepNetwork.vue',
  'steps/ports/PortsApply.vue',
  'steps/ports/PortsAudit.vue',
  'steps/ports/PortsConfirm.vue',
  'steps/ports/PortsManual.vue',
  'steps/ports/PortsPlan.vue',
  'steps/ports/PortsVerify.vue',
  'steps/ports/WizardStepPorts.vue',
  'steps/rules/RulesFound.vue',
  'steps/rules/RulesPlan.vue',
  'steps/rules/RulesProxy.vue',
  'steps/rules/RulesRouter.vue',
  'steps/rules/RulesTextField.vue',
  'steps/rules/RulesWishes.vue',
  'steps/rules/WizardStepRules.vue',
  'steps/security/SecurityChangePassword.vue',
  'steps/security/SecurityDefaults.vue',
  'steps/security/SecurityFindings.vue',
  'steps/security/SecurityFirmware.vue',
  'steps/security/SecurityHttpsOn.vue',
  'steps/security/SecurityPassword.vue',
  'steps/security/SecurityScore.vue',
  'steps/security/VendorCloudNote.vue',
  'steps/security/WizardStepSecurity.vue',
  'steps/static-ip/StaticIpApply.vue',
  'steps/static-ip/StaticIpConfirm.vue',
  'steps/static-ip/StaticIpFound.vue',
  'steps/static-ip/StaticIpPlan.vue',
  'steps/static-ip/StaticIpPool.vue',
  'steps/static-ip/StaticIpReservation.vue',
  'steps/static-ip/StaticIpResult.vue',
  'steps/static-ip/StaticIpVerify.vue',
  'steps/static-ip/WizardStepStaticIp.vue',
  'steps/upnp/UpnpDelete.vue',
  'steps/upnp/UpnpDeletions.vue',
  'steps/upnp/UpnpFound.vue',
  'steps/upnp/UpnpMappings.vue',
  'steps/upnp/UpnpRouter.vue',
  'steps/upnp/UpnpTurnOff.vue',
  'steps/upnp/UpnpVerify.vue',
  'steps/upnp/UpnpWatch.vue',
  'steps/upnp/WizardStepUpnp.vue',
  'steps/verify/VerifyChecks.vue',
  'steps/verify/VerifyKeep.vue',
  'steps/verify/WizardStepVerify.vue',
  'steps/vpn/VpnCheck.vue',
  'steps/vpn/VpnFiles.vue',
  'steps/vpn/VpnForm.vue',
  'steps/vpn/VpnPlan.vue',
  'steps/vpn/WizardStepVpn.vue',
];

const vueFiles = (readdirSync(RENDERER, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.vue'))
  .map((file) => file.split('\\').join('/'))
  .sort();
const english = new Map(vueFiles.map((file) => [file, englishInVue(readFileSync(join(RENDERER, file), 'utf8'))]));

describe('the ratchet: which .vue files still say English by themselves', () => {
  it(`exactly the ${NOT_CONVERTED_YET.length} listed files do (of ${vueFiles.length}): none converted is still listed, none new slipped in`, () => {
    const saying = vueFiles.filter((file) => english.get(file)!.length > 0 && !newStepFile(file));
    expect(saying).toEqual([...NOT_CONVERTED_YET].sort());
  });

  it('the step folders listed are the ones there were (a new step is the only exemption, not an old one renamed)', () => {
    const folders = new Set(vueFiles.filter((f) => f.startsWith('steps/')).map((f) => f.split('/')[1]!));
    for (const folder of STEP_FOLDERS) expect(folders.has(folder), folder).toBe(true);
  });

  it('the converted files say no English of their own (the Find step, its device card and the shell)', () => {
    for (const file of CONVERTED) expect(english.get(file), file).toEqual([]);
  });
});

describe('english-scan: what counts as English in a .vue file', () => {
  it('finds template text, user-facing attributes and prose literals, in the template and the script', () => {
    const sfc = [
      '<script setup lang="ts">',
      "import X from './X.vue';",
      "const label = `Device at ${'x'}`;",
      "const tone: 'info' | 'muted' = 'info';",
      '</script>',
      '<template>',
      '  <p title="Why it matters" data-testid="found-count">Nothing found.</p>',
      '  <X :label="busy ? \'Adding…\' : \'Add\'" empty-text="Not yet." variant="primary" />',
      "  <span>{{ t('find.add.add') }}</span>",
      '</template>',
    ].join('\n');
    expect(englishInVue(sfc).sort()).toEqual(
      ['Adding…', 'Add', 'Device at  … ', 'Not yet.', 'Nothing found.', 'Why it matters'].sort(),
    );
  });

  it('leaves code alone: keys, test ids, selectors, paths, addresses, class and variant names', () => {
    for (const code of [
      "'find.add.add'",
      "'primary'",
      "'step-network'",
      '`li[data-device-id="${id}"] [data-testid="x"]`',
      "'../../stores/discovery'",
      "'http://x/onvif'",
      "'eth0'",
    ])
      expect(proseInCode(code), code).toEqual([]);
    expect(isProse('Searching…')).toBe(true);
    expect(isProse('192.168.1.64')).toBe(false);
  });
});
