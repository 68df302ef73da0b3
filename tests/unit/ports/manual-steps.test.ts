import { describe, expect, it } from 'vitest';
import { manualStepsFor } from '../../../src/main/services/ports/port-report';
import { portsForBrand, type PortRole } from '../../../src/shared/catalog/ports';

// The numbered steps the Ports step shows for ports ONVIF cannot move: each names the page, the exact setting
// and the exact new number, and ends with the re-check that proves the change.

const ROLES: PortRole[] = ['http', 'https', 'rtsp', 'onvif', 'sdk', 'media'];

describe('manual port steps', () => {
  it.each(['Hikvision', 'Dahua', 'Reolink', 'Axis', null])(
    '%s: every step list names the setting and the number',
    (brand) => {
      for (const role of ROLES) {
        const steps = manualStepsFor(brand ? portsForBrand(brand) : null, role, 23456);
        const text = steps.join('\n');
        expect(steps.length).toBeGreaterThanOrEqual(4);
        expect(text).toMatch(/Set the [^\n]+ to 23456/);
        // The setting is named as the device's page names it, never by the app's table label.
        expect(text).not.toMatch(/Set the (Web page|Video streams|App\/SDK port|ONVIF to)/);
        expect(steps.at(-1)).toMatch(/measure the ports again/);
      }
    },
  );

  it('uses the vendor’s own names for the SDK ports', () => {
    expect(manualStepsFor(portsForBrand('Hikvision'), 'sdk', 18000).join(' ')).toMatch(
      /Server Port \(the SDK port\) to 18000/,
    );
    expect(manualStepsFor(portsForBrand('Dahua'), 'sdk', 37000).join(' ')).toMatch(
      /TCP Port \(the SDK port\) to 37000/,
    );
    expect(manualStepsFor(portsForBrand('Reolink'), 'media', 19000).join(' ')).toMatch(/Media Port to 19000/);
    expect(manualStepsFor(portsForBrand('Reolink'), 'onvif', 18586).join(' ')).toMatch(/ONVIF Port to 18586/);
  });

  it('Dahua: tells the user to keep the same number outside (the vendor requires it)', () => {
    expect(manualStepsFor(portsForBrand('Dahua'), 'sdk', 37000).join(' ')).toMatch(/internal = external/);
  });

  it('an unknown brand gets the general steps, which say plainly that the menu varies', () => {
    const text = manualStepsFor(null, 'sdk', 20000).join(' ');
    expect(text).toMatch(/We do not know the exact menu for this model/);
    expect(text).toMatch(/SDK port .* to 20000/);
  });
});
