// The upnp group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The UPnP step (src/renderer/steps/upnp/) and its store's words (stores/upnp.ts).
export const upnp = {
  /** The check's name in CheckState's sentences ("Router check progress", "The router check did not work."). */
  checkWhat: 'router',
  intro:
    'UPnP lets any device on your network ask the router to open a port to the internet, without asking you. Many NVRs and cameras do it by themselves, so their login page and video can be reached from anywhere. The app asks your router what it opened, and for which device, and deletes the mappings you choose.',
  emptyText: 'The router is not checked yet.',
  verifiedText: 'Neither UPnP nor NAT-PMP answers at your router: no device can open a port to the internet by itself.',
  loadErrorTitle: 'The saved router check could not be read.',

  /** What the router did with a mapping the user chose to delete (its badge). */
  deletion: {
    gone: 'Gone',
    'not-gone': 'NOT GONE',
    refused: 'Refused',
    'not-sent': 'Not sent',
  },
  /** What UPnP error 606 means for the user, and what to do instead. */
  notAuthorized:
    'This router lets each device delete only the mappings it opened itself, so the app cannot delete this one for it. Turn UPnP off on that device (in its network settings), then remove the mapping on the router’s own page (often under “UPnP” or “NAT”).',
  /** A lease or a wait: “45 s”, “10 min”, “3 h”, “7 days”. */
  duration: {
    seconds: { one: '{count} s', other: '{count} s' },
    minutes: { one: '{count} min', other: '{count} min' },
    hours: { one: '{count} h', other: '{count} h' },
    days: { one: '{count} day', other: '{count} days' },
  },
  lease: {
    never: 'never expires',
    expiresIn: 'expires in {duration}',
  },
  /** The router's UPnP gateway in a line: its name as it gives it (quoted), its maker and model, the IGD version. */
  igd: {
    none: 'no UPnP gateway answered',
    name: '“{name}”',
    version: 'UPnP IGD {version}',
  },
  /** NAT-PMP at the router: whether it answered, the external address it gave, and PCP. */
  natPmp: {
    none: 'no answer (off)',
    answers: 'answers',
    answersAt: 'answers (external address {address})',
    answersPcp: 'answers; PCP answers too',
    answersAtPcp: 'answers (external address {address}); PCP answers too',
  },

  found: {
    checkFirst: 'Check the router',
    checkAgain: 'Check the router again',
    checkNote: 'Reading only: the app asks your router (and only it), nothing is changed. About 5 seconds.',
    notChecked:
      'Press “Check the router”: the app asks your router which ports it opened through UPnP, and for which device. Run “Find your NVR” first, so the devices are named.',
    firstVisit:
      'Checking now: this step asks your router by itself on its first visit (nothing is changed). Cancel stops it.',
  },

  router: {
    title: 'Your router',
    router: 'Router',
    noGateway: 'none (no default gateway)',
    upnp: 'UPnP',
    external: 'External address',
    notKnown: 'not known',
    natPmp: 'NAT-PMP / PCP',
  },

  mappings: {
    title: 'Ports the router opened through UPnP',
    none: 'The router lists no UPnP port mappings.',
    noGateway: 'No UPnP gateway answered, so there is no list to read.',
    count: { one: '{count} mapping.', other: '{count} mappings.' },
    countCameras: {
      one: '{count} mapping, {cameras} of them to a camera or recorder.',
      other: '{count} mappings, {cameras} of them to a camera or recorder.',
    },
    how: 'Tick the ones to delete.',
    howCameras: 'Tick the ones to delete (those to a camera or recorder are ticked for you).',
    caption: 'The router’s UPnP port mappings',
    column: {
      delete: 'Delete',
      protocol: 'Protocol',
      external: 'Outside port',
      internal: 'Leads to',
      device: 'Device',
      service: 'Service',
      lease: 'Lease',
      description: 'Description',
    },
    /** The tick box's label: “Delete TCP 8000 to 192.168.1.64:8000”. */
    pick: 'Delete {mapping} to {address}',
    off: 'off',
    fromOnly: 'from {host} only',
    notIdentified: 'not identified',
    yourNvr: 'your NVR',
    camera: 'camera / recorder',
    listPart: 'The list could only be read in part.',
    /** The same, with main's words on why. */
    listPartNote: 'The list could only be read in part: {note}',
  },

  delete: {
    needsAudit: 'Check the router first: the app lists what it opened, and you choose what to delete.',
    heading: '1. Delete the mappings you chose',
    help: 'The app asks the router to delete each one through UPnP, then reads the router’s list again: a mapping counts as gone only when the router no longer lists it.',
    deleting: 'Deleting…',
    button: 'Delete the chosen mappings ({count})…',
    /** The button when every ticked mapping opens a camera or recorder: it deletes at once, no question follows. */
    buttonNow: 'Delete the chosen mappings ({count})',
    /** Under the button then: what the confirmation would have said, and when the question does come. */
    now: 'The router stops forwarding these ports from the internet. Nothing changes on the devices: one with UPnP still on may open its ports again. The app asks first only when you tick a mapping that is not to a camera or recorder.',
    chosen: { one: '{count} mapping chosen.', other: '{count} mappings chosen.' },
    confirmTitle: { one: 'Delete {count} mapping on the router?', other: 'Delete {count} mappings on the router?' },
    yesOne: 'Yes, delete it',
    yesMany: 'Yes, delete them',
    confirmText:
      'The router stops forwarding these ports from the internet. Nothing changes on the devices: one with UPnP still on may open its ports again.',
    progress: 'Deletion progress',
    stopped: 'The deletion was stopped; the list below is the last one read.',
    failed: 'The deletion did not work.',
    nothingMapped: 'The router lists no mappings: there is nothing to delete.',
    turnOff: 'Turn UPnP off',
    turnOffNumbered: '2. Turn UPnP off',
  },

  deletions: {
    thisRun: 'What the router did',
    before: 'Deleted before (newest first)',
    reread: 'The router’s list was read again afterwards: the table above shows what it holds now.',
  },

  turnOff: {
    advice:
      'Deleting is not enough while UPnP is on: a device opens its ports again at its next start. Turn UPnP off on the NVR and on each camera, and on the router (turn NAT-PMP or PCP off there too). Forward only the ports you decide, on the router’s own page.',
    recorders: 'On the NVR and the cameras',
    router: 'On the router (menus differ by firmware)',
    /** Where UPnP is switched off, one line each (src/shared/catalog/upnp-off.ts): a family or brand, its path, a note. */
    line: '{name}: {path}',
    lineNote: '{name}: {path} ({note})',
    /** A path the reference does not confirm (confidence L): never stated as fact. */
    lookFor: 'look for {path}',
    /**
     * Each path and note, by the table's id (its source is beside it there); the menus' labels inside are the vendor's
     * own (as its English interface and manual name them), and the commands to type come from the table.
     */
    paths: {
      tplink: { path: 'Advanced > NAT Forwarding > UPnP: switch it off', note: 'TP-Link ships UPnP on.' },
      asus: { path: 'Advanced Settings > WAN > Internet Connection > "Enable UPnP": No' },
      netgear: {
        path: 'ADVANCED > Advanced Setup > UPnP: clear "Turn UPnP On"',
        note: 'The same page shows the "UPnP Portmap Table". The default differs by model.',
      },
      linksys: { path: 'Connectivity > Administration > UPnP' },
      fritzbox: {
        path: 'Home Network > Network > Network Connections > edit the device: clear "Permit independent port sharing for this device" (PCP or UPnP)',
        note: 'Per device, not for the whole router: clear it for the NVR and each camera.',
      },
      unifi: {
        path: 'Settings > Internet > [your WAN] > UPnP: off',
        note: 'NAT-PMP is a separate toggle there; it has no effect while UPnP is off.',
      },
      openwrt: {
        path: '{commands} (or LuCI: Services > UPnP IGD & PCP/NAT-PMP, clear "Enable service")',
        note: 'Off unless the miniupnpd package was installed and enabled.',
      },
      mikrotik: { path: '{command} (or IP > UPnP)', note: 'Off by default.' },
      pfsense: {
        path: 'pfSense: Services > UPnP & NAT-PMP (newer: UPnP IGD & PCP), untick enable; OPNsense: Services > UPnP IGD & PCP, untick enable',
      },
      eero: { path: 'eero app: Settings > Advanced > UPnP: off' },
      isp: {
        name: 'An ISP box (BT, Orange, Vodafone, Sky, Xfinity, Fios…)',
        path: '"UPnP" under Advanced, Firewall or Network settings (BT Smart Hub: Advanced Settings > Firewall > UPnP; Orange Livebox: Réseau avancé > UPnP)',
        note: 'Menus vary by firmware and are often unconfirmed; some ISP boxes have no off switch — then turn it off on the NVR.',
      },
      hikvision: {
        path: 'Network settings > Advanced Settings > NAT (UPnP): turn UPnP off',
        note: 'The manuals’ chapter "Configuring NAT"; on-screen labels vary by firmware. Hik-Connect (cloud P2P) sits in the same chapter.',
      },
      dahua: {
        path: 'Network > UPnP: turn "UPnP" off',
        note: 'Dahua’s own security advice: disable UPnP when it is not used.',
      },
      anyBrand: {
        name: 'Any other brand',
        path: 'UPnP (sometimes "NAT" or "Port mapping: Auto") in the network settings, and turn it off',
        note: 'Where a recorder has no off switch, turn UPnP off on the router instead (or block the recorder’s internet access there).',
      },
    },
  },

  verify: {
    checkAgain: 'Check the router again',
    how: 'The status only turns “verified” from a check: when neither UPnP nor NAT-PMP answers at your router, no device can open a port to the internet by itself. Turn both off on the router’s page, then check again.',
  },

  watch: {
    heading: 'Does a device open them again?',
    text: 'A device with UPnP still on opens a deleted mapping again when it renews it. The app waits {wait} (just past the longest lease left, or two minutes for one that never expires), then reads the router’s list again and names any that came back.',
    aWhile: 'a while',
    waiting: 'Waiting…',
    checkIn: 'Check again in {duration}',
    waitThenCheck: 'Wait, then check again',
    progress: 'Time until the router’s list is read again',
    cancelled: 'The wait was stopped; nothing was read.',
    failed: 'The re-check did not work.',
    openedAgain: 'Opened again after {duration}:',
    byDevice: ', by {device}',
    stillOn:
      'That device still has UPnP on: turn it off there (below, “Turn UPnP off”), or turn UPnP off on the router, then delete the mapping again.',
    stillGone: '{stillGone} after {duration}: {mappings} (read {time}).',
    stillGoneTitle: 'Still gone',
    notProven:
      '{notProven} the router’s list could not be read to its end after {duration}, so a mapping that came back may be missing from it. Check again.',
    notProvenTitle: 'Not proven:',
  },

  /** Why “Delete” cannot be pressed now. */
  blocked: {
    noMappings: 'The router lists no mappings.',
    noGateway: 'No UPnP gateway answered at the router, so nothing can be deleted through it.',
    noneTicked: 'Tick the mappings to delete in the table above.',
    tooMany: 'At most {max} mappings at a time: untick {untick}.',
  },

  /** The jobs as they start (their first words, until main's own). */
  job: {
    checking: 'Looking for the router’s UPnP…',
    deleting: 'Deleting the chosen mappings…',
    waiting: 'Waiting before reading the router’s list again…',
  },

  /**
   * main's findings about the router's UPnP and NAT-PMP (src/shared/domain/upnp-findings.ts, judgeUpnp): said by
   * key, so the page and the CLI say them in the user's language; main keeps the English sentence beside them (the
   * JSON, the record). The values are addresses, names and main's own notes, as they came.
   */
  findings: {
    noGateway:
      'This computer has no default gateway, so there is no router to ask. Connect it to the NVR’s network and check again.',
    /** For one (its own sentence, “a …”: no number); the plural message below for two or more. */
    cameraMappedOne:
      'The router opens a port to {names} through UPnP: anyone on the internet can reach them there, with no rule you wrote. Delete these mappings and turn UPnP off on the NVR (and on the router), or it will open them again.',
    cameraMapped: {
      one: 'The router opens {count} port to {names} through UPnP: anyone on the internet can reach them there, with no rule you wrote. Delete these mappings and turn UPnP off on the NVR (and on the router), or it will open them again.',
      other:
        'The router opens {count} ports to {names} through UPnP: anyone on the internet can reach them there, with no rule you wrote. Delete these mappings and turn UPnP off on the NVR (and on the router), or it will open them again.',
    },
    /** For one (its own sentence, “a …”: no number); the plural message below for two or more. */
    cameBackOne:
      'A mapping you deleted came back: {who} opened it again through UPnP. Deleting is not enough while UPnP is on: turn it off on that device, or on the router.',
    cameBack: {
      one: '{count} mapping you deleted came back: {who} opened it again through UPnP. Deleting is not enough while UPnP is on: turn it off on that device, or on the router.',
      other:
        '{count} mappings you deleted came back: {who} opened them again through UPnP. Deleting is not enough while UPnP is on: turn it off on that device, or on the router.',
    },
    upnpOn:
      'UPnP is on at the router ({gateway}): any device or program on your network can open ports to the internet without asking. Turn it off once your forward rules are in place.',
    /** The same, with the name the router gives itself. */
    upnpOnNamed:
      'UPnP is on at the router ({gateway}, “{name}”): any device or program on your network can open ports to the internet without asking. Turn it off once your forward rules are in place.',
    /** {problem}: main's words on why (a sentence of its own). */
    igdUnreadable: 'The router answers as a UPnP gateway, but its mappings could not be read: {problem}',
    /** The same, where main said why by key: the router's description answered an HTTP error. */
    igdUnreadableHttp:
      'The router answers as a UPnP gateway, but its mappings could not be read: its description ({location}) answered HTTP {status}.',
    igdUnreadableNoLoad:
      'The router answers as a UPnP gateway, but its mappings could not be read: its description ({location}) did not load.',
    /** {error}: what was wrong with the description, in the reader's words (as they came). */
    igdUnreadableUnusable:
      'The router answers as a UPnP gateway, but its mappings could not be read: its description could not be used ({error}).',
    igdUnreadableOffGateway:
      'The router answers as a UPnP gateway, but its mappings could not be read: its answer points at a description the assistant does not follow ({location}): only plain http on the router’s own address is followed.',
    natPmpOn:
      'NAT-PMP (or PCP) answers at the router: devices can open ports through it too, and the router does not list those over UPnP. Turn it off with UPnP (routers name it “NAT-PMP” or “PCP”, often beside UPnP).',
    listIncomplete: 'Only part of the router’s mapping list could be read. Mappings may be missing below.',
    /** The same, with main's words on why ({note}). */
    listIncompleteNote: 'Only part of the router’s mapping list could be read: {note} Mappings may be missing below.',
    otherMapped: {
      one: '{count} mapping to an address the search did not identify as a camera or recorder (a computer, a games console…): check that you know each. Run the search (Find your NVR) first if it has not run: the devices it finds are named here.',
      other:
        '{count} mappings to addresses the search did not identify as a camera or recorder (a computer, a games console…): check that you know each. Run the search (Find your NVR) first if it has not run: the devices it finds are named here.',
    },
    noMappings: 'The router lists no UPnP port mappings: nothing is open to the internet through UPnP right now.',
    upnpOff: 'No UPnP gateway and no NAT-PMP answer at the router ({gateway}): devices cannot open ports on their own.',
    /** For one (its own sentence, “a …”: no number); the plural message below for two or more. */
    igdElsewhereOne:
      'A device other than your router answered as an internet gateway. The assistant did not follow them (a device pretending to be the router could misreport). Find out what they are.',
    igdElsewhere: {
      one: '{count} device other than your router answered as an internet gateway. The assistant did not follow them (a device pretending to be the router could misreport). Find out what they are.',
      other:
        '{count} devices other than your router answered as an internet gateway. The assistant did not follow them (a device pretending to be the router could misreport). Find out what they are.',
    },
  },

  /**
   * main's words on what the router did with a deletion (UpnpDeletion.message; src/main/services/upnp/): said by key,
   * shown under the deletion's badge on the page and in the CLI. {error}: the transport's own words, as they came.
   */
  deletionSaid: {
    deleted: 'The router deleted the mapping.',
    noAnswer: 'The router did not answer the request ({error}).',
    unreadable: 'The router’s answer could not be read ({error}).',
    notListed: 'The router does not list this mapping (any more): nothing to delete.',
    noGateway: 'No UPnP gateway answered at the router, so nothing could be deleted.',
    stillListed: 'The router said it deleted the mapping, but still lists it.',
    notProven: 'The router said it deleted the mapping, but its list could not be read again to prove it.',
  },

  /**
   * UPnP IGD error codes in plain words (src/shared/catalog/upnp-errors.ts): {words} is one of the sentences below,
   * {code} the number and {name} its name in the specification (kept as it is: a technical name).
   */
  upnpError: {
    known: '{words} (UPnP error {code}, {name})',
    unknown: 'The router answered with an error the assistant does not know (UPnP error {code}).',
    invalidAction: 'The router does not know this request.',
    invalidArgs: 'The router did not accept the values sent with the request.',
    actionFailed: 'The router could not carry out the request.',
    notAuthorized:
      'The router refuses this request over UPnP: most routers only let the device that opened a mapping delete it (others only allow it on their own web page).',
    noMoreEntries: 'There are no more mappings in the router’s list.',
    noSuchEntry: 'The router has no such mapping (it may already be gone).',
    noWildcardSource: 'The router does not accept “any source address” for this mapping.',
    noWildcardExternalPort: 'The router does not accept “any external port”.',
    conflict: 'The external port is already mapped to another device on the router.',
    samePortRequired: 'The router only maps an external port to the same internal port number.',
    onlyPermanent: 'The router only accepts mappings that never expire.',
    noRemoteHost: 'The router cannot limit a mapping to one source address.',
    onlyWildcardExternalPort: 'The router only accepts “any external port”.',
    noRoom: 'The router has no room for more mappings.',
    otherMechanism: 'The mapping conflicts with a rule set another way on the router (e.g. its own forward page).',
    noWildcardInternalPort: 'The router does not accept “any internal port”.',
  },

  /**
   * Why the router's mapping list was read only in part (the audit's listNote; src/main/services/upnp/igd-control.ts):
   * said by key, shown under the mappings' table ("The list could only be read in part: …"). A refusal is said with
   * upnpError's words. {error}: the transport's own words, as they came.
   */
  listNoteSaid: {
    tooMany: 'the router listed more than {max} entries; the first are shown',
    tooSlow: 'the router took too long to list its mappings',
    stopped: {
      one: 'the router stopped answering after {count} entry ({error})',
      other: 'the router stopped answering after {count} entries ({error})',
    },
    entryUnreadable: 'entry {index} could not be read ({error})',
    repeats: 'the router repeats the same entries instead of ending its list',
  },
  /** main's progress lines while it reads the router's UPnP or deletes mappings (upnp-service.ts, the re-check). */
  progress: {
    looking: 'Looking for the router’s UPnP at {gateway}…',
    description: 'Reading the router’s UPnP description…',
    mappings: 'Reading every port mapping the router holds…',
    deleting: 'Deleting {protocol} {port}…',
    readingAgain: 'Reading the router’s list again…',
    recheckIn: 'Re-checking {what} in {seconds} s…',
  },
} as const;
