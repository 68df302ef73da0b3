import { describe, expect, it } from 'vitest';
import type { DefaultCheck } from '../../../../src/shared/domain/security-defaults';
import { securityInputFromRecord } from '../../../../src/shared/domain/security';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import { fullRecord } from './checklist-fixture';

// What the Security check reads from the setup record (securityInputFromRecord): written against the survivors of
// the shared mutation run of 2026-12-06 (issue 17). Each test names the harm a wrong read does to the user.

const AT = '2026-12-06T08:00:00.000Z';

function defaultsFor(deviceId: string): DefaultCheck {
  return {
    deviceId,
    checkedAt: AT,
    brand: 'Hikvision',
    verdict: 'accepted',
    accepted: 'user admin with the factory password of Hikvision',
    reason: 'The factory password still works.',
    fix: 'Change it.',
    tried: [],
    untried: 0,
    nextAt: null,
    source: null,
  } as DefaultCheck;
}

type WithDdns = Omit<SetupRecord, 'ddns'> & { ddns: { hosts: { host?: unknown }[] } };
/** `r` with these DDNS entries, as a record from disk could hold them (the reader does not trust their shape). */
function withHosts(r: SetupRecord, hosts: { host?: unknown }[]): SetupRecord {
  const loose = r as unknown as WithDdns;
  loose.ddns = { ...loose.ddns, hosts };
  return r;
}

describe('the Security check reads the record', () => {
  it('"the default password still works" is the chosen NVR’s own result, never another device’s', () => {
    const r = fullRecord();
    const id = r.nvr!.deviceId;
    r.security.defaults.last = defaultsFor(id);
    expect(securityInputFromRecord(r).defaults).toMatchObject({ deviceId: id, verdict: 'accepted' });
    // The check was made on another device (the user chose another NVR since): not this NVR's risk.
    r.security.defaults.last = defaultsFor('some-other-camera');
    expect(securityInputFromRecord(r).defaults).toBeNull();
    // No NVR chosen: nothing to attribute it to.
    const none = emptySetupRecord(AT);
    none.security.defaults.last = defaultsFor('some-other-camera');
    expect(securityInputFromRecord(none).defaults).toBeNull();
  });

  it('the DDNS names the certificate should carry: only names typed, in order, at most 8; none without the DDNS step', () => {
    const r = withHosts(fullRecord(), [
      { host: 'shop-nvr.duckdns.org' },
      { host: '' },
      { host: 42 },
      {},
      ...Array.from({ length: 9 }, (_, i) => ({ host: `n${i}.example.net` })),
    ]);
    expect(securityInputFromRecord(r).ddnsNames).toEqual([
      'shop-nvr.duckdns.org',
      ...Array.from({ length: 7 }, (_, i) => `n${i}.example.net`),
    ]);
    // A record from before the DDNS step has no slice at all: no names, and no failure.
    const old = fullRecord() as unknown as Partial<WithDdns>;
    delete old.ddns;
    expect(securityInputFromRecord(old as unknown as SetupRecord).ddnsNames).toEqual([]);
    const slice = fullRecord() as unknown as { ddns: Record<string, unknown> };
    slice.ddns = { check: null };
    expect(securityInputFromRecord(slice as unknown as SetupRecord).ddnsNames).toEqual([]);
  });
});
