import { describe, expect, it } from 'vitest';
import { type UpnpAudit, type UpnpMapping } from '../../../../src/shared/domain/upnp';
import { judgeUpnp } from '../../../../src/shared/domain/upnp-findings';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import {
  parseMappingList,
  renderUpnpAudit,
  renderUpnpDelete,
  upnpOffSteps,
} from '../../../../src/main/features/upnp/cli';
import { deletionWords } from '../../../../src/main/services/upnp/igd-control';
import { upnpErrorSaid } from '../../../../src/shared/catalog/upnp-errors';
import { ROUTER_UPNP_OFF, upnpOffText } from '../../../../src/shared/catalog/upnp-off';
import { said } from '../../../../src/shared/i18n/said';
import { judgeUpnpStep } from '../../../../src/main/features/upnp/status';
import { runCli, type CliCore } from '../../../../src/main/cli/run';
import { createTranslator } from '../../../../src/shared/i18n';

const mapping = (over: Partial<UpnpMapping> = {}): UpnpMapping => ({
  protocol: 'TCP',
  externalPort: 8000,
  internalClient: '192.168.1.64',
  internalPort: 8000,
  remoteHost: '',
  enabled: true,
  description: 'Hikvision SDK',
  leaseSeconds: 0,
  device: { id: 'dev-1', name: 'DS-7608NI-K2', brand: 'Hikvision' },
  camera: true,
  service: 'App/SDK port',
  ...over,
});

function audit(over: Partial<Omit<UpnpAudit, 'findings'>> = {}): UpnpAudit {
  const base = {
    measuredAt: '2026-12-05T10:00:00.000Z',
    interfaceName: 'eth0',
    gateway: '192.168.1.1',
    igd: {
      location: 'http://192.168.1.1:5000/rootDesc.xml',
      controlUrl: 'http://192.168.1.1:5000/ctl/IPConn',
      serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:2',
      igdVersion: 2 as const,
      friendlyName: 'Home Router',
      manufacturer: 'Acme',
      modelName: 'R1',
      externalAddress: '203.0.113.2',
      connectionStatus: 'Connected',
    },
    mappings: [mapping()],
    listEnd: 'complete' as const,
    natPmp: { present: false, externalAddress: null },
    elsewhere: [],
    ...over,
  };
  return { ...base, findings: judgeUpnp({ ...base, igdProblem: null }) };
}

describe('nvr-assist upnp --delete: what the user types', () => {
  it('takes ports with their protocol, in either case, and nothing else', () => {
    expect(parseMappingList('8000/tcp, 554/TCP,53/udp')).toEqual([
      { protocol: 'TCP', externalPort: 8000 },
      { protocol: 'TCP', externalPort: 554 },
      { protocol: 'UDP', externalPort: 53 },
    ]);
    for (const bad of ['8000', '8000/sctp', '0/tcp', '65536/tcp', 'tcp/8000', '', '80/tcp,,81/tcp'])
      expect(parseMappingList(bad), bad).toBeNull();
    expect(parseMappingList(Array.from({ length: 33 }, (_, i) => `${i + 1}/tcp`).join(','))).toBeNull();
    expect(parseMappingList(Array.from({ length: 32 }, (_, i) => `${i + 1}/tcp`).join(','))).toHaveLength(32);
  });

  it('a malformed --delete or a device word is a usage error (exit 2): nothing is asked of the router', async () => {
    const calls: string[] = [];
    const core: CliCore = {
      dispatch: async (channel) => {
        calls.push(String(channel));
        return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
      },
      hub: { subscribe: () => () => undefined },
    };
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t) };
    expect(await runCli(['upnp', '--delete', '8000'], core, io, '1')).toBe(2);
    expect(stderr).toContain('--delete takes external ports with their protocol');
    expect(await runCli(['upnp', '192.168.1.64'], core, io, '1')).toBe(2);
    expect(calls).toEqual([]);
  });
});

describe('nvr-assist upnp: what the user reads', () => {
  it('the router line, the mapping table with the camera marked, the problem first and the delete command', () => {
    const text = renderUpnpAudit(audit());
    expect(text).toContain('Router 192.168.1.1: UPnP on — Acme R1 (IGD:2, WANIPConnection:2)');
    expect(text).toContain('External address: 203.0.113.2 (Connected)');
    expect(text).toContain('NAT-PMP: no answer');
    expect(text).toMatch(/TCP\s+8000\s+192\.168\.1\.64:8000\s+! DS-7608NI-K2\s+App\/SDK port\s+never\s+Hikvision SDK/);
    expect(text.indexOf('Problem: ')).toBeLessThan(text.indexOf('Warning: '));
    expect(text).toContain('Delete them with: nvr-assist upnp --delete 8000/tcp');
  });

  it('in the terminal’s language: main’s findings said by key (en-XA), values as they came, not main’s English', () => {
    const xa = createTranslator('en-XA');
    const a = audit({
      mappings: [mapping(), mapping({ externalPort: 3074, internalPort: 3074, camera: false, device: null })],
      listEnd: 'limit',
      listNote: 'the router took too long to list its mappings',
    });
    const text = renderUpnpAudit(a, xa.t);
    expect(text).toContain(xa.t('upnp.findings.cameraMappedOne', { names: 'DS-7608NI-K2' }));
    expect(text).toContain(xa.t('upnp.findings.upnpOnNamed', { gateway: '192.168.1.1', name: 'Home Router' }));
    expect(text).toContain(
      xa.t('upnp.findings.listIncompleteNote', { note: 'the router took too long to list its mappings' }),
    );
    expect(text).toContain(xa.t('upnp.findings.otherMapped', { count: 1 }));
    for (const f of a.findings) expect(text).not.toContain(f.text);
    const off = renderUpnpAudit(audit({ igd: null, mappings: [] }), xa.t);
    expect(off).toContain(xa.t('upnp.findings.upnpOff', { gateway: '192.168.1.1' }));
    expect(off).not.toContain('No UPnP gateway and no NAT-PMP answer');
  });

  it('in the terminal’s language: the mapped port’s name said by key (en-XA), the product as it came', () => {
    const xa = createTranslator('en-XA');
    const role = { key: 'ports.role.sdk' };
    const a = audit({
      mappings: [
        mapping({ serviceSaid: role }),
        mapping({
          externalPort: 8443,
          internalPort: 8443,
          service: 'App/SDK port (Boa)',
          serviceSaid: { key: 'ports.said.purpose.roleProduct', params: { role, product: 'Boa' } },
        }),
      ],
    });
    const text = renderUpnpAudit(a, xa.t);
    expect(text).toContain(xa.t('ports.role.sdk'));
    expect(text).toContain(xa.t('ports.said.purpose.roleProduct', { role: xa.t('ports.role.sdk'), product: 'Boa' }));
    expect(text).not.toContain('App/SDK port');
    // In English, main's words as before.
    expect(renderUpnpAudit(a, createTranslator('en').t)).toContain('App/SDK port (Boa)');
  });

  it('in the terminal’s language: what the router did with each deletion, said by key (en-XA)', () => {
    const xa = createTranslator('en-XA');
    const refused = { accepted: false, errorCode: 606, ...deletionWords(upnpErrorSaid(606)) };
    const slow = {
      accepted: false,
      errorCode: null,
      ...deletionWords(said('upnp.deletionSaid.noAnswer', { error: 'timeout' })),
    };
    const text = renderUpnpDelete(
      {
        deletions: [
          { protocol: 'TCP', externalPort: 8000, gone: false, ...refused },
          { protocol: 'TCP', externalPort: 554, gone: false, ...slow },
        ],
        audit: audit(),
      },
      xa.t,
    );
    expect(text).toContain(
      xa.t('upnp.upnpError.known', {
        words: xa.t('upnp.upnpError.notAuthorized'),
        code: '606',
        name: 'Action not authorized',
      }),
    );
    expect(text).toContain(xa.t('upnp.deletionSaid.noAnswer', { error: 'timeout' }));
    expect(text).not.toContain(refused.message);
    expect(text).not.toContain(slow.message);
  });

  it('a router without UPnP: no table, no delete line, no “turn it off” list, the all-clear', () => {
    const text = renderUpnpAudit(audit({ igd: null, mappings: [] }));
    expect(text).toContain('Router 192.168.1.1: no UPnP gateway answered.');
    expect(text).not.toContain('PROTO');
    expect(text).not.toContain('Delete them with');
    expect(text).not.toContain('Turn UPnP');
    expect(text).toContain('OK: No UPnP gateway and no NAT-PMP answer');
  });

  it('where to turn UPnP off: each mapped recorder’s brand once, the general advice last, then the routers', () => {
    const a = audit({
      mappings: [
        mapping(),
        mapping({ externalPort: 554, internalPort: 554 }),
        mapping({ externalPort: 37777, internalPort: 37777, device: { id: 'd2', name: 'NVR4108', brand: 'Dahua' } }),
        mapping({ externalPort: 9000, internalPort: 9000, device: { id: 'd3', name: 'RLN8', brand: 'Reolink' } }),
        mapping({ externalPort: 3074, internalPort: 3074, camera: false, device: null }),
      ],
    });
    const lines = upnpOffSteps(a);
    const nvr = lines.slice(
      1,
      lines.findIndex((l) => l.startsWith('Turn UPnP (and NAT-PMP) off on the router')),
    );
    expect(nvr.map((l) => l.split(':')[0]!.trim())).toEqual([
      'Hikvision',
      'Dahua (and Amcrest, Lorex OEM)',
      'Any other brand',
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}MikroTik RouterOS: \/ip upnp set enabled=no/));
    // Unconfirmed paths are never stated as fact.
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}ASUS \/ Asuswrt-Merlin: look for /));
  });

  it('where to turn UPnP off in the terminal’s language (en-XA): the paths and notes said by key, names and commands as they are', () => {
    const xa = createTranslator('en-XA');
    const a = audit({ mappings: [mapping()] });
    const lines = upnpOffSteps(a, xa.t);
    const english = upnpOffSteps(a);
    expect(lines).toHaveLength(english.length);
    expect(lines).toContain(`  ${upnpOffText(ROUTER_UPNP_OFF[0]!, xa.t)}`);
    const mikrotik = lines.find((l) => l.startsWith('  [MikroTik RouterOS: '))!;
    expect(mikrotik).toContain('/ip upnp set enabled=no');
    expect(mikrotik).toContain(xa.t('upnp.turnOff.paths.mikrotik.note'));
    const asus = lines.find((l) => l.startsWith('  [ASUS / Asuswrt-Merlin: '))!;
    expect(asus).toContain(xa.t('upnp.turnOff.lookFor', { path: xa.t('upnp.turnOff.paths.asus.path') }));
    for (const line of english.filter((l) => l.startsWith('  '))) expect(lines).not.toContain(line);
    expect(lines.join('\n')).not.toMatch(/look for|ships UPnP on|Off by default/);
  });
});

describe('the UPnP step’s status', () => {
  const at = new Date('2026-12-05T10:00:00Z');
  const status = (a: UpnpAudit) => {
    const draft = emptySetupRecord(at.toISOString());
    judgeUpnpStep(draft, a, at);
    return draft.steps.upnp;
  };

  it('a camera mapped: attention, with how many', () => {
    expect(status(audit())).toEqual({
      status: 'attention',
      updatedAt: at.toISOString(),
      reason: '1 UPnP mapping opens a camera or the NVR to the internet.',
      reasonSaid: { key: 'wizard.reasons.upnp.cameras', params: { count: 1 } },
    });
  });

  it('UPnP on without a camera mapping: working (nothing exposed now, but it could be)', () => {
    expect(status(audit({ mappings: [] }))?.status).toBe('working');
    expect(
      status(audit({ igd: null, mappings: [], natPmp: { present: true, externalAddress: null } }))?.reason,
    ).toContain('NAT-PMP is on');
  });

  it('verified only when neither UPnP nor NAT-PMP answers; a list read in part or no router is attention', () => {
    expect(status(audit({ igd: null, mappings: [] }))?.status).toBe('verified');
    expect(status(audit({ mappings: [], listEnd: 'refused' }))?.status).toBe('attention');
    expect(status(audit({ gateway: null, igd: null, mappings: [] }))?.status).toBe('attention');
  });
});
