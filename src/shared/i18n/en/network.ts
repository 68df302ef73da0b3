// The network group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Network step (src/renderer/steps/network/) and how a connection's kind is named (components/network-words.ts).
export const network = {
  emptyText: 'Not measured yet.',
  measuredLabel: 'Measured',
  intro:
    'Before looking for your NVR, the app checks how this computer is connected, and you decide how you want to reach the cameras from outside.',
  measureFailed: 'The network could not be measured.',
  lastShownBelow: 'The last measurement is shown below.',
  measuring: 'Measuring this computer’s network connections…',
  noMeasurement: 'No measurement yet.',
  verified: 'The latest measurement found {interface} up with an IPv4 address, and you chose {approach}.',
  anApproach: 'an approach',
  verifyHelp:
    'The status comes from the app’s own measurement, never from a tick box. If you plug in a cable or change Wi-Fi, re-check.',
  recheck: 'Re-check',
  lastMeasured: 'Last measured {time}',

  /** How each kind of network connection is named on the pages. */
  kind: {
    loopback: 'loopback',
    wired: 'wired',
    wireless: 'Wi-Fi',
    vpn: 'VPN tunnel',
    virtual: 'virtual',
    unknown: 'unknown',
  },

  facts: {
    gatewayLabel: 'Router (default gateway)',
    gateway: '{address}, reached through {interface}',
    noGateway:
      'None found. This computer may not be connected to a router, so the app cannot tell which network the NVR is on.',
    recommendedLabel: 'Suggested connection',
    /** The suggested connection's name, then main's reason for it. */
    recommended: '{interface} — {reason}',
    noRecommended:
      'None: no connection here can be used to search the network. Connect this computer to the same network as the NVR (cable or Wi-Fi), then re-check.',
    caption: 'Network connections of this computer',
    column: {
      name: 'Name',
      kind: 'Kind',
      state: 'State',
      ipv4: 'IPv4 / prefix',
      subnet: 'Subnet',
      mac: 'MAC',
      note: 'Note',
    },
    suggested: 'suggested',
    up: 'up',
    down: 'down',
    noInterfaces: 'No network connections were found on this computer.',
  },

  interfaces: {
    heading: '1. Choose the connection the app searches for your NVR through',
    help: 'Pick the connection on the same network as your NVR — usually the one to your router.',
    legend: 'Connection used to find the NVR',
    suggested: 'suggested',
    saving: 'saving…',
    /** A usable connection's kind, then main's note on it. */
    usableNote: '{kind} · {note}',
    unusableNote: 'Cannot be used: {note}',
    yourChoice: 'The app will search through {interface} (your choice).',
    chosenGone: 'The connection you chose before ({interface}) is not on this computer any more. Pick another one.',
    notChosen: 'Not chosen yet — until you pick one, the app uses the suggested {interface}.',
    noneUsable: 'No connection can be used yet.',
  },

  approach: {
    heading: '2. Choose how you will reach the NVR from outside',
    help: 'All three work. They differ in how much of your NVR the internet can see. When in doubt, take the VPN.',
    legend: 'How you will reach the NVR from outside',
    recommended: 'recommended',
    yourChoice: 'your choice',
    good: 'Good',
    watchOut: 'Watch out',
    upnpTitle: 'About UPnP (automatic port opening)',
  },
} as const;
