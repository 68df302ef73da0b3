import { describe, expect, it } from 'vitest';
import { renderReading } from '../../../../src/main/features/static-ip/cli';
import { judgeAddress } from '../../../../src/shared/domain/static-ip';
import { createTranslator } from '../../../../src/shared/i18n';
import type { StaticIpReading } from '../../../../src/shared/steps/static-ip';

// `nvr-assist static-ip`'s findings in the terminal's language: main's findings are said by key, so the CLI says
// them in its locale (en-XA here); in English they are main's sentences as before.
const lan = { interfaceName: 'eth0', address: '192.168.1.10', prefix: 24, gateway: '192.168.1.1' };
const settings = {
  source: 'onvif' as const,
  dhcp: true,
  address: '192.168.1.120',
  prefix: 24,
  gateway: '192.168.1.1',
  dns: ['192.168.1.1'],
};
const reading = {
  deviceId: 'dev-1',
  at: '2026-12-06T12:00:00.000Z',
  settings,
  loggedIn: true,
  mac: null,
  lan,
  pool: null,
  findings: judgeAddress({ device: settings, lan, pool: null, conflicts: [] }),
  proposal: null,
  reservation: null,
} as unknown as StaticIpReading;

describe('static-ip findings in the CLI', () => {
  it('in English: main’s sentence', () => {
    const out = renderReading(reading, createTranslator('en').t);
    expect(out).toContain(reading.findings[0]!.text);
    expect(out).toContain('The NVR gets its address (192.168.1.120) from the router (DHCP).');
  });

  it('in en-XA: the same finding said in the locale, its address as it came', () => {
    const xa = createTranslator('en-XA');
    const out = renderReading(reading, xa.t);
    expect(out).not.toContain('gets its address');
    expect(out).toContain(xa.t('staticIp.findings.onDhcp', { address: '192.168.1.120' }));
  });
});
