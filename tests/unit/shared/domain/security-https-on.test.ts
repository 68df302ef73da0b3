// Turning HTTPS on, judged in plain words (pure): "on" only when checked; a device's refusal told in words, not ONVIF
// codes; a put-back says whether HTTPS is off again as it was, and one that could not be proven says so.
import { describe, expect, it } from 'vitest';
import {
  httpsOnFaultWords,
  httpsOnResultSchema,
  judgeHttpsOn,
  unfinishedHttpsOn,
  type HttpsOnFacts,
} from '../../../../src/shared/domain/security-https-on';
import { securityStep } from '../../../../src/shared/steps/security';

const judge = (ran: HttpsOnFacts['ran'], fault: string | null = null, port: number | null = 443) =>
  httpsOnResultSchema.parse(judgeHttpsOn({ deviceId: 'nvr-1', at: '2026-12-06T05:00:00.000Z', port, ran, fault }));

describe('judgeHttpsOn', () => {
  it('on: says it was checked by the NVR’s list and a TLS handshake, names the port', () => {
    const r = judge({ outcome: 'verified' });
    expect(r).toMatchObject({ outcome: 'on', httpsOn: true, putBackVerified: null, port: 443 });
    expect(r.words[0]).toBe(
      'Done, and checked: the NVR’s HTTPS (port 443) is on — the NVR lists it as enabled and an encrypted (TLS) connection to it answered.',
    );
    expect(r.words[1]).toMatch(/^Open the NVR’s page with https:\/\//);
    // Without this the plan and the findings keep the old plain-HTTP port.
    expect(r.words[2]).toBe('Run the Ports step again so the plan and the findings use the HTTPS port.');
  });

  it('already-on: nothing changed, and says so', () => {
    const r = judge({ outcome: 'already' }, null, 8443);
    expect(r).toMatchObject({ outcome: 'already-on', httpsOn: true, putBackVerified: null });
    expect(r.words[0]).toBe('Nothing changed: the NVR already lists HTTPS (port 8443) as on.');
    expect(r.words[1]).toBe(
      'Open the NVR’s page with https:// and turn its plain-HTTP page off if you can, so the login travels encrypted.',
    );
  });

  it('refused: the device’s reason in plain words, HTTPS still off as it was', () => {
    const r = judge(
      { outcome: 'restored', refused: true, failure: 'x.' },
      httpsOnFaultWords({ code: 'Sender', subcodes: ['InvalidArgVal'] }),
    );
    expect(r).toMatchObject({ outcome: 'refused', httpsOn: false, putBackVerified: true });
    expect(r.words[0]).toBe('Not changed: the NVR says a setting is not valid (often: no certificate installed yet).');
    expect(r.words[1]).toMatch(/^HTTPS is still off, as it was\. Turn HTTPS on in the NVR’s web page/);
    expect(r.words.join(' ')).not.toMatch(/InvalidArg|Sender/);
    expect(judge({ outcome: 'restored', refused: true, failure: 'x.' }).words[0]).toBe(
      'Not changed: the NVR refused to turn HTTPS on.',
    );
  });

  it('said by key: a known refusal by its key inside the line, an unknown one and why a check failed as they came', () => {
    const known = judge(
      { outcome: 'restored', refused: true, failure: 'x.' },
      httpsOnFaultWords({ code: 'Sender', subcodes: ['NotAuthorized'] }),
    );
    expect(known.said!.words).toEqual([
      {
        key: 'security.said.httpsOn.notChanged',
        params: { fault: { key: 'security.said.httpsOn.fault.notAuthorized' } },
      },
      { key: 'security.said.httpsOn.stillOff' },
    ]);
    const other = judge({ outcome: 'restored', refused: true, failure: 'x.' }, 'the NVR did not accept the change');
    expect(other.said!.words[0]).toEqual({
      key: 'security.said.httpsOn.notChanged',
      params: { fault: 'the NVR did not accept the change' },
    });
    const none = judge({ outcome: 'restored', refused: true, failure: 'x.' });
    expect(none.said!.words[0]!.params).toEqual({ fault: { key: 'security.said.httpsOn.refusedToTurnOn' } });
    const failed = judge({ outcome: 'restored', refused: false, failure: 'the NVR did not answer the check.' });
    expect(failed.said!.words[0]).toEqual({
      key: 'security.said.httpsOn.notTurnedOn',
      params: { failure: 'the NVR did not answer the check.' },
    });
    expect(judge({ outcome: 'verified' }, null, null).said!.words[0]).toEqual({
      key: 'security.said.httpsOn.doneNoPort',
    });
  });

  it('put-back: the failed check named, HTTPS off again and confirmed', () => {
    const r = judge({ outcome: 'restored', refused: false, failure: 'no encrypted connection answered on port 443.' });
    expect(r).toMatchObject({ outcome: 'put-back', httpsOn: false, putBackVerified: true });
    expect(r.words[0]).toBe('Not turned on: no encrypted connection answered on port 443.');
    expect(r.words[1]).toBe(
      'The app turned HTTPS off again, as it was, and the NVR confirmed it: nothing is changed on the NVR.',
    );
  });

  it('put-back-failed: does not claim HTTPS is on or off, says why the put-back is not proven', () => {
    const r = judge({ outcome: 'failed', failure: 'x.', back: 'the NVR did not answer', reached: false });
    expect(r).toMatchObject({ outcome: 'put-back-failed', httpsOn: null, putBackVerified: false });
    expect(r.words[0]).toBe('Not turned on as planned: x.');
    expect(r.words[1]).toBe(
      'The app tried to turn HTTPS off again, as it was, but could not prove it: the NVR did not answer.',
    );
    expect(r.words[2]).toMatch(/check its HTTPS setting/);
  });

  it('an unknown port is not made up', () => {
    expect(judge({ outcome: 'verified' }, null, null).words[0]).toMatch(/the NVR’s HTTPS is on/);
  });

  it('only a verified or already-on result says HTTPS is on', () => {
    const others: HttpsOnFacts['ran'][] = [
      { outcome: 'restored', refused: true, failure: 'x.' },
      { outcome: 'restored', refused: false, failure: 'x.' },
      { outcome: 'failed', failure: 'x.', back: 'y', reached: true },
    ];
    for (const ran of others) expect(judge(ran).httpsOn).not.toBe(true);
  });
});

describe('httpsOnFaultWords', () => {
  it('names the usual refusals in words', () => {
    const w = (...subcodes: string[]) => httpsOnFaultWords({ code: 'Sender', subcodes });
    expect(w('PortAlreadyInUse')).toBe('the NVR says its HTTPS port is already used by another service');
    expect(w('NotAuthorized')).toMatch(/needs an Administrator/);
    expect(w('ActionNotSupported')).toBe('the NVR does not let HTTPS be turned on over ONVIF');
    expect(w('Whatever')).toBe('the NVR refused it without a reason the app knows');
  });
  it('does not make up a reason from two codes run together (“Not” then “Authorized” is no NotAuthorized)', () => {
    expect(httpsOnFaultWords({ code: 'Not', subcodes: ['Authorized'] })).toBe(
      'the NVR refused it without a reason the app knows',
    );
  });
});

describe('unfinishedHttpsOn', () => {
  it('says when it started and that the state is not known', () => {
    const r = httpsOnResultSchema.parse(
      unfinishedHttpsOn({ deviceId: 'nvr-1', port: 443, startedAt: '2026-12-06T04:10:00.000Z' }, 'now'),
    );
    expect(r).toMatchObject({ outcome: 'unfinished', httpsOn: null, port: 443 });
    expect(r.words[0]).toBe(
      'Turning HTTPS on, started on 2026-12-06 at 04:10 UTC, did not finish (the app stopped while it ran).',
    );
    expect(unfinishedHttpsOn({ deviceId: 'd', port: null, startedAt: 'bad' }, 'now').words[0]).toMatch(
      /^Turning HTTPS on, started, did not/,
    );
    expect(r.words[1]).toBe('Whether the NVR’s HTTPS is on is not known: run the Ports step again to measure it.');
  });
});

describe('the Security record slice, version 4', () => {
  it('a version-3 slice gains an empty "turn HTTPS on" (none made, none pending); the rest is kept', () => {
    const slice = securityStep.record;
    expect(slice.version).toBe(4);
    const v3 = {
      schemaVersion: 3,
      security: { last: null, defaults: { last: null, attempts: [] }, passwordChange: { last: null, pending: null } },
    };
    expect(slice.migrations[4]!(v3)).toEqual({
      schemaVersion: 3,
      security: { ...v3.security, httpsOn: { last: null, pending: null } },
    });
    expect(slice.shape.security.parse(slice.migrations[4]!(v3).security)).toMatchObject({
      httpsOn: { last: null, pending: null },
    });
    for (const security of [undefined, null, 'x', [1]]) {
      const record = { schemaVersion: 3, security };
      expect(slice.migrations[4]!(record), JSON.stringify(security)).toBe(record);
    }
  });
});
