import { describe, expect, it } from 'vitest';
import { manualStepsWithSources } from '../../../src/shared/catalog/manual-steps';
import {
  ANY_BRAND,
  BRAND_PORTS,
  knownService,
  portInFact,
  portsForBrand,
  RISK_LEVELS,
  RISKY_SERVICES,
  riskOf,
  type PortFact,
} from '../../../src/shared/catalog/ports';

// The functions that read the port catalogue, checked against the catalogue itself (issue 17, from mutation
// testing): what a port "is" decides its risk and whether a plan may use it.

const ALL: Array<{ brand: string; fact: PortFact }> = [
  ...RISKY_SERVICES.map((fact) => ({ brand: ANY_BRAND, fact })),
  ...BRAND_PORTS.flatMap((b) => b.ports.map((fact) => ({ brand: b.name, fact }))),
];
const rank = (level: string) => RISK_LEVELS.indexOf(level as (typeof RISK_LEVELS)[number]);
const CONF = ['L', 'M', 'H'];

describe('portInFact', () => {
  it('a single port is itself only; a range includes both ends and nothing outside', () => {
    const single = { port: 8000 } as PortFact;
    expect([7999, 8000, 8001].map((p) => portInFact(single, p))).toEqual([false, true, false]);
    const range = { port: 5556, portEnd: 5559 } as PortFact;
    expect([5555, 5556, 5557, 5559, 5560].map((p) => portInFact(range, p))).toEqual([false, true, true, true, false]);
  });
});

describe('knownService', () => {
  it('for every catalogued port: one group per role and transport, its brands once each, the worst risk and best confidence', () => {
    const ports = [...new Set(ALL.map((a) => a.fact.port))];
    for (const port of ports) {
      for (const transport of ['tcp', 'udp'] as const) {
        const hits = ALL.filter((a) => portInFact(a.fact, port) && a.fact.transport === transport);
        const groups = knownService(port, transport);
        expect(groups.length, `${port}/${transport}`).toBe(new Set(hits.map((h) => h.fact.role)).size);
        for (const g of groups) {
          const mine = hits.filter((h) => h.fact.role === g.role);
          expect(g.brands, `${port} ${g.role}`).toEqual([...new Set(mine.map((h) => h.brand))]);
          expect(g.purposes).toEqual([...new Set(mine.map((h) => h.fact.purpose))]);
          expect(g.risk).toBe(RISK_LEVELS[Math.max(...mine.map((h) => rank(h.fact.risk.level)))]);
          expect(g.confidence).toBe(CONF[Math.max(...mine.map((h) => CONF.indexOf(h.fact.confidence)))]);
          expect(g.facts).toHaveLength(mine.length);
        }
        // Most brands first.
        const counts = groups.map((g) => g.brands.length);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }
    }
  });

  it('without a transport it counts both; a port nobody uses is nothing', () => {
    const both = knownService(37777);
    expect(both.map((g) => g.transport).sort()).toEqual(
      [...new Set(ALL.filter((a) => portInFact(a.fact, 37777)).map((a) => `${a.fact.transport}`))].sort(),
    );
    expect(knownService(1, 'tcp')).toEqual([]);
  });
});

describe('riskOf', () => {
  it('the worst risk of what the port usually is, its reasons and explanations once each, worst first', () => {
    for (const port of [22, 23, 80, 443, 554, 8000, 37777, 9000]) {
      const facts = ALL.map((a) => a.fact).filter((f) => portInFact(f, port) && f.transport === 'tcp');
      const r = riskOf(port, { transport: 'tcp' });
      expect(r.level, String(port)).toBe(RISK_LEVELS[Math.max(0, ...facts.map((f) => rank(f.risk.level)))]);
      const sorted = [...facts].sort((a, b) => rank(b.risk.level) - rank(a.risk.level));
      expect(r.why).toEqual([...new Set(sorted.map((f) => f.risk.why))]);
      expect(r.reasons).toEqual([...new Set(sorted.flatMap((f) => f.risk.reasons))]);
    }
    expect(riskOf(1, { transport: 'tcp' })).toEqual({ level: 'none', reasons: [], why: [] });
  });

  it('with a brand, only that brand’s facts and the brand-independent services count', () => {
    const hik = portsForBrand('Hikvision')!;
    const facts = [...RISKY_SERVICES, ...hik.ports].filter((f) => portInFact(f, 37777));
    expect(riskOf(37777, { brand: 'Hikvision' }).level).toBe(
      RISK_LEVELS[Math.max(0, ...facts.map((f) => rank(f.risk.level)))],
    );
  });
});

describe('portsForBrand', () => {
  it('finds a brand by id, name or alias whatever the case and punctuation; nothing for empty or unknown names', () => {
    expect(portsForBrand('HIKVISION')?.name).toBe('Hikvision');
    expect(portsForBrand('tp link')?.name).toBe(portsForBrand('TP-Link')?.name);
    expect(portsForBrand('TP-Link')).not.toBeNull();
    expect(portsForBrand('TPLink')?.name).toBe(portsForBrand('TP-Link')?.name);
    expect(portsForBrand('---')).toBeNull();
    expect(portsForBrand('')).toBeNull();
    expect(portsForBrand(null)).toBeNull();
    expect(portsForBrand('Acme')).toBeNull();
  });
});

describe('manualStepsWithSources for a brand without its own steps', () => {
  const general = (brand: string | null, role: Parameters<typeof manualStepsWithSources>[1]) =>
    manualStepsWithSources(brand ? portsForBrand(brand) : null, role, 21000);

  it('moving the web page says where the page answers next; other ports do not', () => {
    for (const role of ['http', 'https'] as const)
      expect(general(null, role).steps).toContain(
        'The page then answers on port 21000: open it again at that port (for example http://address:21000).',
      );
    expect(general(null, 'rtsp').steps.join(' ')).not.toMatch(/The page then answers/);
  });

  it('an app port gets the same-number advice; a brand’s same-port rule is said in its words, with its source', () => {
    expect(general(null, 'sdk').steps).toContain(
      'In the router, forward the same number outside as inside (internal = external). We recommend it because the vendor’s apps learn the port from the device.',
    );
    expect(general(null, 'rtsp').steps.join(' ')).not.toMatch(/internal = external/);
    const withRule = BRAND_PORTS.find(
      (b) =>
        !['hikvision', 'dahua', 'reolink', 'uniview', 'swann'].includes(b.id) &&
        b.rules.some((r) => r.id === 'internal-equals-external'),
    );
    expect(withRule).toBeDefined();
    const rule = withRule!.rules.find((r) => r.id === 'internal-equals-external')!;
    const out = manualStepsWithSources(withRule!, rule.roles[0]!, 21000);
    expect(out.steps).toContain(`In the router: ${rule.text}`);
    expect(out.sources).toEqual([{ title: rule.source, confidence: rule.confidence, supports: 'the same-port rule' }]);
    expect(general(null, 'sdk').sources).toEqual([]);
  });

  it('the whole general list for a video port, field named as devices usually name it', () => {
    expect(general(null, 'rtsp')).toEqual({
      steps: [
        'Open the device’s web page in a browser and log in as the admin user.',
        'Find its port settings: look under Network (or Advanced) for a Port page. The menu varies between makers and ' +
          'firmware, and we do not know the exact menu for this model; its manual names it.',
        'Set the RTSP Port to 21000 and save (it is the “Video streams (RTSP)” row in our table).',
        'If the vendor’s app or PC software connects through this port, enter the new port there too.',
        'Come back here and measure the ports again to check the change.',
      ],
      // The same steps by the catalogue's key (ports.said.manual): the setting's name is the device's, a value.
      said: [
        { key: 'ports.said.manual.open.device' },
        { key: 'ports.said.manual.where.general' },
        {
          key: 'ports.said.manual.set',
          params: { field: 'RTSP Port', port: '21000', label: { key: 'ports.role.rtsp' } },
        },
        { key: 'ports.said.manual.apps.general' },
        { key: 'ports.said.manual.recheck' },
      ],
      sources: [],
    });
    // A role with no usual field name is named by its label.
    expect(general(null, 'telnet').steps[2]).toBe(
      'Set the Telnet port to 21000 and save (it is the “Telnet” row in our table).',
    );
  });

  it('a brand’s same-port rule applies only to the roles it names', () => {
    const withRule = BRAND_PORTS.find(
      (b) =>
        !['hikvision', 'dahua', 'reolink', 'uniview', 'swann'].includes(b.id) &&
        b.rules.some((r) => r.id === 'internal-equals-external' && !r.roles.includes('rtsp')),
    )!;
    const out = manualStepsWithSources(withRule, 'rtsp', 21000);
    expect(out.sources).toEqual([]);
    expect(out.steps.join(' ')).not.toMatch(/In the router/);
  });

  it('opens with the login and ends with the re-check', () => {
    const steps = general(null, 'rtsp').steps;
    expect(steps[0]).toBe('Open the device’s web page in a browser and log in as the admin user.');
    expect(steps.at(-1)).toBe('Come back here and measure the ports again to check the change.');
    expect(steps).toContain(
      'If the vendor’s app or PC software connects through this port, enter the new port there too.',
    );
  });
});
