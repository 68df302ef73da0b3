import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { judgeDdnsCheck } from '../../../../src/shared/domain/ddns-check';
import { planForwards } from '../../../../src/shared/domain/forward-plan';
import { judgePublicAddress } from '../../../../src/shared/domain/public-address';
import { judgeSecurity, securityInputFromRecord } from '../../../../src/shared/domain/security';
import { emptySetupRecord, setupRecordSchema, type SetupRecord } from '../../../../src/shared/domain/setup';
import { stepState } from '../../../../src/shared/domain/step-state';
import { judgeUpnp } from '../../../../src/shared/domain/upnp-findings';
import { saidInEnglish } from '../../../../src/shared/i18n/english';
import { said } from '../../../../src/shared/i18n/said';
import { portRow } from '../../../support/port-row';

// A whole recorded setup for the checklist's tests: every step's slice filled as the app writes it (parsed by the
// record's own schema), with known test secrets put wherever a careless copy of the record would pick them up.

/** Test secrets: none may appear in any export of the checklist. */
export const SECRETS = ['S3cret-Pa55-7f1c', 'tok_9f8e7d6c5b4a3210', 'KEY-ab12cd34ef56'] as const;
const [PASSWORD, TOKEN, KEY] = SECRETS;

/** The NVR's name: Latin with accents, a dash and Japanese, as the PDF must show it. */
export const NVR_NAME = 'Büro Überwachung — 監視';
const T = '2026-03-01T10:00:00.000Z';
const ID = 'mac:44:19:b6:00:00:01';

const device: DiscoveredDevice = {
  id: ID,
  addresses: ['192.168.1.64'],
  mac: '44:19:b6:00:00:01',
  brand: 'Hikvision',
  brandSource: 'sadp',
  model: 'DS-7608NI-K2',
  name: NVR_NAME,
  firmware: 'V4.30.085 build 200916',
  serial: `DS-7608-${KEY}`,
  sources: ['onvif', 'sadp'],
  onvifUrl: `http://admin:${PASSWORD}@192.168.1.64/onvif/device_service`,
  endpoint: `urn:uuid:${KEY}`,
  ports: { http: 80, sdk: 8000 },
  dhcp: false,
  activated: true,
  upnp: true,
  notes: [`password is ${PASSWORD}`],
  interfaceName: 'eth0',
  lastSeenAt: T,
};

/** The steps the full record has verified. */
export const VERIFIED = ['network', 'find', 'static-ip', 'ports', 'internet', 'ddns', 'rules'] as const;

/**
 * Every step verified except UPnP (attention) and the planned ones, the Security step's last check kept (score 35);
 * secrets planted around.
 */
export function fullRecord(): SetupRecord {
  const r = emptySetupRecord('2026-03-01T09:00:00.000Z');
  r.updatedAt = T;
  r.approach = 'port-forwarding';
  r.interfaceName = 'eth0';
  r.devices = [device, { ...device, id: 'other', name: `camera ${TOKEN}`, addresses: ['192.168.1.65'] }];
  r.nvr = { deviceId: ID, device, chosenAt: T };
  for (const id of VERIFIED) r.steps[id] = { status: 'verified', updatedAt: T };
  r.steps.upnp = { status: 'attention', updatedAt: T, reason: 'A mapping to the NVR came back after deletion.' };
  const settings = { dhcp: false, address: '192.168.1.20', prefix: 24, gateway: '192.168.1.1', dns: ['192.168.1.1'] };
  r.staticIp[ID] = {
    reading: {
      deviceId: ID,
      at: T,
      settings: { ...settings, source: 'onvif' },
      loggedIn: true,
      mac: '44:19:b6:00:00:01',
      lan: { interfaceName: 'eth0', address: '192.168.1.10', prefix: 24, gateway: '192.168.1.1' },
      pool: { first: '192.168.1.100', last: '192.168.1.199', source: 'user', basis: 'typed' },
      findings: [{ code: 'static-ok', severity: 'ok', text: 'Static outside the pool.', evidence: [PASSWORD] }],
      proposal: null,
      reservation: null,
    },
    userPool: '192.168.1.100-192.168.1.199',
    lastChange: {
      deviceId: ID,
      outcome: 'verified',
      message: 'The NVR answers at 192.168.1.20.',
      change: {
        from: { ...settings, dhcp: true, address: '192.168.1.64', source: 'onvif' },
        to: { address: '192.168.1.20', prefix: 24, gateway: '192.168.1.1', dns: ['192.168.1.1'] },
      },
      address: '192.168.1.20',
      mac: '44:19:b6:00:00:01',
      steps: [`logged in with ${PASSWORD}`],
      recheck: [],
      at: T,
    },
    pending: null,
    reservation: null,
  };
  r.ports[ID] = {
    report: {
      deviceId: ID,
      address: '192.168.1.20',
      measuredAt: T,
      full: false,
      rows: [
        portRow(8443, 'https', { service: 'https', evidence: [`Server: x ${TOKEN}`] }),
        portRow(8000, 'sdk', { service: 'sdk', risk: { level: 'medium', reasons: [] } }),
        portRow(23, null, { service: 'telnet', risk: { level: 'high', reasons: [] } }),
        portRow(554, 'rtsp', { state: 'closed', service: 'rtsp' }),
      ],
      declaredButClosed: [],
      undeclaredOpen: [23],
      onvifProtocols: null,
    },
    plan: null,
    lastChange: {
      deviceId: ID,
      outcome: 'verified',
      message: 'HTTPS moved from 443 to 8443 and answers there.',
      changes: [{ role: 'https', from: 443, to: 8443, verified: true, evidence: `TLS at 8443 ${TOKEN}` }],
      onvifUrl: `http://admin:${PASSWORD}@192.168.1.20/onvif/device_service`,
      at: T,
    },
    pending: null,
  };
  r.rules = {
    wants: { web: true, app: true, video: false },
    allow: [],
    plan: {
      deviceId: ID,
      address: '192.168.1.20',
      wants: { web: true, app: true, video: false },
      sources: [],
      rules: [
        {
          name: 'NVR HTTPS',
          role: 'https',
          protocol: 'tcp',
          externalPort: 8443,
          internalAddress: '192.168.1.20',
          internalPort: 8443,
          sources: [],
          why: 'The web page, encrypted.',
        },
        {
          name: 'NVR app',
          role: 'sdk',
          protocol: 'tcp',
          externalPort: 8000,
          internalAddress: '192.168.1.20',
          internalPort: 8000,
          sources: ['198.51.100.0/24'],
          why: 'The vendor app.',
        },
      ],
      notes: [{ code: 'any-source', severity: 'warning', text: 'HTTPS is open to any address.' }],
      madeAt: T,
    },
  };
  r.upnp = {
    audit: {
      measuredAt: T,
      interfaceName: 'eth0',
      gateway: '192.168.1.1',
      igd: {
        location: 'http://192.168.1.1:5000/rootDesc.xml',
        controlUrl: 'http://192.168.1.1:5000/ctl/IPConn',
        serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:1',
        igdVersion: 1,
        friendlyName: `router ${KEY}`,
        manufacturer: null,
        modelName: null,
        externalAddress: '203.0.113.7',
        connectionStatus: 'Connected',
      },
      mappings: [
        {
          protocol: 'TCP',
          externalPort: 8000,
          internalClient: '192.168.1.20',
          internalPort: 8000,
          remoteHost: '',
          enabled: true,
          description: `Hik ${TOKEN}`,
          leaseSeconds: 0,
          device: { id: ID, name: NVR_NAME, brand: 'Hikvision' },
          camera: true,
          service: 'sdk',
        },
      ],
      listEnd: 'complete',
      natPmp: { present: false, externalAddress: null },
      elsewhere: [],
      findings: [
        { code: 'camera-mapped', severity: 'problem', text: 'The NVR opened port 8000 itself.', evidence: [] },
      ],
    },
    deleted: null,
    recheckAfterS: null,
    recheck: null,
  };
  const input = {
    gateway: '192.168.1.1',
    router: { address: '203.0.113.7', source: 'igd' as const, readAt: T },
    stun: { server: '198.51.100.3:3478', address: '203.0.113.7', error: null },
    checker: { server: `https://checker.example/?key=${KEY}`, address: '203.0.113.7', error: null },
  };
  r.internet = {
    check: { measuredAt: T, ...input, ...judgePublicAddress(input), changed: null },
    history: [{ address: '203.0.113.7', firstSeen: T, lastSeen: T }],
    stun: null,
    checker: `https://checker.example/?key=${KEY}`,
    proof: {
      measuredAt: T,
      checker: `https://checker.example/?key=${KEY}`,
      target: '203.0.113.7',
      name: 'shop-nvr.duckdns.org',
      testedAddress: '203.0.113.7',
      rows: [
        {
          kind: 'planned',
          protocol: 'tcp',
          port: 8443,
          label: 'HTTPS web page',
          internal: { address: '192.168.1.20', port: 8443 },
          state: 'reachable',
          ok: true,
          verdict: 'reachable',
          cause: null,
          text: `fine ${TOKEN}`,
          evidence: `12 ms ${PASSWORD}`,
        },
        {
          kind: 'forbidden',
          protocol: 'tcp',
          port: 23,
          label: 'Telnet (plain-text login)',
          internal: null,
          state: 'closed',
          ok: true,
          verdict: 'not exposed',
          cause: null,
          text: '',
          evidence: 'refused',
        },
      ],
      hairpin: null,
      verdict: { code: 'proven', title: 'Reachable from outside.', advice: 'Nothing more to do.' },
      findings: [],
    },
  };
  r.ddns = {
    hosts: [
      {
        provider: 'duckdns',
        host: 'shop-nvr.duckdns.org',
        server: `https://www.duckdns.org/update?token=${TOKEN}`,
        user: PASSWORD,
        address: '203.0.113.7',
        successAt: T,
        answer: {
          outcome: 'updated',
          code: `OK ${TOKEN}`,
          words: `The provider took it (${KEY}).`,
          mayRetry: true,
          stop: false,
          retryAfterMinutes: null,
          address: '203.0.113.7',
        },
        answeredAt: T,
      },
    ],
    check: {
      host: 'shop-nvr.duckdns.org',
      expected: '203.0.113.7',
      expectedFrom: 'given',
      zone: 'duckdns.org',
      system: {
        server: 'system resolver',
        rcode: 'NOERROR',
        addresses: [{ address: '203.0.113.7', ttl: 60 }],
        error: null,
      },
      authoritative: {
        server: `ns ${KEY}`,
        rcode: 'NOERROR',
        addresses: [{ address: '203.0.113.7', ttl: 60 }],
        error: null,
      },
      verdict: 'ok',
      words: 'The name points to 203.0.113.7.',
      checkedAt: T,
    },
  };
  // The Security step's check of this setup, as the step keeps it; a finding's evidence (never in the checklist)
  // carries a secret, as a careless copy of a device's answer would.
  const security = judgeSecurity(securityInputFromRecord(r), T);
  security.findings[0]!.evidence.push(`login admin:${PASSWORD}`);
  r.security.last = security;
  return setupRecordSchema.parse(r);
}

/**
 * The full record as the steps write it now: main's words said by key beside their English wherever a step says them
 * so — UPnP's reason and findings, the forward plan's rules and notes, the DDNS check — each made by the step's own rule
 * (the Security check and the public address's verdict already are, in fullRecord).
 */
export function saidRecord(): SetupRecord {
  const r = fullRecord();
  r.steps.upnp = stepState('attention', T, saidInEnglish(said('wizard.reasons.upnp.unreadable')));
  // The rules put the router's and the zone server's names in their words: here plain names, not the planted secrets.
  const audit = r.upnp.audit!;
  audit.igd = { ...audit.igd!, friendlyName: 'router' };
  audit.findings = judgeUpnp({ ...audit, igdProblem: null });
  r.rules.plan = planForwards({
    deviceId: ID,
    address: '192.168.1.20',
    addressKept: true,
    rows: r.ports[ID]!.report!.rows,
    wants: r.rules.wants,
    sources: [],
    at: new Date(T),
  });
  const check = r.ddns.check!;
  check.authoritative.server = 'ns1.duckdns.org';
  r.ddns.check = { ...check, ...judgeDdnsCheck(check.host, check.expected, check.system, check.authoritative) };
  return setupRecordSchema.parse(r);
}
