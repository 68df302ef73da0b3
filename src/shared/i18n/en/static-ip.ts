// The staticIp group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Static IP step (src/renderer/steps/static-ip/) and its store's words (stores/static-ip*.ts).
import { staticIpSaid } from './said/static-ip';

export const staticIp = {
  /** The check's name in CheckState's sentences ("Address check progress", "The address check did not work."). */
  checkWhat: 'address',
  /** What a stopped check leaves on show ("… the last complete reading is shown."). */
  checkLast: 'reading',
  intro:
    'A port forward points at one address. If your NVR gets its address from the router (DHCP), a restart of the router can move it and remote access stops without a word. The app checks how your NVR gets its address and gives it a fixed one that nothing else uses.',
  emptyText: 'The NVR’s address is not checked yet.',
  verifiedText:
    'The NVR keeps a fixed address: DHCP is off on the NVR itself, or the router reserves the address for it.',
  nothingYet: 'there is no address to check',
  loadErrorTitle: 'The saved address check could not be read.',
  readLabel: 'Read',
  needsReading: 'The app proposes an address once it has read the NVR’s settings.',
  loginRead:
    'With the login the app reads the NVR’s own address settings (DHCP, address, router, DNS). Nothing is changed.',
  loginApply: 'After you log in, the app shows exactly what it will send and asks you to confirm once more.',
  loggedInPressAgain: 'Logged in to {name}. Press “Give the NVR this address” again.',

  /** Where the device's settings on show came from (in “These are …” and “This is …”). */
  source: {
    onvif: 'read from the NVR itself after a login (ONVIF)',
    sadp: 'what the NVR announced to the maker’s search (SADP), without a login',
    dhip: 'what the NVR announced to the maker’s search (Dahua DHIP), without a login',
    discovery: 'only the address the NVR answered the search on, without a login',
  },
  /** What the router's DHCP range rests on (in “This rests on …”). */
  poolSource: {
    user: 'the range you typed from the router’s page',
    leases: 'the addresses of devices seen on DHCP (a guess: the range is at least this wide)',
    'router-default': 'the router maker’s factory range (a hint only: yours may differ)',
  },
  /** How an address change ended: its badge and its sentence. */
  outcome: {
    verified: { label: 'moved and checked', words: 'The NVR keeps its new address.' },
    restored: { label: 'put back', words: 'The NVR kept (or got back) its old address.' },
    failed: { label: 'not verified', words: 'The change could not be verified.' },
    lost: { label: 'not found', words: 'The NVR did not come back within the time allowed.' },
  },
  dhcp: {
    unknown: 'not known',
    on: 'DHCP on (the router hands it an address)',
    off: 'static (DHCP off)',
  },
  /** An address with its prefix and netmask: “192.168.1.200/24 (netmask 255.255.255.0)”. */
  withMask: '{address}/{prefix} (netmask {mask})',
  /** A MAC the other way some routers write it, after the usual one. */
  macDashes: '(some routers write it {mac})',

  found: {
    checkFirst: 'Check the address',
    checkAgain: 'Check again',
    checkNote: 'Reading only: nothing is changed on the NVR.',
    notChecked:
      'Press “Check the address”: the app reads how the NVR gets its address (nothing is changed on the NVR).',
    settingsTitle: 'The NVR’s address settings',
    sourceLoggedIn: 'These are {source}.',
    sourcePartial: 'This is {source}. The NVR’s own settings may differ.',
    readLogin: 'Log in to read the NVR’s own settings',
    lanTitle: 'This computer',
    lanUnknown: 'The app does not know which network this computer uses. Choose it on the step {networkStep}.',
    networkStep: 'Your network',
    fact: {
      dhcp: 'How it gets its address',
      address: 'Address',
      netmask: 'Netmask',
      gateway: 'Router (gateway)',
      dns: 'DNS',
      mac: 'MAC',
      router: 'Router',
      connection: 'Connection',
    },
    notSet: 'not set',
    notKnownWithoutLogin: 'not known without a login',
    notKnown: 'not known',
    notFound: 'not found',
  },

  pool: {
    title: 'The router’s DHCP range',
    known: 'The router hands out addresses from {first} to {last}. This rests on {source}.',
    /** The same, with main's words on what the range rests on. */
    knownBasis: 'The router hands out addresses from {first} to {last}. This rests on {source}: {basis}.',
    unknown:
      'The app does not know the range the router hands out, so it cannot be sure an address it picks stays clear of it.',
    label: 'DHCP range from the router’s page',
    help: 'The first and last address, like 192.168.1.100-192.168.1.199. Leave it empty to let the app guess.',
    submit: 'Check with this range',
  },

  plan: {
    heading: '1. The address the NVR should keep',
    proposes: 'The app proposes {address} (router {gateway}, DNS {dns}), because:',
    noProposal: 'The app has no address to propose (the findings above say why). You may type one; the app checks it.',
    field: {
      address: { label: 'Address for the NVR', help: 'Four numbers with dots, on your network.' },
      gateway: { label: 'Router (gateway)', help: 'Your router’s address; empty: the app uses the one it found.' },
      dns: { label: 'DNS servers', help: 'Up to 4, separated by commas; empty: the router.' },
    },
    checking: 'Checking the address…',
    fieldsToFix: { one: '{count} field to fix.', other: '{count} fields to fix.' },
    problemsToFix: {
      one: '{count} problem to fix before the NVR can have it.',
      other: '{count} problems to fix before the NVR can have it.',
    },
    notes: {
      one: '{count} note; it can be used if you confirm it.',
      other: '{count} notes; it can be used if you confirm it.',
    },
    checksOut: 'The address checks out.',
    wouldGet: 'The NVR would get {address}.',
    checkFailed: 'The address could not be checked.',
  },

  apply: {
    heading: '2. Give the NVR this address',
    help: 'The app makes sure nothing answers at the address, sends it to the NVR over ONVIF (DHCP off), then follows the NVR to its new address and reads the settings back. If the NVR does not keep them, the app puts its old ones back.',
    label: 'Give the NVR this address…',
    running: 'Changing the address…',
    refusedTitle: 'The address was not sent.',
    button: 'Give the NVR this address',
    yes: 'Use it anyway',
    sendsAsItWas: 'Sends {address} as it was. Or change the address above first.',
  },

  confirm: {
    title: 'Give {name} the address {address}?',
    yes: 'Yes, give it this address',
    yesAnyway: 'Use it anyway',
    body: 'The app sends these settings to the NVR over ONVIF, after making sure nothing else answers at {address}.',
    sent: {
      address: 'Address',
      dhcpOff: 'DHCP off (a fixed address)',
      ip: 'IP address',
      gateway: 'Router (gateway)',
      dns: 'DNS',
    },
    moves:
      'The NVR moves from {from} to {to} (it may restart). The app follows it there, logs in again and reads the settings back; if the NVR does not keep them, the app puts its old settings back. Its web page and video are at the new address afterwards.',
    itsAddress: 'its address',
    keeps: 'The NVR keeps its address and stops asking the router for one. The app reads the settings back afterwards.',
    warningsBefore: 'The app would not have proposed this address:',
    warningsAfter: '“Use it anyway” sends it as it is.',
  },

  reservation: {
    title: 'Or: reserve the address in your router instead',
    help: 'The NVR keeps asking the router for its address, and the router always gives it the same one. Enter these two values on the router’s DHCP reservation page (some routers call it “static lease” or “address reservation”):',
    mac: 'MAC address',
    address: 'Address',
    macUnknown: 'not known yet: log in above so the app can read it',
    then: 'Save it in the router, then restart the NVR (or wait for its lease to renew): the step is done when the NVR reports the reserved address.',
    planned: 'You reserved {address} for this NVR (noted {time}). “Check again” shows whether the NVR has it.',
    reserved: 'I reserved {address} in my router',
    checkAgain: 'Check again',
    unreserve: 'I did not reserve it after all',
    problem: 'Problem:',
    note: 'Note:',
    notNoted: 'The reservation was not noted.',
    familiesTitle: 'Where routers keep it',
    source: 'Source: {source}',
  },

  result: {
    whereKnown: 'The NVR answers at {address} now. Asked for: {asked}, router {gateway}, DNS {dns}, DHCP off.',
    whereUnknown:
      'The app does not know where the NVR answers now. Asked for: {asked}, router {gateway}, DNS {dns}, DHCP off.',
    howToFind: 'How to find it.',
    macIs: '{howToFind} Its MAC address is {mac}; the MAC stays the same whatever address it has. Look for it:',
    /** A MAC as routers show it, then the other way some write it. */
    macBoth: '{colons} (some routers write it {dashes})',
    macNotKnown: 'not known',
    lookRouter:
      'in your router’s list of connected devices (often “DHCP clients” or “Attached devices”), by that MAC, and at {address};',
    lookSearch: 'with this app’s search on the step {findStep}, with the address sweep turned on;',
    findStep: 'Find your NVR',
    lookTool: 'with the maker’s own tool (for example Hikvision SADP or Dahua ConfigTool), which finds it by its MAC.',
    whenBack: 'When it answers again, press “Check again”: the app reads where it is and what it keeps.',
    stepsTitle: 'What the app did',
    recheck: '{checkAgain} (they pointed at the old address):',
    recheckTitle: 'Check these steps again',
    laterStep: '{title} (a later step)',
  },

  verify: {
    pendingTitle: 'An address change did not finish.',
    pending:
      '{title} The app stopped while it was moving the NVR from {from} to {to} (started {time}). Press “Find the NVR and check again”: the app looks for it at both addresses and shows where it answers now.',
    pendingMac:
      '{title} The app stopped while it was moving the NVR from {from} to {to} (started {time}). Press “Find the NVR and check again”: the app looks for it at both addresses (its MAC is {mac}) and shows where it answers now.',
    itsAddress: 'its address',
    findAndCheck: 'Find the NVR and check again',
    progress: 'Address change progress',
    stopped: 'The change was stopped.',
    cancelHelp:
      'Before the address is sent, nothing changes. Once the NVR has it, it stays where it went; the next check finds it.',
    brokenTitle: 'The change did not finish.',
    /** The title in bold, then main's words on what went wrong. */
    broken: '{title} {error} Press “Check again” to see where the NVR answers now.',
    checkAgain: 'Check again',
    lastRead: 'Last read',
    how: 'The status only turns “verified” from a reading: the NVR itself says DHCP is off and its address is clear of the router’s range, or it answers at its new address with the settings as sent.',
  },

  /** The check and the change as they start (the job's first words, until main's own). */
  job: {
    reading: 'Reading the NVR’s address settings…',
    finding: 'Finding where the NVR answers now…',
    starting: 'Starting the change…',
  },

  /** What is wrong with the typed fields before main is asked. */
  draft: {
    addressEmpty: 'Type the address the NVR should keep, for example 192.168.1.200.',
    tooLong: 'That is too long for an address.',
    dnsTooMany: 'At most {max} DNS servers.',
    dnsTooLong: 'One of them is too long for an address.',
  },

  /** Why “Give the NVR this address” cannot be pressed now. */
  blocked: {
    noNvr: 'Choose your NVR first.',
    pending: 'An address change did not finish last time. Check again first: the app finds where the NVR answers now.',
    noReading: 'Read the NVR’s address settings first.',
    checking: 'Wait for the check to finish.',
    fields: 'Fix the fields marked below first.',
    planning: 'The app is checking the address…',
    notChecked: 'The address could not be checked yet. Change it again, or go back to the app’s proposal.',
    /** One problem, or more (their number is said under the fields). */
    problem: 'This address has a problem (said below). Change it first.',
    problems: 'This address has problems (said below). Change it first.',
    incomplete: 'The app could not complete this address (router, DNS). Type them below.',
    alreadySo: 'Nothing to send: the NVR already keeps exactly this address.',
  },

  /**
   * main's findings about the device's address (src/shared/domain/static-ip.ts, judgeAddress): said by key, so the
   * page and the CLI say them in the user's language; main keeps the English sentence beside them for the JSON.
   */
  findings: {
    noAddress: 'We could not read the address this device uses. Log in to it, so we can read its settings.',
    onDhcp:
      'The NVR gets its address ({address}) from the router (DHCP). After a router restart or a lease change it can move, and everything that points at it — forward rules, apps — would point at nowhere. Give it a fixed address, or reserve this address for it in the router.',
    dhcpUnknownDiscovery:
      'We could not tell whether the NVR gets its address from the router (DHCP) or keeps a fixed one: discovery does not say. Log in to it so we can read its settings.',
    dhcpUnknownDevice:
      'We could not tell whether the NVR gets its address from the router (DHCP) or keeps a fixed one: the device did not say. Log in to it so we can read its settings.',
    staticOffSubnet:
      'The NVR keeps the fixed address {address}, which is not on your network {network}. Either it still has a factory or old address — then devices on your network cannot reach it — or this computer is on another network (VLAN) than the NVR.',
    otherSubnet:
      "The NVR ({address}) is on another network than this computer ({network}): this computer is probably on another network or VLAN than the NVR. Connect this computer to the NVR's network to check and change its address.",
    staticInPool:
      'The NVR keeps the fixed address {address}, but it is inside the range the router hands out ({pool}). The router may give the same address to another device, and then neither works reliably. Choose an address outside that range.',
    staticInFactoryPool:
      'The NVR keeps the fixed address {address}, but it is inside the range the router hands out ({pool}, if the router still has its factory range). The router may give the same address to another device, and then neither works reliably. Choose an address outside that range.',
    noGateway:
      'The NVR has no gateway set, so it cannot answer anyone outside your network. Set the gateway to your router, {router}.',
    gatewayNotRouter:
      "The NVR's gateway is {gateway}, not your router ({router}). Its answers to the outside would not go through your router, so remote access would fail. Set the gateway to {router}.",
    noDns:
      'The NVR has no DNS server set. It needs one to find DDNS and cloud (P2P) servers by name, and usually to set its clock; without it those quietly fail. Set the DNS to your router or a public DNS server.',
    routerAddress:
      "The NVR uses {address}, your router's own address. Two devices on one address both stop working reliably: give the NVR another address.",
    conflict:
      'Another device ({others}) also answers on {address}. Two devices on one address both stop working reliably: give the NVR an address no one else uses.',
    conflictMore:
      'Another device ({others} and more) also answers on {address}. Two devices on one address both stop working reliably: give the NVR an address no one else uses.',
    staticOkNoPool:
      "The NVR keeps the fixed address {address} on your network. We do not know the router's DHCP range, so we could not check that the router never hands out this address: type the range from the router's DHCP page to be sure.",
    staticOk:
      'The NVR keeps the fixed address {address} on your network, outside the range the router hands out ({pool}).',
    /** The service's (static-ip-service.ts): no interface chosen, and the router way's reservation. */
    pickInterface:
      'Pick the network interface in “Your network” first: the address is judged against this computer’s network.',
    reservationOk:
      'The router keeps {address} for this NVR: it got that address from the router’s DHCP, so DHCP on is fine.',
    reservationPending:
      'You reserved {address} for this NVR in the router; it still has {current}. It takes the reserved address when it renews its lease: restart the NVR (or wait), then check again.',
    reservationPendingNoAddress:
      'You reserved {address} for this NVR in the router; it still has another address. It takes the reserved address when it renews its lease: restart the NVR (or wait), then check again.',
  },
  /** What makes this computer's network unusable for planning an address (static-ip-lan.ts, lanProblem). */
  lanProblem: {
    notIpv4: "This computer's address ({address}) is not an IPv4 address.",
    pointToPoint:
      "This computer's network (/{prefix}) is a point-to-point link or a single address, not a local network with room for the NVR.",
    tooLarge:
      'This computer\'s network (/{prefix}) is larger than any home or office network: check the network settings on "Your network".',
  },
  /** Why main proposes this address (address-choice.ts, proposeAddress): the proposal's `why` lines, by key. */
  why: {
    network: 'On your network {network}, where this computer is {computer} and the router {router}.',
    keep: "It keeps its current fixed address {address}: already outside the router's DHCP range and used by no other device we know — the least change.",
    above: "{address} is the first free address above the router's DHCP range {range}.",
    below: "{address} is the nearest free address below the router's DHCP range {range}: none above it is free.",
    top: '{address} is the highest free address on your network: routers usually hand out addresses from the low end.',
    poolUnknown:
      "We do not know the router's DHCP range: type it from the router's DHCP page to be sure the router never hands out this address.",
    /** {basis}: what the range rests on (the `poolBasis` words). */
    poolBasis: "The router's DHCP range {range} rests on {basis}.",
    /** {list}: the addresses passed over and whose they are (e.g. ".1 (the router), .200 (used by nvr-2)"). */
    skipped: 'Skipped: {list}.',
    gateway: "Gateway {router}: your router, so the NVR's answers to the outside go through it.",
    dnsOwn: "DNS {dns}: the NVR's own, kept.",
    dnsRouter:
      'DNS {router}: your router, because the NVR has no DNS server it could reach from this network (DDNS and cloud need one).',
    typed: 'The address you typed.',
  },
  /** Why no address can be proposed (address-choice.ts, noProposalReason). */
  noProposal: {
    noRouter: 'We do not know your router\'s address, so we cannot set the NVR\'s gateway: check "Your network".',
    allTaken: 'Every address on your network is in use or planned for another device.',
    poolFull:
      "No address outside the router's DHCP range ({first}–{last}) is free. Make the range smaller on the router, or reserve the NVR's address in the router instead.",
  },
  /** What main finds wrong with an address, router or DNS list the user typed (address-choice.ts). */
  typed: {
    notIpv4: '"{typed}" is not an IPv4 address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
    notIpv4Empty: 'This is not an IPv4 address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
    notGateway:
      '"{typed}" is not a gateway address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
    notGatewayEmpty:
      'This is not a gateway address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
    notDns:
      '"{typed}" is not a DNS server address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
    notDnsEmpty:
      'This is not a DNS server address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
    offLan: '{address} is not on your network {network}: the NVR would be unreachable from it.',
    network: "{address} is the network's own address (all host bits 0): no device can have it.",
    broadcast: "{address} is the network's broadcast address: no device can have it.",
    router: "{address} is your router's address.",
    thisComputer: "{address} is this computer's address.",
    usedBy: '{address} is already used by {device}.',
    plannedFor: '{address} is already planned for {device}.',
    /** {basis}: what the range rests on (the `poolBasis` words). */
    maybeInPool:
      "{address} may be inside the range the router hands out ({pool}, {basis}). Check the range on the router's DHCP page, or choose an address outside it.",
    inPool:
      '{address} is inside the range the router hands out ({pool}, {basis}): the router could give it to another device.',
    gatewayOffLan:
      '{gateway} cannot be the gateway: it must be a device on your network {network}, normally your router.',
    gatewayIsNvr: "{gateway} is the NVR's own address: the gateway must be your router.",
    gatewayNotRouter:
      '{gateway} is not your router ({router}). Unless that device routes to the internet, the NVR could not be reached from outside.',
    noGateway: 'This network has no router address (gateway): type one.',
    noDns: 'Without a DNS server the NVR cannot find DDNS and cloud servers by name.',
    notDnsServer: '{address} is not a DNS server address.',
    dnsOffLan: '{address} is not on your network {network}: the NVR can use it only if your router routes to it.',
    dnsTooMany: 'Many NVRs keep only two DNS servers (preferred and alternate): the others may be dropped.',
    noMac:
      'The NVR’s MAC is not known, and a reservation is made for a MAC: log in to the NVR (or search again) first.',
  },
  /**
   * What the router's DHCP range rests on (dhcp-pool.ts, the pool's `basis`): one or more of these, joined by "; ".
   * {confidence} is one of `confidence`.
   */
  poolBasis: {
    typed: 'the range you typed',
    seenOne: 'seen: 1 device on DHCP at {address} — the pool includes at least this address',
    seenMany: 'seen: {count} devices on DHCP between {first} and {last} — the pool is at least this',
    factory: "{family}'s factory pool ({range}), a hint (ROUTERS.md, {confidence})",
    several:
      '{router} is the factory address of several router families whose pools differ ({each}): the widest, {range}, is assumed — a hint, not a fact (ROUTERS.md)',
    also: 'also the factory address of {families} (pool not known)',
    /** After what was seen: the range widened to a router family's factory pool. */
    widenedFactory: "widened to {family}'s factory pool ({range}), a hint (ROUTERS.md, {confidence})",
    widenedSeveral:
      'widened to {router} is the factory address of several router families whose pools differ ({each}): the widest, {range}, is assumed — a hint, not a fact (ROUTERS.md)',
    notFit: 'the factory pool hint does not fit what we saw, so it is left out',
  },
  /** How sure ROUTERS.md is of a factory pool. */
  confidence: { H: 'confirmed by the vendor', M: 'one source', L: 'low confidence' },
  /** Why main refuses (or warns about) the DHCP range the user typed (dhcp-pool.ts, parsePool). */
  poolProblem: {
    malformed:
      'Type the pool as its first and last address, for example 192.168.1.100-192.168.1.199 or 192.168.1.100-199.',
    reversed: 'The pool {range} ends before it starts: type the lower address first.',
    offLan: "The pool {range} is not inside your network {network}: check it on the router's DHCP page.",
    network:
      "The pool {range} includes {address}, the network address, which no device can have: check it on the router's DHCP page.",
    broadcast:
      "The pool {range} includes {address}, the broadcast address, which no device can have: check it on the router's DHCP page.",
    router:
      "The pool {range} includes the router's own address ({router}), which a router never hands out: copy the first and last address from the router's DHCP page.",
    takesAll:
      "The pool {range} takes every address of your network: there is none left for a fixed address. Make the pool smaller on the router, or reserve the NVR's address there.",
  },
  ...staticIpSaid,
} as const;
