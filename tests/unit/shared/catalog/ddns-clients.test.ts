import { describe, expect, it } from 'vitest';
import { NVR_DDNS, nvrDdnsFor } from '../../../../src/shared/catalog/ddns-clients';
import { ROUTER_DDNS, ROUTER_DDNS_IDS } from '../../../../src/shared/catalog/router-ddns';
import { readableSource } from '../../../../src/shared/catalog/source-text';

describe('built-in DDNS clients', () => {
  it('finds the NVR’s client by the brand the app found, whatever its case and spaces', () => {
    expect(nvrDdnsFor('Dahua')?.product).toBe('Dahua (Dahua DDNS, NO-IP, DynDNS)');
    expect(nvrDdnsFor(' hikvision ')?.product).toBe('Hikvision (Hik-Connect)');
    expect(nvrDdnsFor('HIKVISION')?.product).toBe('Hikvision (Hik-Connect)');
  });

  it('a brand with no known client, no brand, or a name of an object’s own property: none (no made-up advice)', () => {
    for (const brand of ['Axis', '', null, undefined, 'constructor', '__proto__', 'toString', 'Stryker'])
      expect(nvrDdnsFor(brand), String(brand)).toBeNull();
  });

  it('every entry has a source, and a router entry belongs to a router family of the Router rules step', () => {
    for (const c of [...Object.values(NVR_DDNS), ...Object.values(ROUTER_DDNS)]) {
      expect(c!.source.length, c!.product).toBeGreaterThan(10);
      expect(['H', 'M', 'L']).toContain(c!.confidence);
    }
    for (const id of Object.keys(ROUTER_DDNS)) expect(ROUTER_DDNS_IDS).toContain(id);
  });

  it('the source shown to users drops our reference file’s path and keeps the document or address', () => {
    expect(readableSource(NVR_DDNS.amcrest!.source)).toBe('https://www.easymanua.ls/amcrest/ip4m-1041b/manual?p=30');
    expect(readableSource(ROUTER_DDNS.asus!.source)).toBe(
      'https://github.com/RMerl/asuswrt-merlin.ng/wiki/Custom-DDNS ; https://github.com/RMerl/asuswrt-merlin.ng/blob/master/release/src/router/www/Advanced_ASUSDDNS_Content.asp',
    );
    expect(readableSource(ROUTER_DDNS['tp-link']!.source)).toBe('');
    // Only a source wholly in brackets loses them; brackets inside a source stay.
    expect(readableSource('A manual (p. 3)')).toBe('A manual (p. 3)');
    expect(readableSource('(p. 3) of a manual')).toBe('(p. 3) of a manual');
  });
});
