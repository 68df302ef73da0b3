// The vendor-cloud way: each maker's cloud and what to watch, found by every name a device gives its brand.
import { describe, expect, it } from 'vitest';
import {
  VENDOR_CLOUDS,
  VENDOR_CLOUD_RULES,
  cloudServiceIn,
  cloudSourceIn,
  vendorCloudFor,
} from '../../../../src/shared/catalog/vendor-clouds';
import { readableSource } from '../../../../src/shared/catalog/source-text';
import { BRAND_PORTS } from '../../../../src/shared/catalog/ports';
import { createTranslator } from '../../../../src/shared/i18n';

/** The English words of the entries (their keys are the catalogue's). */
const { t } = createTranslator('en');

describe('vendor clouds', () => {
  it('finds the maker’s cloud by the brand names devices give (any case, aliases of the port catalogue)', () => {
    expect(vendorCloudFor('Hikvision')?.service).toBe('Hik-Connect');
    expect(vendorCloudFor('DAHUA')?.service).toBe('Dahua P2P (the DMSS app)');
    expect(vendorCloudFor('Reolink')?.service).toBe('Reolink UID');
    expect(vendorCloudFor('XM')?.service).toBe('XMEye P2P');
  });

  it('XM’s cloud is the one not to use: the entry says to turn it off and take the VPN way', () => {
    const xm = vendorCloudFor('XM')!;
    expect(xm.use).toBe(false);
    expect(t(xm.watch)).toContain('Turn XMEye off and take the VPN way');
    expect(Object.values(VENDOR_CLOUDS).filter((c) => !c.use)).toEqual([xm]);
  });

  it('no made-up cloud for a brand without one here, no brand, or an object property name', () => {
    for (const brand of ['Axis', 'Synology', '', null, undefined, 'constructor', '__proto__'])
      expect(vendorCloudFor(brand), String(brand)).toBeNull();
  });

  it('every entry is keyed by a brand of the port catalogue and has a source a user can follow', () => {
    const ids = new Set(BRAND_PORTS.map((b) => b.id));
    for (const [id, c] of Object.entries(VENDOR_CLOUDS)) {
      expect(ids.has(id), id).toBe(true);
      expect(readableSource(c.source), id).toMatch(/^\S/);
      expect(readableSource(c.source)).not.toContain('shared/reference');
      // Its words are the catalogue's under the same id.
      expect([c.how, c.watch]).toEqual([`security.cloud.brands.${id}.how`, `security.cloud.brands.${id}.watch`]);
      expect(t(c.how).length).toBeGreaterThan(20);
    }
  });

  it('our words in a name or a source are the catalogue’s: in English the table’s own, in en-XA the locale’s', () => {
    const en = createTranslator('en');
    for (const c of Object.values(VENDOR_CLOUDS)) {
      expect(cloudServiceIn(en, c)).toBe(c.service);
      expect(cloudSourceIn(en, c)).toBe(readableSource(c.source));
    }
    const dahua = vendorCloudFor('Dahua')!;
    const xa = createTranslator('en-XA');
    expect(cloudServiceIn(xa, dahua)).toContain('Dahua P2P');
    expect(cloudServiceIn(xa, dahua)).not.toContain('the DMSS app');
    expect(cloudSourceIn(xa, dahua)).toContain('dh-p2p');
    expect(cloudSourceIn(xa, dahua)).not.toContain('which tunnels');
  });

  it('the rules of every cloud: switched on, current firmware and a strong password, no forward and UPnP off', () => {
    expect(VENDOR_CLOUD_RULES.map((rule) => t(rule)).join(' ')).toMatch(/Security step checks both/);
    expect(VENDOR_CLOUD_RULES.map((rule) => t(rule)).join(' ')).toMatch(/No port forward and UPnP off/);
  });
});

describe('readableSource', () => {
  it('drops our reference file’s path (with or without its section) and the brackets around what is left', () => {
    expect(readableSource('../shared/reference/ROUTERS.md §1.4 (https://a.example/x)')).toBe('https://a.example/x');
    expect(readableSource('../shared/reference/INTERNET-SECURITY.md')).toBe('');
    expect(readableSource('https://b.example/y')).toBe('https://b.example/y');
  });
});
