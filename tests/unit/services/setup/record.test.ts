import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { emptySetup, migrate } from '../../../../src/main/services/setup/record';
import { RECORD_SLICES, setupRecordSchema } from '../../../../src/shared/domain/setup';
import type { RecordSlice } from '../../../../src/shared/steps/define';

const NOW = new Date('2026-12-05T10:00:00Z');
const frame = { schemaVersion: 3, createdAt: 'a', updatedAt: 'b', steps: {} };

describe('the setup record, versioned per step slice', () => {
  it('a fresh record holds every step slice, empty, at its current version', () => {
    const fresh = emptySetup(NOW);
    expect(setupRecordSchema.parse(fresh)).toEqual(fresh);
    for (const [id, slice] of Object.entries(RECORD_SLICES)) {
      expect(fresh.sliceVersions?.[id as keyof typeof RECORD_SLICES]).toBe(slice.version);
      for (const key of Object.keys(slice.shape)) expect(fresh).toHaveProperty(key);
    }
  });

  it('a v3 record written before slices had versions is at version 1 of each, and keeps its data', () => {
    const v3 = { ...frame, approach: 'vpn', interfaceName: 'eth0', network: null, devices: [], nvr: null, ports: {} };
    const upgraded = setupRecordSchema.parse(migrate(v3));
    expect(upgraded).toMatchObject({
      approach: 'vpn',
      interfaceName: 'eth0',
      sliceVersions: { network: 1, find: 1, ports: 1 },
    });
  });

  it('the v1 → v2 → v3 frame chain still runs before the slices', () => {
    const v1 = {
      schemaVersion: 1,
      createdAt: 'a',
      updatedAt: 'b',
      approach: 'vpn',
      interfaceName: null,
      network: null,
      steps: {},
    };
    expect(setupRecordSchema.parse(migrate(v1))).toMatchObject({ schemaVersion: 3, devices: [], nvr: null, ports: {} });
  });

  it('a slice from a newer app (a version or a step we do not know) is refused, so the file is kept', () => {
    const future = { ...emptySetup(NOW), sliceVersions: { network: 1, find: 1, ports: 99 } };
    expect(setupRecordSchema.safeParse(migrate(future)).success).toBe(false);
    const newStep = { ...emptySetup(NOW), sliceVersions: { network: 1, find: 1, ports: 1, someday: 1 } };
    expect(setupRecordSchema.safeParse(migrate(newStep)).success).toBe(false);
  });

  it('a step newer than the record starts empty, the rest is kept', () => {
    const withoutPorts: Record<string, unknown> = { ...emptySetup(NOW), approach: 'vpn' };
    delete withoutPorts.ports;
    delete (withoutPorts.sliceVersions as Record<string, unknown>).ports;
    expect(setupRecordSchema.parse(migrate(withoutPorts))).toMatchObject({ approach: 'vpn', ports: {} });
  });

  it('two steps that each change their own slice never clash: each migrates from its own version', () => {
    // Two new steps, written in parallel: "alpha" went to v2 (added `alphaNote`), "beta" to v3 (renamed and added).
    const slices: Record<string, RecordSlice> = {
      alpha: {
        version: 2,
        shape: { alphaItems: z.array(z.string()), alphaNote: z.string().nullable() },
        empty: () => ({ alphaItems: [], alphaNote: null }),
        migrations: { 2: (r) => ({ ...r, alphaNote: null }) },
      },
      beta: {
        version: 3,
        shape: { betaHosts: z.array(z.string()), betaChecked: z.boolean() },
        empty: () => ({ betaHosts: [], betaChecked: false }),
        migrations: {
          2: ({ betaHost, ...r }) => ({ ...r, betaHosts: betaHost ? [betaHost] : [] }),
          3: (r) => ({ ...r, betaChecked: false }),
        },
      },
    };
    const old = { ...frame, alphaItems: ['x'], betaHost: 'nvr.lan', sliceVersions: { alpha: 1, beta: 1 } };
    expect(migrate(old, slices)).toEqual({
      ...frame,
      alphaItems: ['x'],
      alphaNote: null,
      betaHosts: ['nvr.lan'],
      betaChecked: false,
      sliceVersions: { alpha: 2, beta: 3 },
    });
    // Only beta moved on since: alpha's data and version are untouched.
    const halfway = {
      ...frame,
      alphaItems: ['y'],
      alphaNote: 'kept',
      betaHosts: ['a'],
      sliceVersions: { alpha: 2, beta: 2 },
    };
    expect(migrate(halfway, slices)).toMatchObject({
      alphaNote: 'kept',
      betaHosts: ['a'],
      betaChecked: false,
      sliceVersions: { alpha: 2, beta: 3 },
    });
  });

  it('a slice version without its migration is refused rather than guessed', () => {
    const slices: Record<string, RecordSlice> = {
      gamma: { version: 3, shape: { g: z.number() }, empty: () => ({ g: 0 }), migrations: { 3: (r) => r } },
    };
    const record = { ...frame, g: 1, sliceVersions: { gamma: 1 } };
    expect(migrate(record, slices)).toBe(record);
  });
});
