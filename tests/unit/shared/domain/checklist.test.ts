import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CHECKLIST_FORMAT,
  CHECKLIST_SCHEMA_VERSION,
  buildChecklist,
  checklistSchema,
} from '../../../../src/shared/domain/checklist';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { STEPS } from '../../../../src/shared/domain/steps';
import { NVR_NAME, SECRETS, VERIFIED, fullRecord } from './checklist-fixture';

const meta = { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '9.9.9' };

describe('the checklist of a whole setup', () => {
  const c = buildChecklist(fullRecord(), meta);

  it('names the date, the app version and its own format and version', () => {
    expect(c).toMatchObject({
      format: CHECKLIST_FORMAT,
      schemaVersion: CHECKLIST_SCHEMA_VERSION,
      madeAt: meta.madeAt,
      appVersion: '9.9.9',
      recordUpdatedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(checklistSchema.parse(c)).toEqual(c);
  });

  it('shows the NVR with its brand, model, firmware, MAC and the static address the app set and verified', () => {
    expect(c.nvr).toEqual({
      chosen: true,
      name: NVR_NAME,
      brand: 'Hikvision',
      model: 'DS-7608NI-K2',
      firmware: 'V4.30.085 build 200916',
      mac: '44:19:b6:00:00:01',
      address: '192.168.1.20',
      addressKind: 'static',
      addressBasis: expect.stringMatching(/verified/),
      said: expect.objectContaining({ key: 'checklist.said.basis.setByApp' }),
    });
  });

  it('lists every wizard step in order with its status, when it was verified and its reason', () => {
    expect(c.steps.map((s) => s.id)).toEqual(STEPS.map((s) => s.id));
    const byId = Object.fromEntries(c.steps.map((s) => [s.id, s]));
    expect(byId.ports).toMatchObject({ status: 'verified', verifiedAt: '2026-03-01T10:00:00.000Z' });
    expect(byId.upnp).toMatchObject({
      status: 'attention',
      verifiedAt: null,
      reason: expect.stringMatching(/came back/),
    });
    // A step the record has no status for (this record never ran Verify) is listed as not started, never hidden.
    expect(byId.verify).toMatchObject({ status: 'not-started', verifiedAt: null });
  });

  it('carries the ports open now and the change before → after, the forward rules, UPnP, DDNS and the proof', () => {
    expect(c.ports.open.map((p) => `${p.port}:${p.service}:${p.risk}`)).toEqual([
      '8443:https:low',
      '8000:sdk:medium',
      '23:telnet:high',
    ]);
    expect(c.ports.lastChange?.changes).toEqual([{ role: 'https', from: 443, to: 8443, verified: true }]);
    expect(c.forwardRules?.rules.map((r) => [r.externalPort, r.internalAddress, r.portCount, r.sources])).toEqual([
      [8443, '192.168.1.20', 1, []],
      [8000, '192.168.1.20', 1, ['198.51.100.0/24']],
    ]);
    expect(c.upnp).toMatchObject({ igd: true, natPmp: false, deleted: 0, recheck: null });
    expect(c.upnp?.mappings).toEqual([
      {
        protocol: 'TCP',
        externalPort: 8000,
        internalClient: '192.168.1.20',
        internalPort: 8000,
        device: NVR_NAME,
        camera: true,
      },
    ]);
    expect(c.ddns.names).toEqual([
      {
        host: 'shop-nvr.duckdns.org',
        provider: 'duckdns',
        address: '203.0.113.7',
        successAt: '2026-03-01T10:00:00.000Z',
        outcome: 'updated',
      },
    ]);
    expect(c.ddns.check).toMatchObject({ verdict: 'ok' });
    expect(c.internet.publicAddress).toMatchObject({ address: '203.0.113.7', verdict: 'public-on-router' });
    expect(c.internet.outsideProof?.verdict).toBe('proven');
    expect(c.internet.outsideProof?.rows.map((r) => [r.port, r.kind, r.ok])).toEqual([
      [8443, 'planned', true],
      [23, 'forbidden', true],
    ]);
  });

  it('lists as to do every step the chosen way needs that is not verified, with its reason; one it does not need (the VPN, for port forwarding) is skipped with why, not to do', () => {
    const notVerified = c.steps.filter((s) => s.status !== 'verified').map((s) => s.id);
    const verified: readonly string[] = VERIFIED;
    expect(notVerified).toEqual(STEPS.map((s) => s.id).filter((id) => !verified.includes(id)));
    expect(c.todo.map((t) => t.step)).toEqual(notVerified.filter((id) => id !== 'vpn'));
    expect(c.todo.map((t) => t.step)).toEqual(expect.arrayContaining(['security', 'upnp', 'verify', 'checklist']));
    expect(c.steps.find((s) => s.id === 'vpn')).toMatchObject({
      status: 'skipped',
      reason:
        'You chose to forward ports instead. A VPN is still the safer way: the NVR stays invisible to the internet.',
    });
    expect(c.todo.find((t) => t.step === 'upnp')?.reason).toBe(
      'Needs attention. A mapping to the NVR came back after deletion.',
    );
  });

  it('holds none of the test secrets planted in device notes, URLs, DDNS answers, UPnP descriptions and evidence', () => {
    const json = JSON.stringify(c);
    const record = JSON.stringify(fullRecord());
    for (const secret of SECRETS) {
      expect(record).toContain(secret);
      expect(json).not.toContain(secret);
    }
  });
});

describe('the checklist of a setup not started or half done', () => {
  it('an empty record: every step to do, nothing measured, no NVR — and no throw', () => {
    const c = buildChecklist(emptySetupRecord('2026-03-01T00:00:00.000Z'), meta);
    expect(c.nvr).toMatchObject({ chosen: false, addressKind: 'unknown', address: null });
    expect(c.todo.map((t) => t.step)).toEqual(STEPS.map((s) => s.id));
    expect(c.todo.find((t) => t.step === 'ports')?.reason).toBe('Not done yet.');
    expect(c.ports).toEqual({ measuredAt: null, address: null, open: [], lastChange: null });
    expect(c).toMatchObject({ forwardRules: null, upnp: null, ddns: { names: [], check: null } });
    expect(c.internet).toEqual({ publicAddress: null, outsideProof: null });
  });

  it('a half record (NVR found, ports measured, the rest not done) lists the rest as to do', () => {
    const full = fullRecord();
    const half = emptySetupRecord(full.createdAt);
    half.nvr = full.nvr;
    half.ports = full.ports;
    half.steps = {
      find: full.steps.find!,
      ports: full.steps.ports!,
      ddns: { status: 'skipped', updatedAt: full.updatedAt, reason: 'No DDNS: a fixed address.' },
    };
    const c = buildChecklist(half, meta);
    expect(c.nvr).toMatchObject({ chosen: true, address: '192.168.1.64', addressKind: 'unknown' });
    expect(c.ports.open).toHaveLength(3);
    expect(c.todo.map((t) => t.step)).toEqual(STEPS.map((s) => s.id).filter((id) => id !== 'find' && id !== 'ports'));
    expect(c.todo.find((t) => t.step === 'ddns')).toMatchObject({
      status: 'skipped',
      reason: 'Skipped. No DDNS: a fixed address.',
    });
  });

  it('a record from an older version or malformed (slices missing, wrong types) gives "not done yet", never a throw', () => {
    for (const record of [
      null,
      'text',
      {},
      {
        schemaVersion: 1,
        steps: { ports: { status: 'bogus' } },
        nvr: { deviceId: 7 },
        upnp: [],
        internet: { proof: 'x' },
      },
      {
        steps: null,
        nvr: { deviceId: 'a', device: { id: 'a', addresses: 'x' } },
        ports: { a: { report: { rows: 5 } } },
      },
    ]) {
      const c = buildChecklist(record, meta);
      expect(c.todo).toHaveLength(STEPS.length);
      expect(checklistSchema.safeParse(c).success).toBe(true);
    }
  });
});

describe('the checklist schema', () => {
  it('is documented as JSON Schema, with its format and version fixed', () => {
    const schema = z.toJSONSchema(checklistSchema) as { properties: Record<string, { const?: unknown }> };
    expect(schema.properties.format?.const).toBe(CHECKLIST_FORMAT);
    expect(schema.properties.schemaVersion?.const).toBe(CHECKLIST_SCHEMA_VERSION);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['nvr', 'steps', 'ports', 'forwardRules', 'upnp', 'ddns', 'internet', 'vpn', 'todo']),
    );
  });
});

describe('the checklist of a VPN plan', () => {
  const SERVER_KEY = 'r1KvtxW7l6WAsIfJFOSNyedPMOT90TDluH8KyJ2kFBg=';
  const PHONE_KEY = '0lgajKycAESCIMhIOCQoSt/gTRnsVvqa5TSilQLfHnc=';
  // Planted where a careless copy would take it: a private key never belongs in the record, nor in the checklist.
  const PLANTED = 'cGxhbnRlZC1wcml2YXRlLWtleS1uZXZlci1jb3BpZWQ=';
  const withPlan = () => {
    const record = emptySetupRecord('2026-03-01T00:00:00.000Z') as unknown as Record<string, unknown>;
    record.vpn = {
      request: { server: 'linux', peers: ['phone'], endpoint: null, tunnel: null, serverLanAddress: null },
      plan: {
        mode: 'wireguard',
        server: 'linux',
        serverName: 'A Linux computer on the LAN (wg-quick)',
        lan: '192.168.50.0/24',
        tunnel: '10.8.0.0/24',
        serverAddress: '10.8.0.1/24',
        listenPort: 51820,
        endpoint: { host: '203.0.113.2', kind: 'address' },
        serverPublicKey: SERVER_KEY,
        serverPrivateKey: PLANTED,
        peers: [{ name: 'phone', address: '10.8.0.2/32', publicKey: PHONE_KEY, privateKey: PLANTED }],
        forward: { protocol: 'udp', port: 51820, to: '192.168.50.10' },
        madeAt: '2026-03-01T09:00:00.000Z',
      },
    };
    return record;
  };

  it('lists the server and each device by its public key, with the tunnel, the endpoint and the one forward', () => {
    const c = buildChecklist(withPlan(), meta);
    expect(c.vpn).toEqual({
      madeAt: '2026-03-01T09:00:00.000Z',
      mode: 'wireguard',
      server: 'A Linux computer on the LAN (wg-quick)',
      tunnel: '10.8.0.0/24',
      endpoint: '203.0.113.2:51820',
      forward: { protocol: 'udp', port: 51820, to: '192.168.50.10' },
      serverPublicKey: SERVER_KEY,
      peers: [{ name: 'phone', address: '10.8.0.2/32', publicKey: PHONE_KEY }],
    });
    expect(checklistSchema.parse(c)).toEqual(c);
  });

  it('copies no private key planted in the plan, and says null without a plan', () => {
    expect(JSON.stringify(buildChecklist(withPlan(), meta))).not.toContain(PLANTED);
    expect(buildChecklist(emptySetupRecord('2026-03-01T00:00:00.000Z'), meta).vpn).toBeNull();
  });
});
