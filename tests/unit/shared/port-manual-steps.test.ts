import { describe, expect, it } from 'vitest';
import { MANUAL_STEP_BRANDS, manualStepsFor, manualStepsWithSources } from '../../../src/shared/catalog/manual-steps';
import { portsForBrand, ROLE_LABELS, type PortRole } from '../../../src/shared/catalog/ports';
import { manualStepSourceSchema } from '../../../src/shared/catalog/manual-steps';

// The numbered steps the Ports step shows for ports ONVIF cannot move: each names the page, the exact setting,
// the exact new number and the app's own name for the port, ends with the re-check that proves the change, and
// carries the documents it comes from.

const ROLES: PortRole[] = ['http', 'https', 'rtsp', 'onvif', 'sdk', 'media', 'mobile'];
const SOURCED = ['Hikvision', 'Dahua', 'Reolink', 'Uniview', 'Swann'];

describe('manual port steps', () => {
  it.each([...SOURCED, 'Amcrest', 'Axis', null])(
    '%s: every step list names the setting, the number and the role label',
    (brand) => {
      for (const role of ROLES) {
        const steps = manualStepsFor(brand ? portsForBrand(brand) : null, role, 23456);
        const text = steps.join('\n');
        expect(steps.length).toBeGreaterThanOrEqual(4);
        expect(steps.every((s) => s.length <= 400)).toBe(true);
        expect(text).toMatch(/Set the [^\n]+ to 23456/);
        expect(text).toContain(`“${ROLE_LABELS[role]}” row`);
        // The setting is named as the device's page names it, never by the app's table label.
        expect(text).not.toMatch(/Set the (Web page|Video streams|App\/SDK port|ONVIF to)/);
        expect(steps.at(-1)).toMatch(/measure the ports again/);
      }
    },
  );

  it('every brand with its own steps carries at least one source with an address and a confidence', () => {
    expect([...MANUAL_STEP_BRANDS].sort()).toEqual(['dahua', 'hikvision', 'reolink', 'swann', 'uniview']);
    for (const brand of SOURCED) {
      const { sources } = manualStepsWithSources(portsForBrand(brand), 'sdk', 20000);
      expect(sources.length, brand).toBeGreaterThanOrEqual(1);
      for (const s of sources) {
        expect(manualStepSourceSchema.safeParse(s).success, `${brand}: ${s.title}`).toBe(true);
        expect(s.url, brand).toMatch(/^https?:\/\/\S+$/);
        expect(['H', 'M', 'L']).toContain(s.confidence);
      }
    }
  });

  it('says where the menu path is unconfirmed instead of stating it as fact', () => {
    const hik = manualStepsWithSources(portsForBrand('Hikvision'), 'sdk', 18000);
    expect(hik.steps.join(' ')).toMatch(/Configuration › Network › Basic Settings › Port/);
    expect(hik.steps.join(' ')).toMatch(/we found no Hikvision document confirming it/);
    // The path itself only rests on a third-party guide.
    expect(hik.sources.find((s) => /Basic Settings › Port/.test(s.supports))?.confidence).toBe('L');
    expect(manualStepsFor(portsForBrand('Dahua'), 'sdk', 37000).join(' ')).toMatch(
      /we found no Dahua document naming the page/,
    );
  });

  it('uses the vendor’s own names for the settings and the paths its sources give', () => {
    expect(manualStepsFor(portsForBrand('Hikvision'), 'sdk', 18000).join(' ')).toMatch(
      /Server Port \(the SDK port\) to 18000/,
    );
    expect(manualStepsFor(portsForBrand('Dahua'), 'sdk', 37000).join(' ')).toMatch(
      /TCP Port \(the SDK port\) to 37000/,
    );
    const reolink = manualStepsFor(portsForBrand('Reolink'), 'media', 19000).join(' ');
    expect(reolink).toMatch(/Media Port to 19000/);
    expect(reolink).toMatch(/Settings › Network › Advanced › Port Settings/);
    expect(manualStepsFor(portsForBrand('Reolink'), 'onvif', 18586).join(' ')).toMatch(/ONVIF Port to 18586/);
    expect(manualStepsFor(portsForBrand('Uniview'), 'https', 18443).join(' ')).toMatch(
      /Setup › Network › Port.*HTTPS Port to 18443/,
    );
    expect(manualStepsFor(portsForBrand('Swann'), 'mobile', 19001).join(' ')).toMatch(
      /Server Port \(the phone-app port\) to 19001/,
    );
  });

  it('Dahua and Hikvision: the SDK-port steps say to keep the same number outside (internal = external)', () => {
    const dahua = manualStepsWithSources(portsForBrand('Dahua'), 'sdk', 37000);
    expect(dahua.steps.join(' ')).toMatch(/internal = external/);
    // Dahua's own manual is the source of the requirement.
    expect(dahua.sources.some((s) => s.confidence === 'H' && /internal port and external port/.test(s.supports))).toBe(
      true,
    );
    expect(manualStepsFor(portsForBrand('Hikvision'), 'sdk', 18000).join(' ')).toMatch(/internal = external/);
    // Not for ports that are not the vendor apps' own.
    expect(manualStepsFor(portsForBrand('Dahua'), 'http', 18080).join(' ')).not.toMatch(/internal = external/);
  });

  it('Dahua-based brands without their own steps still get the same-port rule, with its source', () => {
    const amcrest = manualStepsWithSources(portsForBrand('Amcrest'), 'sdk', 37100);
    expect(amcrest.steps.join(' ')).toMatch(/internal port and external port are the same/);
    expect(amcrest.steps.join(' ')).toMatch(/We do not know the exact menu|we do not know the exact menu/);
    expect(amcrest.sources).toHaveLength(1);
    expect(amcrest.sources[0]!.title).toMatch(/Dahua/);
  });

  it('moving the web page says where it answers next', () => {
    expect(manualStepsFor(portsForBrand('Reolink'), 'http', 18080).join(' ')).toMatch(/answers on port 18080/);
  });

  it('an unknown brand gets the general steps, which say plainly that the menu varies and cite nothing', () => {
    const { steps, sources } = manualStepsWithSources(null, 'sdk', 20000);
    const text = steps.join(' ');
    expect(text).toMatch(/The menu varies between makers and firmware/);
    expect(text).toMatch(/we do not know the exact menu for this model/);
    expect(text).toMatch(/SDK port .* to 20000/);
    expect(text).toContain(`“${ROLE_LABELS.sdk}” row`);
    expect(sources).toEqual([]);
  });
});
