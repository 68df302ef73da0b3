// The ports group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Ports step's page (src/renderer/steps/ports/), its components (Port*.vue, port-labels.ts) and its store's
// messages. What main says (a port's purpose, risk reasons, recommendation, the plan's "why" and problems, a change's
// message and evidence, the maker's manual steps) is main's and stays out of here. Ports and addresses are passed as
// strings (identifiers, not quantities).
export const ports = {
  /** The check's name in CheckState's sentences ("Port check progress", "The port check did not work."). */
  checkWhat: 'port',
  frame: {
    intro:
      'The app knocks on your NVR’s ports to see what answers on each, tells you which ones are risky to open to the internet, and moves the well-known ones to ports that scanners do not try first.',
    emptyText: 'No port change checked yet.',
    verifiedText: 'The NVR answers on its new ports, and its old ones are closed.',
    // Said inside the frame's "No NVR is chosen yet, so …" (NvrStepFrame.vue).
    nothingYet: 'there are no ports to check',
    loadErrorTitle: 'The saved port check could not be read.',
    foundAtFull: 'Every port checked',
    foundAtUsual: 'Usual ports checked',
    needsAudit: 'Check the ports first: the app proposes new ports from what the check finds.',
    loginChanges: 'After you log in, the app asks you to confirm once more before it moves:',
    loggedInPressAgain: 'Logged in to {name}. Press “Apply through ONVIF” again to move the ports.',
  },

  // The ports' names (the shared catalogue's ROLE_LABELS is this object: main's messages use the same words).
  role: {
    http: 'Web page (HTTP)',
    https: 'Web page (HTTPS)',
    rtsp: 'Video streams (RTSP)',
    rtsps: 'Encrypted video streams (RTSPS)',
    onvif: 'ONVIF',
    sdk: 'App/SDK port',
    media: 'Media port',
    mobile: 'Phone-app port',
    rtmp: 'RTMP video',
    rtp: 'RTP video (UDP)',
    webrtc: 'WebRTC video',
    recording: 'Recording server',
    event: 'Event server',
    management: 'Camera management',
    discovery: 'Discovery',
    upnp: 'UPnP',
    igd: 'Router UPnP control',
    'nat-pmp': 'NAT-PMP/PCP',
    telnet: 'Telnet',
    ftp: 'FTP',
    ssh: 'SSH',
    backdoor: 'Hidden service',
  },
  /** How each identified service is named in the table. */
  service: {
    http: 'Web page (HTTP)',
    https: 'Web page (HTTPS)',
    rtsp: 'Video streams (RTSP)',
    onvif: 'ONVIF',
    sdk: 'Maker’s app/SDK protocol',
    ssh: 'SSH (remote shell)',
    telnet: 'Telnet (remote shell, unencrypted)',
    ftp: 'FTP (file transfer)',
    unknown: 'Not identified',
  },
  neededOutside: {
    yes: 'Yes',
    no: 'No',
    'only-with-vendor-app': 'Only for the maker’s phone app',
  },
  risk: {
    none: 'none',
    low: 'low',
    medium: 'medium',
    high: 'high',
  },
  /** A port that did not answer. */
  state: {
    open: 'open',
    closed: 'closed',
    filtered: 'filtered',
  },
  declaredBy: {
    onvif: 'the NVR over ONVIF',
    sadp: 'the NVR’s Hikvision search answer (SADP)',
    dhip: 'the NVR’s Dahua search answer (DHIP)',
    discovery: 'the NVR’s discovery answer',
    catalogue: 'the maker’s usual ports (the app’s catalogue)',
  },
  /** "80, 443 and 554": the last two ports joined by `last`, the others by `separator`. */
  list: {
    separator: ', ',
    last: '{ports} and {last}',
  },
  /** One port a change moves: "Web page (HTTP): 80 → 12080". */
  change: '{role}: {from} → {to}',

  audit: {
    pendingTitle: 'A port change did not finish.',
    pending:
      '{title} The app stopped while it was moving {changes} (started {time}). Press “Check the ports again”: the app first finds where the NVR answers now, then measures as usual.',
    pendingChange: '{role} from {from} to {to}',
    pendingSeparator: ', ',
    check: 'Check the ports',
    checkAgain: 'Check the ports again',
    note: 'The usual ports take a few seconds.',
    checkEvery: 'Check every port (1–65535, slower)',
    checkingEvery: 'Checking every port…',
    notChecked:
      'Press “Check the ports”: the app knocks on the ports NVRs usually use (nothing is changed on the NVR).',
    firstVisit:
      'Checking now: this step checks the usual ports by itself on its first visit (nothing is changed on the NVR). Cancel stops it.',
    starting: 'Starting the port check…',
    startingEvery: 'Starting the check of every port…',
    summary: {
      open: { one: '{count} port open.', other: '{count} ports open.' },
      risky: {
        one: '{count} of them is risky to open to the internet.',
        other: '{count} of them are risky to open to the internet.',
      },
      factory: { one: '{count} still uses its factory port.', other: '{count} still use their factory port.' },
      plainText: {
        one: '{count} sends passwords or video unencrypted.',
        other: '{count} send passwords or video unencrypted.',
      },
    },
    tableCaption: 'Ports of your NVR',
    declaredClosedTitle: 'Named by the NVR, but closed:',
    declaredClosed: {
      single:
        'the NVR says it uses {ports}, but it did not answer. The service may be switched off (good, if you do not use it), or the NVR reports an old setting.',
      several:
        'the NVR says it uses {ports}, but they did not answer. The service may be switched off (good, if you do not use it), or the NVR reports an old setting.',
    },
    // Said of one port or of several (the words, not a count: `single` or `several`).
    undeclaredOpenTitle: { single: 'Open, but nobody named it:', several: 'Open, but nobody named them:' },
    undeclaredOpen: {
      single:
        '{ports} answers, but neither the NVR’s own settings nor its maker’s usual ports explain it. Find out what it is before opening anything to the internet; never forward it.',
      several:
        '{ports} answer, but neither the NVR’s own settings nor its maker’s usual ports explain them. Find out what they are before opening anything to the internet; never forward them.',
    },
    onvifSays: 'The NVR’s ONVIF settings say: {protocols}.',
    /** One protocol in "The NVR's ONVIF settings say": its name, then its ports, "on" or "off". */
    protocol: '{name} {ports}',
    protocolOn: 'on',
    protocolOff: 'off',
    protocolSeparator: '; ',
    noOnvifLogin:
      'The app could not read the NVR’s own port settings (no ONVIF login), so “who says it belongs to the NVR” relies on its search answers and its maker’s usual ports.',
  },

  table: {
    port: 'Port',
    service: 'Service',
    purpose: 'What it is for',
    neededOutside: 'Needed outside?',
    risk: 'Risk',
    recommendation: 'Recommendation',
    factoryDefault: 'factory default',
    unencrypted: 'unencrypted',
    admin: 'admin',
    noPassword: 'answers without a password',
    showDetails: 'Why? Details',
    hideDetails: 'Hide details',
    forPort: 'for port {port}',
    whyRisk: 'Why this risk ({risk})',
    nothingAgainst: 'Nothing known against it.',
    howIdentified: 'How the app identified it',
    noAnswer: 'No answer to show (the port did not answer, or said nothing about itself).',
    whoSays: 'Who says it belongs to the NVR',
    declaredBySeparator: '; ',
    nobody: 'Nobody: the NVR did not name it and it is not one of its maker’s usual ports.',
    noPorts: 'No ports answered.',
  },

  plan: {
    heading: '1. Choose new ports',
    intro:
      'Ports that every scanner on the internet tries first (80, 443, 554, 8000…) are moved to ports nobody guesses. The app proposes free ones; you may type others. Nothing changes on the NVR until you press Apply and confirm.',
    failed: 'The proposal could not be made.',
    making: 'Making the proposal…',
    checking: 'Checking the new ports…',
    problems: {
      one: '{count} problem to fix before applying.',
      other: '{count} problems to fix before applying.',
    },
    notes: { one: '{count} note; the ports can be applied.', other: '{count} notes; the ports can be applied.' },
    caption: 'Proposed new ports',
    role: 'Role',
    now: 'Now',
    newInside: 'New inside',
    newOutside: 'New outside',
    why: 'Why',
    yourChoice: 'your choice',
    newPortFor: 'New port for {role}',
    mustEqualInside: 'must equal inside (maker’s rule)',
    sameAsInside: 'same as inside',
    // What the user typed is not a port number (said on the page; nothing is sent to main for it).
    enterPort: 'Enter a port number.',
    wholeNumber: 'A port is a whole number, like 18080.',
    outOfRange: 'A port is a number from 1 to 65535.',
  },

  apply: {
    heading: '2. Apply through ONVIF',
    intro:
      'The app moves the web page and the video streams itself, then checks that the old ports are closed and the new ones answer.',
    button: 'Apply through ONVIF…',
    running: 'Applying…',
    refused: 'The ports were not moved.',
    refusedButton: 'Apply through ONVIF',
    yesAnyway: 'Yes, move them anyway',
    progress: 'Port change progress',
    cancelHelp: 'If the NVR is already changing, the app puts the old ports back and checks them.',
    orChange: 'Or change the new ports above first.',
    noOnvif: 'This NVR does not let the app move its ports over ONVIF: change them in its web page (below).',
    starting: 'Starting the change…',
    measurementStopped:
      'The ports were moved and checked; the new measurement was stopped. Press “Re-check” to see the ports as they are now.',
    // Why "Apply" cannot be pressed now.
    blocked: {
      noNvr: 'Choose your NVR first.',
      pending:
        'A port change did not finish last time. Check the ports first: the app finds where the NVR answers now.',
      noPlan: 'Check the ports first: the proposal comes from what the check finds.',
      inputProblems: 'Fix the port numbers marked below first.',
      problems: {
        single: 'One of the new ports has a problem (marked below). Change it first.',
        several: 'Some of the new ports have problems (marked below). Change them first.',
      },
      planning: 'The app is checking the new ports…',
      notChecked: 'The new ports could not be checked yet. Change one again, or go back to the app’s proposal.',
      auditing: 'Wait for the port check to finish.',
      nothing: 'Nothing to change through ONVIF: the ports are already as proposed.',
    },
  },

  confirm: {
    moveTitle: 'Move these ports on {name}?',
    moveYes: 'Yes, move the ports',
    moveText:
      'The NVR’s web page and video will move to these ports; the app checks and puts them back if anything fails. Phones, recorders or bookmarks that use the old ports need the new ones afterwards.',
    revertTitle: 'Put the old ports back on {name}?',
    revertYes: 'Yes, put them back',
    revertText: '{changes}. The app checks the result the same way and puts things back if anything fails.',
    revertSeparator: '; ',
    warningsBefore: {
      single: 'The app would not have proposed this:',
      several: 'The app would not have proposed these:',
    },
    warningsAfter: '“Yes” moves the ports anyway.',
  },

  manual: {
    heading: '3. Ports to change in the NVR’s web page',
    intro: 'ONVIF cannot move these. Change them in the NVR’s own web page with the exact values below, then re-check.',
    recheck: 'Re-check the ports',
    recheckWhen: 'After you saved the new values in the NVR’s web page.',
    title: '{role}: change it in the NVR’s web page',
    fromTo: 'From {current} to {value}',
    copyValue: 'Copy {port}',
    copy: 'Copy',
    copyStep: 'Copy step {number}',
    theNewPort: 'the new {role} {port}',
    step: 'step {number}',
    copied: 'Copied {what}.',
    notCopied: 'Could not copy: select {text} and copy it yourself (Ctrl+C).',
    sourcesTitle: 'Where these steps come from',
    source: '{title} ({confidence}): {supports}.',
    confidence: {
      H: 'the maker’s own document',
      M: 'a partner or OEM document',
      L: 'another source, not confirmed by the maker',
    },
    general: 'General steps: the menu differs between makers and models, and the app has no document for this one.',
  },

  verify: {
    revert: 'Put the old ports back…',
    recheck: 'Re-check',
    recheckHelp:
      'The status only turns “verified” from a measurement: after a change the app checks that each old port is closed and the new one answers the same service. Ports you changed in the NVR’s web page are checked by “Re-check”.',
  },

  result: {
    outcome: {
      verified: 'verified',
      partial: 'partly moved',
      restored: 'put back',
      failed: 'failed',
    },
    role: '{role}:',
    checked: '(checked)',
    notConfirmed: '(not confirmed)',
    onvifUrl: 'The app now reaches the NVR at {url}.',
  },

  eachAlone: {
    title: 'The NVR refused these ports together. It may take some of them.',
    text: 'The app can move each one on its own — {changes} — keep what the NVR takes, and put back and check what it refuses.',
    change: '{role} to {to}',
    separator: ', then ',
    button: 'Move each port on its own',
  },
  /**
   * What main says about the ports, said by key (issue 16 item 4): main keeps its English sentence beside the key and
   * values (the JSON, the record), the page and the CLI say them in the user's language. A port's recommendation, its
   * risk reasons and purpose (src/main/services/ports/port-judgement.ts: the catalogue's own facts, src/shared/catalog/
   * ports.ts, stay English data), the plan's "why" lines (port-proposal.ts, port-plan.ts) and its problems
   * (port-proposal-check.ts), and the step's verdict after a change (port-verdict.ts). A port's service is said by its
   * name above (`role`, filling {role}); ports are passed as strings.
   */
  said: {
    /** What to do about a port (recommendationFor). */
    advice: {
      declaredClosed:
        'Nothing answers here although the device says it uses this port: the service is switched off (fine) or moved. Do not forward it.',
      closed: 'Closed: nothing to do.',
      backdoor:
        'Close it: this is a hidden service the owner cannot turn off. Update the firmware, never forward it, and prefer the VPN.',
      telnet:
        'Close it: telnet sends passwords in plain text. Turn telnet off in the NVR’s settings (or update the firmware) and never forward it.',
      ftp: 'Close it: FTP sends passwords and files in plain text. Turn FTP off unless you use it on your own network, and never forward it.',
      ssh: 'Do not forward: SSH is for maintenance on your own network. Turn it off if you do not use it.',
      lanOnly: 'Never forward: it only works on your own network.',
      onvif: 'Do not forward: ONVIF is for setting up and viewing on your own network.',
      sdkCve: 'Do not forward: vendor SDK port with a history of serious flaws — use the VPN or the vendor app.',
      sdkHigh:
        'Do not forward: the vendor’s own SDK port, one that scanners know belongs to this brand — use the VPN or the vendor app.',
      sdk: 'Do not forward unless you watch through the vendor’s app by address; the VPN or the vendor’s cloud app is safer. If you must, move it to a non-standard port first.',
      unknown:
        'Find out what this is: an open port nothing here recognises. If you do not use it, turn it off in the NVR’s settings; never forward it.',
      httpNoLogin:
        'Protect it first: the web page opened without a login. Set an admin password, then never forward plain HTTP — forward only as HTTPS on a non-standard port.',
      httpNoPage:
        'Do not forward: plain HTTP with no web page at its address. Find out what uses it; if nothing you need does, turn it off in the NVR’s settings.',
      httpDefault:
        'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port (move it below), or use the VPN.',
      http: 'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port, or use the VPN.',
      httpsNoLogin:
        'Protect it first: the web page opened without a login. Set an admin password before anything else; then forward it only as HTTPS on a non-standard port, or use the VPN.',
      httpsCve:
        'Do not forward: this brand’s web server has a history of serious flaws. Update the firmware and use the VPN.',
      httpsHigh: 'Do not forward it as it is (see the risks listed). Use the VPN.',
      httpsDefault:
        'Forward only as HTTPS on a non-standard port: move it from the factory number first (below). The VPN is safer still.',
      https: 'If you forward the web page, forward this HTTPS port (same number outside). The VPN is safer still.',
      rtspNoAuth:
        'Turn on RTSP authentication first: the video plays for anyone who connects. Then forward it only if a player outside needs it.',
      rtspDefault:
        'Forward only if a player or recorder outside needs the stream, on a non-standard port (move it below) and over TCP; better, watch through the VPN.',
      rtsp: 'Forward only if a player or recorder outside needs the stream, over TCP; better, watch through the VPN.',
      otherwise: 'Do not forward it unless you know you need it from outside.',
    },
    /** Why a port is a risk, from its role and what was measured (riskFor). */
    risk: {
      backdoor: 'A hidden service the owner cannot turn off.',
      telnet: 'Telnet sends the login in plain text.',
      ftp: 'FTP sends the login and files in plain text.',
      ssh: 'A remote shell on the device.',
      onvif: 'ONVIF lets a logged-in program change the device settings. Keep it on the home network.',
      lanOnly: 'A home-network protocol: it is of no use from outside and must never be forwarded.',
      sdk: "The vendor's own binary protocol for its apps and PC software: never forward it straight to the internet.",
      httpAdmin: 'The admin web page, unencrypted: passwords cross the network readable.',
      httpsAdmin: 'The admin web page (encrypted).',
      rtsp: 'Live video; RTSP is unencrypted.',
      rtspNoAuth: 'The video stream plays without a password.',
      noLogin: 'The web page opened without a login.',
      expired: 'Its certificate has expired.',
      httpNoPage: 'Plain HTTP answers here, with no web page at its address: something else uses it.',
      unrecognised: 'Something unrecognised listens here.',
    },
    /** What a port is for, where the catalogue has no fact about it (purposeFor); {product}: what answered. */
    purpose: {
      http: 'Web page (admin and live view)',
      httpProduct: 'Web page (admin and live view) ({product})',
      https: 'Encrypted web page (admin and live view)',
      httpsProduct: 'Encrypted web page (admin and live view) ({product})',
      rtsp: 'Video streams for players and recorders (RTSP)',
      onvif: 'ONVIF device service (set-up and video for ONVIF programs)',
      sdk: "The vendor's own port for its apps and PC software",
      sdkProduct: "The vendor's own port for its apps and PC software ({product})",
      service: '{service} service',
      serviceProduct: '{service} service ({product})',
      unknown: 'Unknown: nothing here recognised what answered',
      role: '{role}',
      roleProduct: '{role} ({product})',
      /** After the purpose, where the ONVIF device service shares the port (joined with "; "). */
      onvifToo: 'the ONVIF device service answers here too',
    },
    /** The plan's reasons, one sentence each (a proposal's are joined with a space). */
    why: {
      keep: '{role}: keep {port}: it is already a port scanners do not look for, and no other service uses it.',
      move: '{role}: move it from {from} to {to}, a port scanners do not look for and no other service uses.',
      sharedWith: 'It stays shared with {others}.',
      nextPort: 'It stays one above the network port, as the device expects.',
      samePortRequiredBy: 'Forward it with the same number outside; {brand} requires it.',
      samePortRequired: 'Forward it with the same number outside; the vendor requires it.',
      samePortRecommended: "Forward it with the same number outside: the vendor's apps learn the port from the device.",
      youKeep: '{role}: you chose to keep {port}.',
      youMove: '{role}: move it from {from} to {to} (your choice).',
    },
    /** What is wrong with a port in the plan (validateProposal, buildPortPlan). */
    problem: {
      notPort: '{role}: {port} is not a port number. Use a whole number from {min} to {max}.',
      notPortOutside: '{role}: the outside port {port} is not a port number. Use a whole number from {min} to {max}.',
      wellKnown:
        '{role}: {port} is below 1024. Those ports belong to standard services and are the first ones scanners try. Use a whole number from {min} to {max}.',
      wellKnownKeep:
        '{role}: {port} is below 1024. Those ports belong to standard services and are the first ones scanners try. Use a whole number from {min} to {max}. It is the port the device uses now: keeping it works, but moving it is safer.',
      wellKnownOutside:
        '{role}: the outside port {port} is below 1024. Those ports belong to standard services and are the first ones scanners try. Use a whole number from {min} to {max}.',
      ephemeral:
        '{role}: {port} is 32768 or above. Computers and routers take ports from there for their own outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. Use a whole number from {min} to {max}.',
      ephemeralKeep:
        '{role}: {port} is 32768 or above. Computers and routers take ports from there for their own outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. Use a whole number from {min} to {max}. It is the port the device uses now: keeping it works, but moving it is safer.',
      ephemeralOutside:
        '{role}: the outside port {port} is 32768 or above. Computers and routers take ports from there for their own outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. Use a whole number from {min} to {max}.',
      duplicate: '{role} and {other} both use {port}/{transport}. Each service needs its own port.',
      inUseDevice: '{role}: {port} is already used by another service on this device.',
      inUseDeviceBy: '{role}: {port} is already used by another service on this device ({where}).',
      inUseFactory:
        '{role}: {port} is also used by {where}, as factory ports often are. A router can forward an outside port to only one device: keep this one unforwarded, or pick another port.',
      inUseOther: '{role}: {port} is already used by {where}. A router can forward an outside port to only one device.',
      /** Fills {where} when the other device's name is not known. */
      anotherDevice: 'another device on your network',
      mustMatchBy:
        '{role}: the outside port ({outside}) must be the same as the port on the device ({port}); {brand} requires it.',
      mustMatch:
        '{role}: the outside port ({outside}) must be the same as the port on the device ({port}); the vendor requires it.',
      keepMatching:
        "{role}: keep the outside port ({outside}) the same as the port on the device ({port}); the vendor's apps learn the port from the device.",
      nextPortTaken: '{role}: the device also uses the next port ({next}), and it is not free. Pick another number.',
      vendorDefault:
        '{role}: {port} is a known factory port ({service} of {brands}). Scanners look for it; a less common number is safer.',
      vendorDefaultTwo:
        '{role}: {port} is a known factory port ({service} of {brands}; {service2} of {brands2}). Scanners look for it; a less common number is safer.',
      commonlyScanned:
        '{role}: {port} is a popular alternate port that internet scanners sweep. A less common number is safer.',
      notOnDevice:
        '{role}: the device has no such port open, so there is nothing to move. Measure again if you just switched it on.',
    },
    /** The step's verdict after a change (portsStepVerdict): the factory ports left, by service. */
    verdict: {
      factoryPortLeft: 'The change was verified, but factory ports remain: {role} on {port}. Move them too.',
      factoryPortsLeftTwo:
        'The change was verified, but factory ports remain: {role} on {port}, {role2} on {port2}. Move them too.',
      factoryPortsLeftThree:
        'The change was verified, but factory ports remain: {role} on {port}, {role2} on {port2}, {role3} on {port3}. Move them too.',
    },
    /** RTSP over TCP (port-proposal.ts, RTSP_TRANSPORT_ADVICE): the plan's advice under the manual steps. */
    rtspAdvice: {
      title: 'Watch RTSP over TCP',
      text: 'Set your player or recorder to "RTSP over TCP" (in ffmpeg: -rtsp_transport tcp). Then the video travels inside the one RTSP connection. With RTP over UDP the camera sends the video from extra UDP ports (pairs such as 5556–5559 on Vivotek), and a home router (NAT) does not pass those back to you: the picture stays black or freezes unless every one of them is forwarded too. Better still, watch through a VPN and forward no RTSP port at all.',
    },
  },
} as const;
