// The checklist group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Checklist page's own words; the checklist itself (steps, reasons, findings, the picture and its sentences, the
// status words) is main's and comes as it is. File names, sizes' units and paper names like A4 are data.
export const checklist = {
  emptyText: 'No checklist downloaded yet.',
  verifiedText: 'The checklist you downloaded says what the setup says now.',
  loadErrorTitle: 'The checklist could not be made from the saved setup.',
  foundAtLabel: 'Setup last changed',
  intro:
    'Everything the wizard found, changed and proved, and what is still to do, on one page to keep or hand to whoever looks after your system. It never contains a password, a token or a key.',
  verifyHow:
    'The status turns “verified” when you download the checklist, and stays so while the setup does not change. Any later change (a step checked again, a port moved) makes your copy out of date: download it again.',

  download: {
    label: 'Download the checklist',
    a4: 'Download PDF (A4)',
    letter: 'Letter',
    letterLabel: 'Download PDF (US Letter)',
    json: 'Download JSON',
  },

  last: {
    at: 'Last downloaded {time} as {format}.',
    atFile: 'Last downloaded {time} as {format} — {file}, {size}.',
    pdf: 'PDF ({paper})',
    size: '{size} KB',
    current: 'It says what the setup says now.',
    outdated: 'The setup changed since: download it again.',
  },

  done: {
    noNvr: 'No NVR chosen yet.',
    findIt: 'Find it on the step {step}; the checklist then names it, its address and how the address is kept.',
    findStep: 'Find your NVR',
    nvr: 'NVR',
    brandModel: 'Brand and model',
    firmware: 'Firmware',
    mac: 'MAC',
    address: 'Address',
    addressKept: 'Address kept',
    addressKind: {
      static: 'static',
      reserved: 'reserved in the router',
      dhcp: 'from DHCP (may change)',
      unknown: 'not checked yet',
    },
    heading: 'Done',
    verifiedAt: 'verified {time}',
    none: 'No step is verified yet: everything is still to do (below).',
    carriedHeading: 'In the checklist',
    reading: 'Reading the saved setup…',
  },

  carried: {
    ports: 'Ports open on the NVR',
    portsNone: 'none',
    portsNotMeasured: 'not measured yet',
    rules: 'Forward rules',
    rulesInPlan: { one: '{count} in the plan', other: '{count} in the plan' },
    noPlan: 'no plan yet',
    upnp: 'UPnP mappings',
    upnpOnRouter: { one: '{count} on the router', other: '{count} on the router' },
    notChecked: 'not checked yet',
    ddns: 'DDNS name',
    ddnsNone: 'none yet',
    public: 'Public address',
    publicUnknown: 'unknown',
    proof: 'Test from outside',
    proofNotDone: 'not done yet',
    vpn: 'VPN',
    vpnValue: '{server}; {devices} (by public key)',
    vpnNoDevice: 'no device',
  },

  picture: {
    scoreHeading: 'Security score',
    scoreNone: 'Not checked yet: the {step} step gives the score and the fixes worth most.',
    securityStep: 'Security',
    highRisk: 'A critical or high risk is open: fix it before the NVR is reachable from outside.',
    fixesLeft: 'Fixes are left: each says how many points it is worth.',
    nothingLeft: 'Nothing left to fix.',
    checkedAt: 'Security check of {time}; 100 less what each open finding is worth.',
    fixesLabel: 'The fixes, the one worth most first',
    worth: { one: '+{count} point', other: '+{count} points' },
    severity: '({severity})',
    severities: {
      critical: 'critical',
      high: 'high',
      medium: 'medium',
      low: 'low',
      info: 'info',
      unknown: 'not checked',
    },
    heading: 'How your NVR is reached',
    legend:
      'Colour shows the risk, and every box and port also says it in words. Dashed: a UPnP mapping a device opened, or the VPN.',
    inWords: 'The picture in words',
    none: 'The picture could not be drawn.',
  },

  /**
   * The topology picture's own words (src/shared/domain/topology-words.ts: the boxes, the exposures' labels and the
   * picture's sentences; the PDF and the page say them). Addresses, ports and names are values, as they are.
   */
  topology: {
    internet: 'Internet',
    ispBox: 'ISP box',
    carrierNat: 'Carrier’s NAT',
    router: 'Your router',
    nvrBox: 'NVR: {name}',
    noPublic: 'public address not checked',
    sharedPublic: 'shared public address',
    secondRouter: 'a second router',
    /** A device's box: its address and its risk (`riskWords`). */
    deviceAt: '{address} · {risk}',
    deviceUnknown: 'address unknown · {risk}',
    /** A box at risk that does not say it yet: its detail, then its risk. */
    atRisk: '{detail} · {risk}',
    riskWords: { none: 'no risk found', low: 'low risk', medium: 'medium risk', high: 'high risk' },
    /** An exposure's label on the page's picture: {port} ("8000/tcp (UPnP)"), the box it leads to, its risk. */
    arrow: '{port} → {to} · {risk}',
    arrowRisk: { none: 'none risk', low: 'low risk', medium: 'medium risk', high: 'high risk' },
    sentences: {
      internet: 'The internet.',
      internetAt: 'The internet sees your network as {address}.',
      internetNamed: 'The internet (name {name}).',
      internetAtNamed: 'The internet sees your network as {address} (name {name}).',
      cgnat: 'Your provider’s carrier-grade NAT sits in front of your router: nothing from the internet reaches it.',
      doubleNat: 'An ISP box sits in front of your router (double NAT).',
      router: 'Your router connects:',
      routerAt: 'Your router ({address}) connects:',
      nvr: 'the NVR {name} at {address} ({risk});',
      nvrUnknown: 'the NVR {name} at an unknown address ({risk});',
      camera: 'a camera {name} at {address} ({risk});',
      cameraUnknown: 'a camera {name} at an unknown address ({risk});',
      nothingOpen: 'Nothing is open from the internet that the app knows of.',
      /** {how}: `how`; {risk}: `riskWords`. */
      exposure: 'Port {port}/{protocol} from the internet to {to}:{toPort}, by {how} ({risk}).',
      exposureReached:
        'Port {port}/{protocol} from the internet to {to}:{toPort}, by {how} ({risk}; reached from outside).',
      exposureNotReached:
        'Port {port}/{protocol} from the internet to {to}:{toPort}, by {how} ({risk}; not reached from outside).',
      how: { rule: 'a forward rule you planned', upnp: 'a UPnP mapping a device opened', vpn: 'the VPN' },
      otherDevices: {
        one: '{count} other device found on your network: nothing open from the internet leads to it.',
        other: '{count} other devices found on your network: nothing open from the internet leads to them.',
      },
    },
  },

  todo: {
    none: 'Nothing: every step is verified.',
    count: {
      one: '{count} step is not verified yet. The checklist lists each of them as a box to tick:',
      other: '{count} steps are not verified yet. The checklist lists each of them as a box to tick:',
    },
    goTo: 'Go to {title}',
    openStep: 'Open the step “{title}” and follow it.',
    how: {
      network:
        'Check which network this computer is on and choose how you will reach the NVR (a VPN is the safest way).',
      find: 'Find your NVR on the network and choose it; log in once so the app can read its model and firmware.',
      staticIp:
        'Give the NVR an address that does not change: a static address set on the NVR, or a reservation in the router.',
      ports: 'Measure the NVR’s ports, move the default ones and close what is not needed from outside.',
      security:
        'Check the NVR’s security: the score and the fixes worth most first (default passwords, firmware with known flaws, risky services), and how strong its password is.',
      upnp: 'See what UPnP opened on your router, delete the mappings to the NVR and turn UPnP off on the NVR and the router.',
      internet: 'Check the address the internet sees, then test from outside that only the planned ports answer.',
      ddns: 'Point a DDNS name at your public address and check that it does.',
      rules: 'Make the fewest forward rules for what you need and enter them in your router.',
      vpn: 'Set up the VPN, so you reach the NVR without forwarding any of its ports.',
      verify:
        'Re-check everything the steps saved (address, ports, UPnP, public address, DDNS, the test from outside); run it again from time to time.',
      checklist: 'Download this checklist (PDF or JSON) and keep it; download it again after any change.',
    },
  },

  /**
   * How a step's status is said in the checklist (the PDF, the page, the CLI): the same words as CHECKLIST_STATUS_WORDS
   * (src/shared/domain/checklist-schema.ts, the English a test holds equal to these).
   */
  status: {
    notStarted: 'not done yet',
    working: 'started',
    verified: 'verified',
    attention: 'needs attention',
    skipped: 'skipped',
    planned: 'not in this version yet',
  },

  /**
   * main's words in the checklist (src/shared/domain/checklist.ts): said by key, so the PDF, the page and the CLI say
   * them in the reader's language; the checklist keeps the English sentence beside them (the JSON).
   */
  said: {
    /** What the NVR's address kind rests on. */
    basis: {
      noNvr: 'No NVR chosen yet.',
      notChecked: 'The address settings were not checked yet (Static IP step).',
      setByApp: 'Set static by the app and verified ({time}).',
      reserved: 'Reserved for its MAC in the router, and the device has that address.',
      dhcpOff: 'The device reports DHCP off (a fixed address).',
      dhcp: 'The device takes its address from DHCP: it may change.',
    },
    /** Why a step is on the to-do list (its own reason, when it has one, follows). */
    todo: {
      notStarted: 'Not done yet.',
      working: 'Started and not finished.',
      attention: 'Needs attention.',
      skipped: 'Skipped.',
      planned: 'Not in this version of the app yet.',
    },
  },
} as const;
