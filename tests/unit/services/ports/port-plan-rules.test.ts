// The plan's rules where the measurement and the device disagree (port-plan.ts; issue 17, from mutation testing): a
// measurement older than the device's own list, and a brand told only by the services that answered.
import { describe, expect, it } from 'vitest';
import { buildPortPlan, checkPortChanges } from '../../../../src/main/services/ports/port-plan';
import { manualStepsWithSources } from '../../../../src/shared/catalog/manual-steps';
import { portsForBrand } from '../../../../src/shared/catalog/ports';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { device } from '../../../support/fake-nvr-ports';

const row = (
  port: number,
  state: 'open' | 'closed',
  role: string | null,
  service: string,
  vendor: string | null = null,
) => ({
  port,
  transport: 'tcp',
  state,
  role,
  service,
  vendor,
  product: null,
});
const report = (rows: ReturnType<typeof row>[]) => ({ rows, onvifProtocols: null }) as unknown as PortReport;

describe('checkPortChanges with a measurement older than the device’s list', () => {
  // The last measurement found the web page on 8080; since then it went back to 80 (the device's list says so).
  const stale = report([row(8080, 'open', 'http', 'http'), row(554, 'open', 'rtsp', 'rtsp')]);

  it('a port the measurement found open stays taken for another service, even when the service seen there is moving', () => {
    const check = checkPortChanges(device(), stale, [
      { role: 'http', from: 80, to: 18080 },
      { role: 'rtsp', from: 554, to: 8080 },
    ]);
    expect(check.errors.map((p) => [p.code, p.role, p.port])).toContainEqual(['in-use-device', 'rtsp', 8080]);
  });

  it('the moving service is where the device has it now, not where the measurement saw it: that old port is not "its own"', () => {
    const check = checkPortChanges(device(), stale, [{ role: 'http', from: 80, to: 8080 }]);
    expect(check.errors.map((p) => [p.code, p.role, p.port])).toContainEqual(['in-use-device', 'http', 8080]);
  });
});

describe('the brand of a device that did not say it', () => {
  it('is told by the services that answered (open rows), not by what a closed port was expected to be', () => {
    const hikvision = portsForBrand('Hikvision')!;
    const plan = buildPortPlan(
      device({ brand: null, onvifUrl: null }),
      report([row(37777, 'closed', null, 'sdk', 'Dahua'), row(8000, 'open', 'sdk', 'sdk', 'Hikvision')]),
    );
    const sdk = plan.manualSteps.find((m) => m.role === 'sdk')!;
    const internal = plan.proposal.find((p) => p.role === 'sdk')!.internal;
    expect(sdk.sources).toEqual(manualStepsWithSources(hikvision, 'sdk', internal).sources);
    expect(sdk.sources?.length).toBeGreaterThan(0);
  });
});
