import { describe, expect, it } from 'vitest';
import type { ServiceIdentity } from '../../../../src/main/protocol/service-identity';
import { buildPortReport } from '../../../../src/main/services/ports/port-report';
import {
  BRAND_PORTS,
  PORT_ROLES,
  RISK_LEVELS,
  RISKY_SERVICES,
  type PortRole,
  type RiskLevel,
} from '../../../../src/shared/catalog/ports';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { PORT_SERVICES, type PortRow } from '../../../../src/shared/domain/ports';

// Role, purpose, risk and recommendation agree with each other for every service: every role of the catalogue, on
// each of its ports (for each brand that has it, and on a port no catalogue names), answered by every kind of
// service the identification can name, with and without a web page, a login, a certificate. The rules below read
// the advice as a person would and hold the risk to it: advice that names a danger needs a risk that says it, and
// advice that lets the user forward never comes with a high risk unless it tells them to move the port first.

const ADDRESS = '192.0.2.80';
const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);

/** What the advice's words claim, as bounds on the risk. */
const RULES: Array<{ words: RegExp; atLeast?: RiskLevel; atMost?: RiskLevel; unless?: RegExp }> = [
  { words: /^Close it/, atLeast: 'medium' },
  { words: /passwords would cross|in plain text|readable/, atLeast: 'medium' },
  { words: /history of serious flaws/, atLeast: 'high' },
  { words: /^Protect it first|^Turn on RTSP authentication first/, atLeast: 'high' },
  { words: /^Do not forward|^Never forward|^Find out what this is/, atLeast: 'low' },
  { words: /^Forward only|^If you forward|^Do not forward unless/, atMost: 'medium', unless: /move it/ },
];

function device(overrides: Partial<DiscoveredDevice>): DiscoveredDevice {
  return {
    id: 'dev-advice',
    addresses: [ADDRESS],
    mac: null,
    brand: null,
    brandSource: null,
    model: null,
    name: null,
    firmware: null,
    serial: null,
    sources: ['manual'],
    onvifUrl: null,
    endpoint: null,
    ports: {},
    dhcp: null,
    activated: null,
    upnp: false,
    notes: [],
    interfaceName: 'eth0',
    lastSeenAt: 't',
    ...overrides,
  };
}

/** The identities a port can get: each service, with the variants that change the judgement. */
function identities(): ServiceIdentity[] {
  const out: ServiceIdentity[] = [];
  const base = {
    product: null,
    vendor: null,
    plainText: true,
    adminUi: false,
    authRequired: null,
    onvif: false,
    tls: null,
    evidence: [],
  };
  for (const service of PORT_SERVICES)
    for (const adminUi of [false, true])
      for (const authRequired of [null, true, false])
        for (const onvif of [false, true])
          out.push({ ...base, service, adminUi, authRequired, onvif, plainText: service !== 'https' });
  out.push({
    ...base,
    service: 'https',
    adminUi: true,
    plainText: false,
    tls: {
      selfSigned: true,
      trusted: false,
      expired: true,
      notYetValid: false,
      daysLeft: -3,
      subject: 'CN=x',
      issuer: 'CN=x',
      namesHost: false,
    },
  });
  return out;
}

interface Case {
  label: string;
  row: PortRow;
}

/** Every role on each of its catalogue ports (with the brand that has it) and on an uncatalogued port. */
function cases(): Case[] {
  const out: Case[] = [];
  const places: Array<{ role: PortRole; port: number; brand: string | null }> = [];
  for (const b of BRAND_PORTS)
    for (const f of b.ports)
      if (f.transport === 'tcp' && !places.some((p) => p.role === f.role && p.port === f.port && p.brand === b.name))
        places.push({ role: f.role, port: f.port, brand: b.name });
  for (const f of RISKY_SERVICES) if (f.transport === 'tcp') places.push({ role: f.role, port: f.port, brand: null });
  for (const role of PORT_ROLES) places.push({ role, port: 23456, brand: null });
  const ids = identities();
  for (const place of places) {
    const d = device({ brand: place.brand, ports: { [place.role]: place.port } });
    for (const id of ids) {
      const report = buildPortReport({
        device: d,
        address: ADDRESS,
        full: false,
        measuredAt: new Date('2026-11-24T10:00:00Z'),
        open: [place.port],
        filtered: [],
        identities: [{ port: place.port, ...id }],
        protocols: null,
      });
      const row = report.rows.find((r) => r.port === place.port)!;
      const label =
        `${place.brand ?? 'any brand'} ${place.role}/${place.port} answered by ${id.service}` +
        ` (page ${id.adminUi}, login ${id.authRequired}, onvif ${id.onvif}${id.tls ? ', expired certificate' : ''})`;
      out.push({ label, row });
    }
  }
  return out;
}

describe('every row’s role, purpose, risk and advice agree', () => {
  const all = cases();

  it('covers every role and every service', () => {
    expect(new Set(all.map((c) => c.row.service))).toEqual(new Set(PORT_SERVICES));
    for (const role of PORT_ROLES)
      expect(
        all.some((c) => c.row.role === role),
        role,
      ).toBe(true);
    expect(all.length).toBeGreaterThan(5000);
  });

  it('no advice names a danger its risk does not, nor lets the user forward what is rated high', () => {
    const contradictions: string[] = [];
    for (const { label, row } of all)
      for (const rule of RULES) {
        if (!rule.words.test(row.recommendation) || rule.unless?.test(row.recommendation)) continue;
        if (rule.atLeast && rank(row.risk.level) < rank(rule.atLeast))
          contradictions.push(`${label}: risk ${row.risk.level} but "${row.recommendation}"`);
        if (rule.atMost && rank(row.risk.level) > rank(rule.atMost))
          contradictions.push(`${label}: risk ${row.risk.level} but "${row.recommendation}"`);
      }
    expect(contradictions.slice(0, 10)).toEqual([]);
  });

  it('every risk above none gives its reasons', () => {
    const silent = all.filter((c) => c.row.risk.level !== 'none' && c.row.risk.reasons.length === 0);
    expect(silent.slice(0, 5).map((c) => c.label)).toEqual([]);
  });

  it('an ONVIF row is ONVIF throughout: purpose, advice (never the web page’s), not needed outside', () => {
    const onvif = all.filter((c) => c.row.role === 'onvif');
    expect(onvif.length).toBeGreaterThan(0);
    for (const { label, row } of onvif) {
      expect(row.purpose, label).toMatch(/ONVIF/);
      expect(row.recommendation, label).toMatch(/ONVIF|nothing here recognises/);
      expect(row.recommendation, label).not.toMatch(/plain HTTP/);
      expect(row.neededOutside, label).toBe('no');
      expect(rank(row.risk.level), label).toBeGreaterThanOrEqual(rank('medium'));
    }
  });

  it('a web page row speaks of the web page; one ONVIF shares says so', () => {
    for (const { label, row } of all.filter(
      (c) => (c.row.role === 'http' || c.row.role === 'https') && c.row.service !== 'unknown',
    )) {
      expect(row.recommendation, label).toMatch(/HTTP|web page|web server|risks listed/);
      if (row.identifiedBy?.startsWith('ONVIF here too')) expect(row.purpose, label).toMatch(/ONVIF/);
    }
  });

  it('a video row speaks of the stream; a vendor row of the vendor’s apps', () => {
    for (const { label, row } of all.filter((c) => c.row.service === 'rtsp'))
      expect(row.recommendation, label).toMatch(/stream|RTSP|video/);
    for (const { label, row } of all.filter((c) => c.row.service === 'sdk'))
      expect(row.recommendation, label).toMatch(/vendor|hidden service/);
  });
});
