// The Security group's `said` sub-group (see ../security.ts): its own file, so that the step's page words stay short.
/**
 * main's own words in the Security check's findings (src/shared/domain/security-findings.ts, security-tls.ts,
 * security-defaults-verdict.ts): each finding's title, text and fix said by key, so the page and the CLI say them in
 * the user's language. The vulnerability table's own words (a row's name, description, advice, fix and why this
 * firmware matches) are said by key too, under `security.vulns` (./security-vulns.ts); the evidence lines stay as
 * they came.
 */
export const securitySaid = {
  firmwareNoNvr: {
    title: 'Firmware not checked: no NVR chosen',
    text: 'No NVR is chosen yet, so its firmware could not be compared with the known vulnerabilities.',
    fix: 'Choose the NVR in "Find your NVR", then check again.',
  },
  firmwareNotInTable: {
    title: 'Firmware not checked against known vulnerabilities',
    text: 'The table of known critical vulnerabilities holds Hikvision, Dahua and XM only; {brand} firmware is not in it. That does not mean it has none.',
    textNoBrand: 'The NVR’s brand is not known, so its firmware could not be compared with the known vulnerabilities.',
    fix: 'Look the model up on the maker’s security advisories page and install the latest firmware for it.',
  },
  /** {title}, {words}, {advice}, {fixedIn}: a row's own words (security.vulns); {reason}: why this firmware matches. */
  vulnAffected: {
    title: 'Firmware affected by {title}',
    text: '{words} {reason}',
    fix: '{advice} Fixed in: {fixedIn}',
  },
  vulnUnknown: {
    title: 'Not known whether {title} affects this firmware',
    text: '{reason} {words}',
  },
  portsUnknown: {
    title: 'Services and HTTPS not checked: no Ports measurement',
    text: 'The NVR’s ports have not been measured, so it is not known whether telnet, FTP, SSH, plain HTTP or RTSP answer, nor whether HTTPS is offered.',
    fix: 'Run the Ports step’s audit for the NVR, then check again.',
  },
  backdoor: {
    title: 'Hidden service open on port {ports}',
    text: 'A hidden service the owner cannot turn off answers here (on XM/HiSilicon firmware, 9530 starts a root telnet on 9527 with a password shared by every such device).',
    fix: 'Never forward these ports; keep the NVR on a network only you use, and plan to replace it.',
  },
  telnet: {
    title: 'Telnet open on port {ports}',
    text: 'Telnet sends the login readable to anyone on the way and gives a shell on the NVR.',
    fix: 'Turn telnet off in the NVR’s settings (or its maintenance menu); never forward it.',
  },
  ftp: {
    title: 'FTP open on port {ports}',
    text: 'FTP sends its login and the files readable to anyone on the way.',
    fix: 'Turn the NVR’s FTP server off unless you use it; never forward it.',
  },
  ssh: {
    title: 'SSH open on port {ports}',
    text: 'SSH gives a shell on the NVR to whoever has (or guesses) its password.',
    fix: 'Turn SSH off in the NVR’s settings unless the installer needs it; never forward it.',
  },
  noHttps: {
    title: 'HTTPS not offered',
    textPlain: 'The web page answers on plain HTTP only (port {ports}): the password crosses the network readable.',
    textNone: 'No HTTPS port answered: the web page cannot be reached encrypted.',
    fix: 'Turn HTTPS on in the NVR’s network settings (Ports can move its port), and use only https:// addresses.',
  },
  plainHttpAdmin: {
    title: 'Plain HTTP admin page still open on port {ports}',
    text: 'HTTPS answers (port {https}), but the admin page also answers on plain HTTP, where the password crosses the network readable.',
    fix: 'Turn plain HTTP off, or set it to redirect to HTTPS, and never forward it.',
  },
  rtspForwarded: {
    title: 'Unencrypted video (RTSP) forwarded',
    text: 'The Router rules plan sends RTSP (port {ports}) to the internet: the video, and often the login, cross it readable.',
    fix: 'Watch through the vendor’s app or a VPN instead, and remove the RTSP rule.',
  },
  rtspOpen: {
    title: 'RTSP open on the LAN (port {ports})',
    text: 'Video is served unencrypted on the home network; it is not forwarded by the Router rules plan.',
    fix: 'Keep it off the internet; require a login for RTSP in the NVR’s settings.',
  },
  upnpUnknown: {
    title: 'UPnP not checked',
    text: 'The router’s UPnP has not been audited, so it is not known whether it opened ports to the NVR by itself.',
    fix: 'Run the UPnP step’s audit, then check again.',
  },
  upnp: {
    'camera-mapped': {
      title: 'UPnP opened the NVR or a camera to the internet',
      fix: 'Delete the mapping in the UPnP step, then turn UPnP off on the NVR and the router.',
    },
    'came-back': {
      title: 'A deleted UPnP mapping came back',
      fix: 'Turn UPnP off on the NVR (and on the router): the device opens the port again by itself.',
    },
    'upnp-on': {
      title: 'UPnP is on at the router',
      fix: 'Turn UPnP off on the router (the UPnP step shows where), unless a game console needs it.',
    },
    'natpmp-on': {
      title: 'NAT-PMP is on at the router',
      fix: 'Turn NAT-PMP/PCP off on the router with UPnP.',
    },
  },
  forwardVulnerable: {
    title: 'Ports forwarded to firmware with a known critical flaw',
    text: 'The Router rules plan forwards the NVR to the internet while its firmware is affected by a known critical vulnerability: it can be taken over from outside.',
    fix: 'Update the firmware first; until then remove the forward rules and use a VPN.',
  },
  forwardAnySource: {
    title: 'Forwarded ports open to every address on the internet',
    text: '{rules} forward rule(s) accept connections from anywhere; scanners find such ports within hours.',
    fix: 'Limit the rules to the addresses you connect from (Router rules), or use a VPN instead.',
  },
  exposureUnproven: {
    title: 'Not proven from outside',
    text: 'Forward rules are planned, but no check from outside has been made: which ports the internet reaches is not known.',
    fix: 'Run the proof from outside in the Internet step, then check again.',
  },
  exposed: {
    title: 'Exposed to the internet: {label} (port {port})',
    text: 'The check from outside reached port {port}, which must never be reachable. {why}',
    fix: 'Remove the forward or UPnP mapping that opens it (the Internet step names the likely cause), then prove again.',
  },
  vpnUnknown: {
    title: 'VPN not known',
    text: 'This record has no VPN step, so whether a VPN is used instead of forwards is not known.',
    fix: 'Prefer a VPN (WireGuard, Tailscale or ZeroTier) over forwarding the NVR.',
  },
  vpnAndForwards: {
    title: 'VPN planned, and forwards still planned',
    text: 'A VPN is planned, yet the Router rules plan still forwards the NVR: the forwards keep it exposed.',
    fix: 'Once the VPN works, remove the NVR’s forward rules.',
  },
  noVpn: {
    title: 'No VPN: the NVR is reached through forwards',
    text: 'Remote access goes through ports forwarded to the NVR, which anyone on the internet can try.',
    fix: 'Plan a VPN in the VPN step and remove the forwards.',
  },

  /** The default-password check (security-defaults.ts, security-defaults-verdict.ts, the feature's defaults.ts). */
  defaults: {
    finding: {
      accepted: 'The factory default password still works',
      refused: 'The factory default password was refused',
      notTried: 'The default password could not be checked',
    },
    noNvr: 'No NVR is chosen: the check only runs on your own NVR.',
    noNvrShort: 'No NVR is chosen.',
    chooseNvr: 'Choose your NVR in “Find”.',
    notActivated: 'The NVR says it is not activated yet: it has no password at all, so there is no default to try.',
    activate: 'Activate it with a strong password of your own (its setup page or the vendor’s tool), then check again.',
    noCandidates:
      'No factory default password is known for {brand} (current firmware of most brands makes you set one at first use): nothing was tried.',
    ownAndStrong: 'Make sure the password is your own and strong (the password check above).',
    noBrand: 'The NVR’s brand is not known, so no default can be chosen: nothing was tried.',
    logInOnce: 'Log in to the NVR once (Ports or Static IP) so the app reads its brand, then check again.',
    lockedAt: 'The NVR said at {time} UTC that the login is locked: no more attempts, so it is not locked for longer.',
    waitLock: 'Wait until the lock ends (often 30 minutes), then log in with your own password to make sure it works.',
    budgetSpent:
      'The NVR was sent a default password {sent} times in the last 30 minutes: the most the assistant sends, so that no lockout can result.',
    checkAfter: 'Check again after {time} UTC.',
    eachTried: 'Each known default for this brand was tried in the last 30 minutes: one attempt each is the most.',
    refusedConfirm:
      'A default was refused in the last 30 minutes. The assistant stops after a refusal unless you confirm trying the next one.',
    confirmNext: 'Confirm “try the next default too” to make one more attempt (at most 2 in 30 minutes).',
    noService: 'The NVR’s login service (ONVIF) did not answer at its address: no password was sent.',
    reachable: 'Make sure the NVR is on and reachable (Find, Ports), then check again.',
    acceptedFactory:
      'Your NVR still accepts its factory login: user "{user}" with the factory password, the default of {era}. This login is published for every device of the brand, so anyone who can reach the NVR can log in and watch, change or delete the recordings.',
    acceptedBlank:
      'Your NVR still accepts its factory login: user "{user}" with a blank password, the default of {era}. This login is published for every device of the brand, so anyone who can reach the NVR can log in and watch, change or delete the recordings.',
    acceptedOther:
      'Your NVR still accepts its factory login: {candidate}. This login is published for every device of the brand, so anyone who can reach the NVR can log in and watch, change or delete the recordings.',
    changeNow:
      'Change it now: log in to the NVR (its web page or the vendor app), open the user settings (often Configuration › System › User Management, or Settings › System › Account), give "{user}" a new password of 12+ characters of three kinds, unique to this NVR, then check again here. Do not forward any port to it until then.',
    noneTried: 'No default was tried.',
    checkAgain: 'Check again.',
    stopped: {
      locked: 'The NVR answered that the login is locked: the check stopped at once, so the lock is not made longer.',
      'no-answer': 'The NVR did not answer the login: nothing is known about its password.',
      unusable:
        'The NVR’s answer says nothing about the password (its clock is far off, or it wants a login method the app does not speak).',
    },
    stoppedAfterRefusal: {
      locked:
        'The NVR answered that the login is locked: the check stopped at once, so the lock is not made longer. ({refused} default refused before it.)',
      'no-answer':
        'The NVR did not answer the login: nothing is known about its password. ({refused} default refused before it.)',
      unusable:
        'The NVR’s answer says nothing about the password (its clock is far off, or it wants a login method the app does not speak). ({refused} default refused before it.)',
    },
    waitLockNoRetry:
      'Wait until the lock ends (often 30 minutes), then log in with your own password to make sure it works. Do not retry now.',
    refusedOne: 'The NVR refused the factory default tried: {tried}.',
    refusedOneLeftOne:
      'The NVR refused the factory default tried: {tried}. {left} other known default was not tried (the check stops after a refusal unless you confirm, and makes at most 2 attempts in 30 minutes).',
    refusedOneLeft:
      'The NVR refused the factory default tried: {tried}. {left} other known defaults were not tried (the check stops after a refusal unless you confirm, and makes at most 2 attempts in 30 minutes).',
    refusedAll: 'The NVR refused all {count} factory defaults tried: {tried}.',
    refusedAllLeftOne:
      'The NVR refused all {count} factory defaults tried: {tried}. {left} other known default was not tried (the check stops after a refusal unless you confirm, and makes at most 2 attempts in 30 minutes).',
    refusedAllLeft:
      'The NVR refused all {count} factory defaults tried: {tried}. {left} other known defaults were not tried (the check stops after a refusal unless you confirm, and makes at most 2 attempts in 30 minutes).',
    good: 'Good. Keep the password your own, 12+ characters of three kinds.',
    /** A default refused, inside the refusal's {tried} (several: a list, joined by `triedNext`). */
    candidateFactory: 'user "{user}" with the factory password',
    candidateBlank: 'user "{user}" with a blank password',
    /** Two defaults refused one after the other in {tried}'s list (folded from the left: "a; b; c"). */
    triedNext: '{first}; {next}',
  },

  /**
   * Turning the NVR's HTTPS on (security-https-on.ts): the verdict's lines. Why a check failed ({failure}, {back})
   * comes from the change as it ran and stays as it came; the NVR's refusal ({fault}) is said by key where known.
   */
  httpsOn: {
    alreadyOn: 'Nothing changed: the NVR already lists HTTPS (port {port}) as on.',
    alreadyOnNoPort: 'Nothing changed: the NVR already lists HTTPS as on.',
    plainOff:
      'Open the NVR’s page with https:// and turn its plain-HTTP page off if you can, so the login travels encrypted.',
    done: 'Done, and checked: the NVR’s HTTPS (port {port}) is on — the NVR lists it as enabled and an encrypted (TLS) connection to it answered.',
    doneNoPort:
      'Done, and checked: the NVR’s HTTPS is on — the NVR lists it as enabled and an encrypted (TLS) connection to it answered.',
    openHttps:
      'Open the NVR’s page with https:// from now on; your browser may warn about its self-made certificate the first time.',
    portsAgain: 'Run the Ports step again so the plan and the findings use the HTTPS port.',
    notChanged: 'Not changed: {fault}.',
    refusedToTurnOn: 'the NVR refused to turn HTTPS on',
    stillOff:
      'HTTPS is still off, as it was. Turn HTTPS on in the NVR’s web page (often Network → Advanced → HTTPS), then check again.',
    notTurnedOn: 'Not turned on: {failure}',
    offAgain: 'The app turned HTTPS off again, as it was, and the NVR confirmed it: nothing is changed on the NVR.',
    webPage: 'Turn HTTPS on in the NVR’s web page (often Network → Advanced → HTTPS), then check again.',
    notAsPlanned: 'Not turned on as planned: {failure}',
    offNotProven: 'The app tried to turn HTTPS off again, as it was, but could not prove it: {back}.',
    checkSetting: 'Open the NVR’s web page (http:// and https://) and check its HTTPS setting.',
    unfinishedAt: 'Turning HTTPS on, started on {day} at {time} UTC, did not finish (the app stopped while it ran).',
    unfinished: 'Turning HTTPS on, started, did not finish (the app stopped while it ran).',
    notKnown: 'Whether the NVR’s HTTPS is on is not known: run the Ports step again to measure it.',
    fault: {
      portInUse: 'the NVR says its HTTPS port is already used by another service',
      notAuthorized: 'this login may not change the NVR’s network settings (it needs an Administrator)',
      notSupported: 'the NVR does not let HTTPS be turned on over ONVIF',
      invalidArg: 'the NVR says a setting is not valid (often: no certificate installed yet)',
      unknown: 'the NVR refused it without a reason the app knows',
    },
  },

  /**
   * Changing the NVR's password (security-password-change.ts): the verdict's lines. Why a login failed ({failure},
   * {back}) comes from the change as it ran and stays as it came; the NVR's refusal ({fault}) is said by key where known.
   */
  passwordChange: {
    done: 'Done, and checked: the NVR’s password for “{user}” is changed, and a new login with the new password worked.',
    remembered: 'The app logs in with the new password from now on (kept as your NVR login is kept).',
    notRemembered:
      'The app uses the new password from now on; it keeps no password on disk here, so give the new one the next time you log in.',
    elsewhere: 'Change it too wherever else it is saved: the maker’s phone app, recorders, players.',
    notChanged: 'Not changed: {fault}.',
    refusedNew: 'the NVR refused the new password',
    oldWorks:
      'The old password still works: a login with it was checked. Open the NVR’s web page and set the password there.',
    notChangedBecause: 'Not changed: {failure}',
    putBack:
      'The app put the old password back, and a login with the old password worked: nothing is changed on the NVR.',
    webPage: 'Open the NVR’s web page and set the password there.',
    notAsPlanned: 'Not changed as planned: {failure}',
    backNotProven:
      'The app tried to put the old password back, but could not prove it by a login with the old password: {back}.',
    tryBoth:
      'Try the old password first, then the new one, in the NVR’s web page (one try each: NVRs lock after a few wrong ones).',
    locked: 'Stopped: the NVR locked the login (too many wrong passwords), so the app sent no more passwords.',
    lockedChanged:
      'The NVR may already have the new password. Wait until it unlocks (often 30 minutes), then log in with the new password first, else the old one.',
    lockedUnchanged: 'The password was not changed. Wait until the NVR unlocks (often 30 minutes), then try again.',
    unfinishedAt:
      'A password change for “{user}” started on {day} at {time} UTC did not finish (the app stopped while it ran).',
    unfinished: 'A password change for “{user}” started did not finish (the app stopped while it ran).',
    eitherOne:
      'The NVR has either the old or the new password: log in with the new one first, else the old one (one try each).',
    fault: {
      tooLong: 'the NVR says the password is too long',
      tooWeak: 'the NVR says the password is too weak for its own rules',
      noUser: 'the NVR does not know that user',
      fixedUser: 'the NVR does not let that user be changed',
      level: 'the NVR refused the user level',
      notAuthorized: 'this login may not change passwords (it needs an Administrator)',
      notSupported: 'the NVR does not let passwords be changed over ONVIF',
      unknown: 'the NVR refused it without a reason the app knows',
    },
  },

  /**
   * A password's strength (security-password.ts): the verdict's lines. How long a crack takes ({crackTime}) and the
   * estimator's own warning and suggestions are zxcvbn's English words (its English dictionary), as they came.
   */
  password: {
    strong:
      'Strong: {length} characters of {kinds} kinds, and {score} ({crackTime} for an attacker with a stolen copy).',
    weak: 'Not strong enough: {score} ({crackTime} for an attacker with a stolen copy).',
    longer: 'Make it at least {min} characters long (it has {length}): length matters most.',
    mixNone: 'Mix at least {min} kinds of character: it has none; add {a} or {b} or {c} or {d}.',
    mixOne: 'Mix at least {min} kinds of character: it has {x}; add {a} or {b} or {c}.',
    mixTwo: 'Mix at least {min} kinds of character: it has {x} and {y}; add {a} or {b}.',
    score: {
      '0': 'guessed almost at once',
      '1': 'guessed quickly',
      '2': 'guessed with some effort',
      '3': 'hard to guess',
      '4': 'very hard to guess',
    },
    kind: {
      lower: 'small letters',
      upper: 'capital letters',
      digit: 'digits',
      symbol: 'symbols',
    },
  },

  /** The HTTPS certificate's findings (security-tls.ts): a title names one port (`title`) or more (`titleMany`). */
  tls: {
    realCertificate:
      'Put a certificate from a real authority on the NVR: its web page’s certificate page (often Configuration → Network → Advanced → HTTPS, “Create certificate request”, then “Upload signed certificate”) for the name you type. Or leave the NVR’s certificate and put a reverse proxy with a real (Let’s Encrypt) certificate in front of it: Router rules writes its Caddy or nginx configuration.',
    selfSigned: {
      title: 'HTTPS certificate is self-signed (port {ports})',
      titleMany: 'HTTPS certificate is self-signed (ports {ports})',
      text: 'The NVR signed its own certificate, so the browser warns every time its page is opened. A warning users learn to click through hides a real attack: someone in the middle (a hostile Wi-Fi, a hijacked name) shows the same warning, and the password goes to them.',
      fix: '{realCertificate} Until then, never click through a warning you did not expect.',
    },
    untrusted: {
      title: 'HTTPS certificate is not trusted (port {ports})',
      titleMany: 'HTTPS certificate is not trusted (ports {ports})',
      text: 'Its issuer ({issuer}) is not one this computer trusts, so the browser warns as for a self-signed one, and a warning users click through hides a real attack.',
      notNamed: 'not named',
    },
    expired: {
      title: 'HTTPS certificate expired on {day} (port {ports})',
      titleMany: 'HTTPS certificate expired on {day} (ports {ports})',
      text: 'An expired certificate makes every browser warn, and the app on phones may refuse to connect.',
      fix: 'Make a new certificate on the NVR’s certificate page (or renew the one from your authority) and upload it; a reverse proxy with Let’s Encrypt renews by itself. {realCertificate}',
    },
    notYetValid: {
      title: 'HTTPS certificate not valid until {day} (port {ports})',
      titleMany: 'HTTPS certificate not valid until {day} (ports {ports})',
      text: 'The certificate’s dates begin in the future: browsers refuse it. Usually the NVR’s clock was wrong when it made the certificate.',
      fix: 'Set the NVR’s time from the internet (NTP in its time settings), then make its certificate again.',
    },
    expiring: {
      title: 'HTTPS certificate expires on {day} (port {ports})',
      titleMany: 'HTTPS certificate expires on {day} (ports {ports})',
      text: 'Fewer than {days} days are left; then every browser warns.',
      fix: 'Renew it now on the NVR’s certificate page, or let a reverse proxy with Let’s Encrypt renew it.',
    },
    weakKey: {
      title: 'HTTPS certificate has a weak {keyType} {keyBits}-bit key (port {ports})',
      titleMany: 'HTTPS certificate has a weak {keyType} {keyBits}-bit key (ports {ports})',
      text: 'Keys shorter than {minBits} bits (RSA) can be broken, and browsers refuse them.',
      fix: 'Make a new certificate on the NVR with an RSA key of {minBits} bits or more (or an EC key), or put a reverse proxy with a real certificate in front of it.',
    },
    weakSignature: {
      title: 'HTTPS certificate signed with {algorithm} (port {ports})',
      titleMany: 'HTTPS certificate signed with {algorithm} (ports {ports})',
      text: 'MD5 and SHA-1 signatures can be forged, and browsers refuse certificates signed with them.',
      fix: 'Make a new certificate on the NVR signed with SHA-256 (newer firmware does), or put a reverse proxy with a real certificate in front of it.',
    },
    nameMismatch: {
      title: 'HTTPS certificate does not name {names}',
      text: 'The certificate names {certNames}, but users type {names}: the browser warns about the name even once the certificate is otherwise right.',
      textOnPort:
        'The certificate on port {port} names {certNames}, but users type {names}: the browser warns about the name even once the certificate is otherwise right.',
      nothing: 'nothing',
      fix: 'Make the certificate for the name users type ({name}) on the NVR’s certificate page, or let a reverse proxy answer for that name with its own certificate.',
    },
  },
  /**
   * main's refusals of a new password before anything is sent (features/security/password.ts): what is wrong goes in
   * {parts}, each line said by key where main said it so (the estimator's own words stay as they came).
   */
  failures: {
    notSent: 'The app did not send it: {parts} Nothing was changed.',
    notStrong: 'The app did not send it. {parts} Nothing was changed.',
    tooLong: 'The new password is longer than {max} characters: NVRs do not take it.',
    controlCharacter: 'The new password holds a control character (a line break, a tab…).',
    sameAsCurrent: 'The new password is the same as the current one.',
  },
} as const;
