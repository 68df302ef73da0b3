import type { SetupRecord } from '../../../../src/shared/domain/setup';
import type { judgeVerify, VERIFY_CHECKS, VerifyMeasurements } from '../../../../src/shared/domain/verify';
import { portRow } from '../../../support/port-row';
import { fullRecord } from './checklist-fixture';

// The Verify step's tests: the checklist's whole recorded setup as saved, and fresh measurements that find exactly it.

export const AT = '2026-04-01T08:00:00.000Z';
export const MAC = '44:19:b6:00:00:01';

/** The checklist's whole recorded setup, with the chosen NVR where the Static IP step moved it (192.168.1.20). */
export function saved(): SetupRecord {
  const r = fullRecord();
  r.nvr!.device.addresses = ['192.168.1.20'];
  return r;
}

/** Fresh measurements that find exactly what the record saved. */
export function same(r: SetupRecord): VerifyMeasurements {
  const report = structuredClone(r.ports[r.nvr!.deviceId]!.report!);
  return {
    at: AT,
    nvr: { ok: true, value: { reached: true, mac: MAC, report } },
    upnp: { ok: true, value: structuredClone(r.upnp.audit!) },
    public: { ok: true, value: structuredClone(r.internet.check!) },
    ddns: { ok: true, value: structuredClone(r.ddns.check!) },
    proof: { ok: true, value: structuredClone(r.internet.proof!) },
  };
}

export const OTHER_MAC = '00:11:22:33:44:55';

/**
 * Fresh measurements where things drifted: another MAC at the NVR's address, its HTTPS port closed, a new public
 * address; the proof from outside not asked (cancelled).
 */
export function drifted(r: SetupRecord): VerifyMeasurements {
  const m = same(r);
  if (m.nvr?.ok) {
    m.nvr.value.mac = OTHER_MAC;
    m.nvr.value.report!.rows[0] = portRow(8443, 'https', { state: 'closed', service: 'https' });
  }
  if (m.public?.ok) m.public.value.publicAddress = '203.0.113.99';
  return { ...m, proof: null };
}

export const check = (result: ReturnType<typeof judgeVerify>, id: (typeof VERIFY_CHECKS)[number]) =>
  result.checks.find((c) => c.check === id)!;
