// The ports group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Ports step's page (src/renderer/steps/ports/), its components (Port*.vue, port-labels.ts) and its store's
// messages; and, under `said` (./said/ports.ts), what main says by key (a port's purpose, risk reasons and
// recommendation, the plan's "why" and problems); under `purposes` (./said/port-purposes.ts), what each port of the
// shared port catalogue is for. The rest of main's words (a change's message and evidence, the maker's manual steps,
// the catalogue's other facts) stay main's English. Ports and addresses are passed as strings
// (identifiers, not quantities).
import { portPurposes } from './said/port-purposes';
import { portsSaid } from './said/ports';

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
  /** What main says about the ports, said by key (./said/ports.ts). */
  said: portsSaid,
  /** What each port of the shared port catalogue is for, by brand, role and port (./said/port-purposes.ts). */
  purposes: portPurposes,
} as const;
