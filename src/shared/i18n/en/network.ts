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

  /**
   * The three ways to reach the NVR from outside (src/shared/guidance/approaches.ts, which keeps their order and
   * sources): what each is, what is good and what to watch. The Network page's cards and the CLI's `approach` say them.
   */
  ways: {
    vpn: {
      title: 'VPN',
      summary:
        'Your phone or laptop joins your home network through an encrypted tunnel (WireGuard, Tailscale or ZeroTier). The NVR stays invisible to the internet: nobody can even try its password.',
      pros: {
        hidden: 'Nothing on the NVR is exposed to the internet, so its security holes cannot be reached from outside.',
        cgnat:
          'Tailscale and ZeroTier work even when your internet provider shares one public address between customers (CGNAT).',
        oneTunnel: 'One tunnel covers every camera, the NVR and its apps.',
      },
      cons: {
        appEach: 'Each phone or laptop that watches the cameras needs the VPN app.',
        wireguardPort: 'A WireGuard server on your router needs one UDP port forwarded and a public IPv4 address.',
      },
    },
    portForwarding: {
      title: 'Port forwarding, with care',
      summary:
        'The router sends chosen internet ports to the NVR. It works with every viewing app, but the NVR is then reachable by anyone who scans the internet, and NVR firmware has a long history of serious holes.',
      pros: {
        anyApp: 'Works with the vendor apps and any browser, without extra software on the phone.',
      },
      cons: {
        notWebPorts:
          'Never forward web port 80 or 443 straight through: bots scan those ports all day and try default passwords and known exploits.',
        notLocalPorts:
          'Never forward the vendor SDK port (8000, 37777, 9000), RTSP (554) or telnet: they were built for the local network.',
        onlyCurrent:
          'Only on current firmware, with a strong unique password, HTTPS only, on a non-standard external port.',
        noCgnat: 'Does not work at all when your provider uses CGNAT; the app checks this for you.',
      },
    },
    vendorCloud: {
      title: 'Vendor cloud (P2P)',
      summary:
        "The NVR keeps a connection open to the maker's servers (Hik-Connect, Dahua P2P, Reolink UID) and the app connects through them. Easy, and no router change is needed.",
      pros: {
        noRouter: 'No port forwarding and no router settings.',
        cgnat: 'Works behind CGNAT.',
      },
      cons: {
        trust: "You trust the maker's servers with access to your cameras; some P2P systems have had hijacking bugs.",
        notXm: 'Not for XMEye/XM devices: their P2P IDs can be guessed.',
        onlyCurrent: 'Only with current firmware and a strong unique password.',
      },
    },
    /** Why the assistant removes UPnP mappings (the Network page, under the cards). */
    upnpWarning:
      'Many NVRs use UPnP to open router ports by themselves, without asking you. Those holes are easy to forget and often expose the web, SDK and video ports directly. The assistant lists them and helps you close them.',
  },
} as const;
