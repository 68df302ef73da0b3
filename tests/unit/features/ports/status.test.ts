// The Ports step's status. What the user would lose: a step still verified after the web or video port went back to
// its factory number (the one scanners try first), a change judged for another device than the chosen NVR, or a
// failed change shown as done.
import { describe, expect, it } from 'vitest';
import { judgePorts, portsSummary } from '../../../../src/main/features/ports/status';
import type { PortApplyResult, PortReport, PortRow } from '../../../../src/shared/domain/ports';
import { portRow } from '../../../support/port-row';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
const ID = 'mac:44:19:b6:00:00:01';
const report = (rows: PortRow[]): PortReport => ({ ...structuredClone(fullRecord().ports[ID]!.report!), rows });
const notDefault = { isDefault: false };
const applied = (outcome: PortApplyResult['outcome'], message = 'Moved.'): PortApplyResult => ({
  ...structuredClone(fullRecord().ports[ID]!.lastChange!),
  outcome,
  message,
});

describe('portsSummary', () => {
  it('counts the open ports, those on factory numbers and the high-risk ones; closed ports are not counted', () => {
    const r = report([
      portRow(80, 'http'),
      portRow(23, null, { ...notDefault, risk: { level: 'high', reasons: [] } }),
      portRow(8443, 'https', notDefault),
      portRow(554, 'rtsp', { state: 'closed', risk: { level: 'high', reasons: [] } }),
    ]);
    expect(portsSummary(r)).toBe('3 open port(s), 1 on factory numbers, 1 high-risk. Plan new ports below.');
  });

  it('says only the count when none is on a factory number or high-risk', () => {
    expect(portsSummary(report([portRow(8443, 'https', notDefault)]))).toBe('1 open port(s). Plan new ports below.');
  });
});

describe('judgePorts after a measurement', () => {
  it('a verified step goes back to working when the web or video port is open on its factory number', () => {
    for (const role of ['http', 'https', 'rtsp'] as const) {
      const r = fullRecord();
      judgePorts(r, ID, { kind: 'measured', report: report([portRow(80, role)]) }, AT);
      expect(r.steps.ports).toEqual({
        status: 'working',
        updatedAt: NOW,
        reason: '1 open port(s), 1 on factory numbers. Plan new ports below.',
        reasonSaid: { key: 'wizard.reasons.ports.summaryDefaults', params: { open: '1', defaults: '1' } },
      });
    }
  });

  it('stays verified when only other ports are on factory numbers, or the factory port is closed', () => {
    const r = fullRecord();
    judgePorts(
      r,
      ID,
      {
        kind: 'measured',
        report: report([
          portRow(8000, 'sdk'),
          portRow(554, 'rtsp', { state: 'closed' }),
          portRow(8443, 'https', notDefault),
        ]),
      },
      AT,
    );
    expect(r.steps.ports).toEqual({ status: 'verified', updatedAt: NOW });
  });

  it('a measurement alone never verifies a step that was not verified', () => {
    const r = fullRecord();
    r.steps.ports = { status: 'working', updatedAt: 'x', reason: 'r' };
    judgePorts(r, ID, { kind: 'measured', report: report([portRow(8443, 'https', notDefault)]) }, AT);
    expect(r.steps.ports).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: '1 open port(s). Plan new ports below.',
      reasonSaid: { key: 'wizard.reasons.ports.summary', params: { open: '1' } },
    });
  });

  it('another device’s measurement leaves the chosen NVR’s step alone; with no NVR chosen it is judged', () => {
    const r = fullRecord();
    const before = structuredClone(r.steps.ports);
    judgePorts(r, 'other', { kind: 'measured', report: report([portRow(80, 'http')]) }, AT);
    expect(r.steps.ports).toEqual(before);
    r.nvr = null;
    judgePorts(r, 'other', { kind: 'measured', report: report([portRow(80, 'http')]) }, AT);
    expect(r.steps.ports?.status).toBe('working');
  });
});

describe('judgePorts after a change', () => {
  it('a verified change that leaves no factory web or video port verifies the step', () => {
    const r = fullRecord();
    r.steps.ports = { status: 'working', updatedAt: 'x', reason: 'r' };
    judgePorts(r, ID, { kind: 'changed', result: applied('verified'), brand: 'Hikvision', protocols: null }, AT);
    expect(r.steps.ports).toEqual({ status: 'verified', updatedAt: NOW });
  });

  it('a change that was not verified is attention with its message', () => {
    const r = fullRecord();
    judgePorts(
      r,
      ID,
      {
        kind: 'changed',
        result: applied('restored', 'Put back: HTTPS did not answer on 8443.'),
        brand: 'Hikvision',
        protocols: null,
      },
      AT,
    );
    expect(r.steps.ports).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Put back: HTTPS did not answer on 8443.',
    });
  });

  it('a verified change that leaves RTSP on its factory port (the device’s own list) is attention naming it', () => {
    const r = fullRecord();
    judgePorts(
      r,
      ID,
      {
        kind: 'changed',
        result: applied('verified'),
        brand: 'Hikvision',
        protocols: [{ name: 'RTSP', enabled: true, ports: [554] }],
      },
      AT,
    );
    expect(r.steps.ports?.status).toBe('attention');
    expect(r.steps.ports?.reason).toContain('factory ports remain');
    expect(r.steps.ports?.reason).toContain('554');
  });

  it('judges against the saved report of the device: a factory web port in it keeps the step at attention', () => {
    const r = fullRecord();
    r.ports[ID]!.report!.rows = [portRow(80, 'http')];
    r.ports[ID]!.lastChange = null;
    judgePorts(
      r,
      ID,
      { kind: 'changed', result: { ...applied('verified'), changes: [] }, brand: 'Hikvision', protocols: null },
      AT,
    );
    expect(r.steps.ports?.status).toBe('attention');
    expect(r.steps.ports?.reason).toContain('80');
  });
});

describe('judgePorts on a record with nothing saved yet', () => {
  it('a first measurement (no status yet) is working; a change for a device without a saved report is judged', () => {
    const r = fullRecord();
    delete r.steps.ports;
    judgePorts(r, ID, { kind: 'measured', report: report([portRow(8443, 'https', notDefault)]) }, AT);
    expect(r.steps.ports).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: '1 open port(s). Plan new ports below.',
      reasonSaid: { key: 'wizard.reasons.ports.summary', params: { open: '1' } },
    });
    const c = fullRecord();
    c.ports = {};
    judgePorts(c, ID, { kind: 'changed', result: applied('verified'), brand: 'Hikvision', protocols: null }, AT);
    expect(c.steps.ports).toEqual({ status: 'verified', updatedAt: NOW });
  });
});
