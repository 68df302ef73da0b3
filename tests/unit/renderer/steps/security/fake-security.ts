import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { judgePassword } from '../../../../../src/shared/domain/security-password';
import { fakeDevice, fakeSetup } from '../../fake-api';
import { fakePortRow } from '../../fake-ports';

// Fakes for the Security step's tests (security-step, security-change-password, i18n/security-pseudo).

export const CHECKED_AT = '2026-12-05T20:00:00.000Z';
/** A Hikvision camera-NVR in CVE-2017-7921's range, with telnet open and no HTTPS. */
export const CVE_NVR = fakeDevice({ brand: 'HIKVISION', model: 'DS-2CD2032F-I', firmware: 'V5.4.0 build 160530' });
/** A password main calls strong. */
export const STRONG = 'Otter-Mango-Fjord-61!';

/** The setup with CVE_NVR chosen and its ports measured: the web page and telnet open. */
export function securityRecord(): SetupRecord {
  const r = fakeSetup({ nvr: { deviceId: CVE_NVR.id, device: CVE_NVR, chosenAt: CHECKED_AT }, devices: [CVE_NVR] });
  r.ports[CVE_NVR.id] = {
    report: {
      deviceId: CVE_NVR.id,
      address: CVE_NVR.addresses[0]!,
      measuredAt: CHECKED_AT,
      full: false,
      rows: [
        fakePortRow(),
        fakePortRow({ port: 23, service: 'telnet', role: 'telnet', plainText: false, adminUi: false }),
      ],
      declaredButClosed: [],
      undeclaredOpen: [],
      onvifProtocols: null,
    },
    plan: null,
    lastChange: null,
    pending: null,
  };
  return r;
}

/** main's strength verdict, with a stand-in estimator: long and mixed is "very hard", anything else "at once". */
export const strength = (password: string) =>
  judgePassword(password, {
    score: password.length >= 12 ? 4 : 0,
    warning: null,
    suggestions: [],
    crackTime: password.length >= 12 ? 'centuries' : 'less than a second',
  });
