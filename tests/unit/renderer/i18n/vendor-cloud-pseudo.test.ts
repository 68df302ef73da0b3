// @vitest-environment happy-dom
// The maker's cloud in the pseudo locale (en-XA): a service's name is a name, but where our words are in it (Dahua's
// "(the DMSS app)") or in what its source says, they are the catalogue's and come out in the page's language; the
// names (Dahua P2P, DMSS, dh-p2p) as they are.
import { afterEach, describe, expect, it } from 'vitest';
import VendorCloudNote from '../../../../src/renderer/steps/security/VendorCloudNote.vue';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import { createTranslator } from '../../../../src/shared/i18n';
import { readableSource } from '../../../../src/shared/catalog/source-text';
import { vendorCloudFor } from '../../../../src/shared/catalog/vendor-clouds';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { ok } from '../fake-api';
import { mountWith, useStepHarness } from '../mount-step';
import { CVE_NVR, securityRecord } from '../steps/security/fake-security';

const dahua = (): SetupRecord => {
  const r = securityRecord();
  const device = { ...CVE_NVR, brand: 'Dahua' };
  return { ...r, approach: 'vendor-cloud', nvr: { ...r.nvr!, device }, devices: [device] };
};

useStepHarness({
  path: '/step/security',
  handlers: () => ({ 'setup.get': () => ok({ setup: dahua(), notice: null }) }),
});
afterEach(() => setLocale(null));

async function brandBox(): Promise<string> {
  await useSetupStore().load();
  return mountWith(VendorCloudNote).find('[data-testid="vendor-cloud-brand"]').text();
}

describe('the maker’s cloud: its name’s words and its source’s in the page’s language', () => {
  const cloud = vendorCloudFor('Dahua')!;

  it('in English: the name and the source as the table has them', async () => {
    const text = await brandBox();
    expect(text).toContain('Dahua: Dahua P2P (the DMSS app).');
    expect(text).toContain(readableSource(cloud.source));
  });

  it('in en-XA: "the … app" and the source’s words are the locale’s, the names as they are', async () => {
    setLocale('en-XA');
    const xa = createTranslator('en-XA');
    const text = await brandBox();
    expect(text).toContain(xa.t('security.cloud.serviceApp', { service: 'Dahua P2P', app: 'DMSS' }));
    expect(text).toContain(xa.t('security.cloud.brands.dahua.source', { project: 'dh-p2p' }));
    expect(text).not.toContain(cloud.service);
    expect(text).not.toContain('which tunnels RTSP');
  });
});
