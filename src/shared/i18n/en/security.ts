// The security group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Security page's own words; main's words in its results (the findings, the verdicts) are under `said`, said by
// key (./said/security.ts, its own file: this one stays short).
import { securitySaid } from './said/security';
import { securityVulns } from './said/security-vulns';

export const security = {
  emptyText: 'Not checked yet.',
  verifiedText: 'No critical finding is open.',
  loadErrorTitle: 'The saved security check could not be read.',
  intro:
    'Before the NVR is reachable from outside, the app looks at what the other steps found: its firmware against known critical vulnerabilities, risky services, HTTPS, UPnP, what is forwarded and what a VPN would spare. Each fix says how many points it is worth.',
  check: 'Check security',
  checkAgain: 'Check again',
  readsOnly: 'Reads what the steps recorded; nothing is sent to the NVR (the factory-password check below asks first).',
  emptyHelp:
    'Press “Check security”. Run Ports, UPnP, Router rules and Internet side first: what they did not measure counts as unknown, never as safe.',
  firstVisit: 'Checking now: this step judges what the steps recorded by itself on its first visit.',
  lastChecked: 'Last checked {time}',
  verifyHow:
    'The status turns “verified” when no critical finding is open (a firmware with a known takeover, a hidden service, a port that must never be reachable from outside). The other fixes still raise the score.',
  whatToDo: 'What to do:',

  score: {
    title: 'Score',
    how: '100 less what each open finding is worth.',
    unknown: {
      one: '{count} part is not checked yet: unknown is never counted as safe.',
      other: '{count} parts are not checked yet: unknown is never counted as safe.',
    },
    critical: 'A critical finding is open: fix it before the NVR is reachable from outside.',
    highRisk: 'A high risk is open: fix it before going further.',
    good: 'Good: what is left is small or not yet checked.',
    fixesLeft: 'Fixes are left: each one says how many points it is worth.',
  },

  severity: {
    critical: 'critical',
    high: 'high',
    medium: 'medium',
    low: 'low',
    unknown: 'not checked',
    info: 'note',
  },

  findings: {
    title: 'Fixes, worth most first',
    none: 'Nothing to fix in what the steps recorded.',
    worth: { one: '+{count} point', other: '+{count} points' },
  },

  firmware: {
    title: 'Firmware and known vulnerabilities',
    nvr: '{brand} {model} — firmware {firmware}',
    brandNotKnown: 'Brand not known',
    notKnown: 'not known',
    noTable:
      'No vulnerability table for this NVR’s brand (the app knows Hikvision, Dahua and XM): see the finding above.',
    caption: 'Known critical vulnerabilities for this brand',
    vulnerability: 'Vulnerability',
    thisFirmware: 'This firmware',
    fixedIn: 'Fixed in',
    source: 'Source',
    status: {
      affected: 'affected',
      fixed: 'fixed in this firmware',
      unknown: 'not known — check',
      notListed: 'model not listed',
    },
  },

  cloud: {
    title: 'The maker’s cloud (the way you chose)',
    brandService: '{brand}: {service}.',
    /** A cloud service's name and the maker's app it is used through ({service}, {app}: their names, as they are). */
    serviceApp: '{service} (the {app} app)',
    source: 'Source: {source}',
    unknownBrand:
      'The app knows no cloud service of {brand}: look in the NVR’s network settings or the maker’s app for “P2P”, “cloud” or a QR code to scan.',
    noNvr: 'Choose your NVR on “Find your NVR” to see its maker’s cloud here.',
    /**
     * Each maker's cloud: how it connects and what to watch, from INTERNET-SECURITY.md §5 (each entry's source is
     * beside its facts in src/shared/catalog/vendor-clouds.ts, by the same brand id).
     */
    brands: {
      hikvision: {
        how: 'An account in the Hik-Connect app; the NVR is added by its serial number and verification code, and reaches Hikvision’s cloud by itself.',
        watch:
          'Hikvision’s own app once told users to forward ports to get past slow streams: that undoes the point of the cloud — forward nothing, and leave UPnP off even if the app asks for it.',
      },
      dahua: {
        /** Where its facts were seen, after the reference: {project}, a project's name. */
        source: 'the open-source {project}, which tunnels RTSP over it',
        how: 'The app connects to the NVR by its serial number through Dahua’s P2P servers.',
        watch:
          'The serial number is the only “address”: keep it out of photos and posts (it is on the label and in the app’s screens).',
      },
      reolink: {
        how: 'The app finds the NVR by its UID through p2p.reolink.com and connects with UDP hole punching.',
        watch:
          'Its traffic is only obfuscated with a shared key, and ICS-CERT advisory ICSA-21-019-02 covers its weaknesses: keep the firmware current.',
      },
      xm: {
        how: 'Cloud IDs derived from the device’s MAC address.',
        watch:
          'Do not use it: the IDs can be enumerated, the logins are blank or hidden defaults, and firmware updates are unsigned. Turn XMEye off and take the VPN way.',
      },
    },
    /** What every maker's cloud needs (the reference's recommendation 3, same source). */
    rules: {
      switchOn: 'Switch the cloud on in the NVR (or its app) and add the NVR in the maker’s app.',
      current: 'Only on current firmware with a strong password of its own: the Security step checks both.',
      noForward: 'No port forward and UPnP off: the NVR connects out by itself (the UPnP step turns UPnP off).',
      hijack:
        'UID-based P2P kits have had connection-hijack bugs (TUTK Kalay, CVE-2021-28372): keep the app and firmware updated.',
    },
  },

  defaults: {
    title: 'Does the factory password still work?',
    why: 'Many NVRs left the factory with the same login for every device, published in manuals. The app can try that login on {only}, with the same ONVIF login it uses elsewhere.',
    whyBrand:
      'Many NVRs left the factory with the same login for every device of the brand ({brand}), published in manuals. The app can try that login on {only}, with the same ONVIF login it uses elsewhere.',
    only: 'your chosen NVR only',
    ruleAttempts: 'At most one attempt per known default, and at most 2 attempts in 30 minutes.',
    ruleStops: 'It stops after a refusal unless you confirm, and at once if the NVR says it is locked.',
    ruleWhy:
      'Why so few: NVRs lock the login after 3 to 7 wrong tries, and a locked NVR can also lose its own cameras. Two attempts stay below every lock the app knows of.',
    ruleNeverSaved: 'The password tried is never saved, logged or shown; only which default was tried.',
    consent: 'This is my own NVR and I agree to these login attempts.',
    tryNext: 'Also try the next known default ({untried} left; counts towards the 2 in 30 minutes).',
    check: 'Check the default password',
    checkAgain: 'Check the default password again',
    tried: '{candidate}: {outcome} ({time})',
    nextAt: 'Next attempt allowed after {time}.',
    verdict: {
      accepted: { label: 'critical', title: 'The factory password still works — change it now' },
      refused: { label: 'good', title: 'The factory password was refused' },
      notTried: { label: 'not checked', title: 'The factory password could not be tried' },
    },
    outcome: {
      accepted: 'accepted — the NVR let the factory login in',
      refused: 'refused',
      locked: 'the NVR said the login is locked — stopped',
      noAnswer: 'no answer',
      unusable: 'an answer that says nothing about the password',
    },
  },

  strength: {
    strong: 'strong',
    weak: 'weak',
  },

  password: {
    title: 'The NVR’s password',
    help: {
      one: 'Type the NVR’s admin password (or the one you mean to set). The app judges it on this computer: at least {count} character of three kinds, and not guessable from common passwords, words or names. It is never saved or sent anywhere.',
      other:
        'Type the NVR’s admin password (or the one you mean to set). The app judges it on this computer: at least {count} characters of three kinds, and not guessable from common passwords, words or names. It is never saved or sent anywhere.',
    },
    user: 'User name',
    optional: '(optional)',
    password: 'Password',
    check: 'Check the password',
  },

  change: {
    title: 'Change the NVR’s password here',
    urge: 'The password checked above is not safe: change it now, here or in the NVR’s web page.',
    how: 'The app changes the password of the login it uses for your chosen NVR (ONVIF), then logs in with the new password to check it. If that login fails, it puts the old password back and checks that with a login too. Change it afterwards wherever else it is saved (the maker’s phone app, recorders, players).',
    next: 'New password',
    nextHelp: '12 characters or more, of at least three kinds; judged on this computer as you type.',
    again: 'New password again',
    againHelp: 'The same, to be sure of what you typed.',
    mismatch: 'The two passwords are not the same: type the new one again.',
    judging: 'Judging the password…',
    consent:
      'Change the password on my NVR now. I know that the maker’s phone app and my recorders will need the new one.',
    apply: 'Change the password',
    whyTypeNew: 'Type the new password.',
    whyTypeAgain: 'Type it again below.',
    whyNotSame: 'The two passwords are not the same.',
    whyStronger: 'Choose a stronger one first.',
    whyTick: 'Tick the box to say yes.',
    outcome: {
      verified: 'changed',
      refused: 'not changed',
      putBack: 'put back',
      putBackFailed: 'check the NVR',
      locked: 'locked',
      unfinished: 'unfinished',
    },
  },

  https: {
    title: 'Turn the NVR’s HTTPS on here',
    offer:
      'Your NVR’s web page answers on plain HTTP only, so its password crosses the network readable. The app can turn HTTPS on in the NVR (ONVIF), with the login it keeps, then check it: the NVR must list HTTPS as on and answer an encrypted connection. If that check fails, the app turns HTTPS off again, as it was, and checks that too.',
    turnOn: 'Turn HTTPS on…',
    ask: 'Change this setting on your NVR now? Its web page may restart for a few seconds.',
    yes: 'Yes, turn HTTPS on',
    cancel: 'Cancel',
    outcome: {
      on: 'HTTPS on',
      alreadyOn: 'already on',
      refused: 'not changed',
      putBack: 'put back',
      putBackFailed: 'check the NVR',
      unfinished: 'unfinished',
    },
  },

  /** main's own words in the Security check's results, said by key (see ./said/security.ts). */
  said: securitySaid,
  /** The words of the table of known critical vulnerabilities, said by key (see ./said/security-vulns.ts). */
  vulns: securityVulns,
} as const;
