import { describe, expect, it } from 'vitest';
import { renderReading, renderReservation } from '../../../../src/main/features/static-ip/cli';
import { RESERVATION_PATHS } from '../../../../src/shared/catalog/router-reservations';
import {
  checkTypedAddress,
  choosePool,
  judgeAddress,
  poolFromLeases,
  proposeAddress,
  routerDefaultPool,
} from '../../../../src/shared/domain/static-ip';
import { createTranslator } from '../../../../src/shared/i18n';
import { sayIn } from '../../../../src/shared/i18n/said';
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

describe('static-ip’s proposal, DHCP range and problems in the CLI', () => {
  // A TP-Link's factory network, two devices seen on DHCP: the range widened to the factory pool (three parts).
  const tpLan = { interfaceName: 'eth0', address: '192.168.0.20', prefix: 24, gateway: '192.168.0.1' };
  const tpSettings = { ...settings, address: '192.168.0.64', gateway: '192.168.0.1', dns: ['192.168.0.1'] };
  const known = [
    { id: 'a', address: '192.168.0.120', mac: null, dhcp: true },
    { id: 'b', address: '192.168.0.130', mac: null, dhcp: true },
  ];
  const pool = choosePool({
    user: null,
    leases: poolFromLeases(known, tpLan),
    routerDefault: routerDefaultPool(tpLan),
  })!;
  const proposal = proposeAddress({ device: tpSettings, lan: tpLan, pool, known, deviceId: 'dev-1' })!;
  const tpReading = {
    ...reading,
    settings: tpSettings,
    lan: tpLan,
    pool,
    findings: judgeAddress({ device: tpSettings, lan: tpLan, pool, conflicts: [] }),
    proposal,
  } as unknown as StaticIpReading;

  it('in English: main’s reasons and the range’s basis as main wrote them', () => {
    const out = renderReading(tpReading, createTranslator('en').t);
    for (const line of proposal.why) expect(out).toContain(line);
    expect(out).toContain(pool.basis);
  });

  it('in en-XA: the reasons and the basis (inside a reason too) said in the locale, values as they came', () => {
    const xa = createTranslator('en-XA');
    const out = renderReading(tpReading, xa.t);
    for (const line of proposal.why) expect(out).not.toContain(line);
    expect(out).not.toContain(pool.basis);
    const basis = pool.basisSaid!.map((p) => sayIn(xa, p, '')).join('; ');
    expect(basis).toContain('TP-Link Archer');
    expect(out).toContain(xa.t('staticIp.why.poolBasis', { range: '.100–.199', basis }));
    expect(out).toContain(xa.t('staticIp.why.above', { address: '192.168.0.200', range: '.100–.199' }));
  });

  it('a reservation’s problems in en-XA: said in the locale, not main’s English', () => {
    const xa = createTranslator('en-XA');
    const problems = checkTypedAddress('192.168.0.1', { lan: tpLan, pool: null, known, deviceId: 'dev-1' });
    const out = renderReservation({ reservation: null, problems }, xa.t);
    expect(out).not.toContain(problems[0]!.text);
    expect(out).toContain(xa.t('staticIp.typed.router', { address: '192.168.0.1' }));
    expect(renderReservation({ reservation: null, problems }, createTranslator('en').t)).toContain(
      "192.168.0.1 is your router's address.",
    );
  });

  it('where routers keep reservations in en-XA: an unconfirmed path looked for in the locale, the paths as they are', () => {
    const xa = createTranslator('en-XA');
    const r = { reservation: { address: '192.168.0.230', mac: '44:19:b6:00:00:64' }, problems: [] };
    const out = renderReservation(r, xa.t);
    const tp = RESERVATION_PATHS.find((p) => p.family === 'TP-Link Archer')!;
    expect(tp.confidence).toBe('L');
    expect(out).toContain(`  TP-Link Archer: ${xa.t('staticIp.reservationPath.lookFor', { path: tp.path })}`);
    expect(out).not.toContain('look for it; menus differ by firmware');
    // A confirmed path is the router's own, as it is, in every language.
    const eero = RESERVATION_PATHS.find((p) => p.family === 'eero')!;
    expect(out).toContain(`  eero: ${eero.path}`);
    expect(renderReservation(r, createTranslator('en').t)).toContain(
      `  TP-Link Archer: usually ${tp.path} (look for it; menus differ by firmware)`,
    );
  });
});
