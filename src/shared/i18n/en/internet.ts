// The internet group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Internet side page's own words (src/renderer/steps/internet/). The verdicts, findings, the proof's rows and
// the questions of its proof tree are main's and are not here; the servers, addresses and the command to run an
// own checker are data, given to the placeholders as they are.
export const internet = {
  /** The check's name in CheckState's sentences ("Internet check progress", "The internet check did not work."). */
  checkWhat: 'internet',
  frame: {
    emptyText: 'The internet side is not checked yet.',
    verifiedText: 'Your router holds the public address: port forwarding can reach the NVR.',
    loadErrorTitle: 'The saved check could not be read.',
    intro:
      'Port forwarding only works when your router holds the address the internet sees. The app asks your router for its WAN address and two outside services (STUN and an address checker) which address they see, and compares.',
    checkAgain: 'Check again',
    verifyHelp: 'The status turns “verified” only when your router’s WAN address is the address the internet sees.',
  },

  check: {
    stunServer: 'STUN server',
    checkerServer: 'Address checker (echoip)',
    first: 'Check the internet side',
    again: 'Check again',
    note: {
      one: 'Asks your router, then this STUN server and this checker, which address the internet sees. About {count} second.',
      other:
        'Asks your router, then this STUN server and this checker, which address the internet sees. About {count} seconds.',
    },
    nothingSent: 'Nothing is sent to the internet until you press the button.',
    asking: 'Asking the router and the internet…',
  },

  found: {
    router: 'Router',
    routerAt: 'Router {gateway}',
    routerSaid: '{address} (its WAN address, from {source})',
    routerSilent: 'did not say its WAN address',
    /** Where the router's WAN address came from. */
    source: { igd: 'UPnP', natPmp: 'NAT-PMP', upnpRecord: 'the UPnP step’s last check' },
    stun: 'STUN {server}',
    checker: 'Checker {server}',
    /** What a source said instead of an address: main's reason, or none. */
    noAddress: 'no address ({reason})',
    noAnswer: 'no answer',
    publicAddress: 'Public address',
    changed: '{address} (changed: it was {from})',
    notKnown: 'not known',
    ipv6: 'IPv6:',
  },

  proof: {
    heading: 'Prove from outside',
    intro:
      'The address checker above ({checker}) connects back to every rule of the Router rules plan and to the ports that must not be reachable (Telnet, FTP, SSH, plain HTTP, RTSP, the NVR’s admin pages): three at a time, at most a minute. Then this computer connects to the public address from inside (hairpin).',
    theDefault: 'the default',
    noPlan: 'Nothing to prove yet:',
    noPlanWhy:
      'there is no saved plan of router rules. Make it on the step {step}; a proof now checks only the ports that must not be reachable.',
    rulesStep: 'Router rules',
    hostLabel: 'DDNS name to prove (optional; empty: the public address)',
    hostPlaceholder: 'mynvr.ddns.net',
    progressLabel: 'Ports asked from outside',
    cancelledText: 'The proof was stopped; the ports not asked yet say so.',
    errorTitle: 'The proof could not be made.',
    asking: 'Asking the checker to connect back…',
    start: 'Prove from outside',
    proving: 'Proving…',
    again: 'Prove again',
    exposed: 'Exposed: {port} ({label})',
    addresses: 'The checker {checker} tested {tested}; expected {expected}. Asked {time}.',
    noAddress: 'no address',
    notResolved: 'not resolved',
    notKnown: 'not known',
    planned: 'Planned rules (must be reachable)',
    forbidden: 'Must not be reachable',
    column: { port: 'Port', what: 'What it is', inside: 'Inside', outside: 'From outside', why: 'Why' },
    howFound: 'How the app found this {forPort}',
    evidence: 'Evidence {forPort}',
    /** Read by screen readers after "How the app found this" and "Evidence". */
    forPort: 'for port {port}',
    hairpin: {
      yes: 'At home on Wi-Fi (hairpin): the router loops back.',
      no: 'At home on Wi-Fi (hairpin): the router does not loop back.',
      unknown: 'At home on Wi-Fi (hairpin): the router not known.',
    },
    fromInside: 'From inside to {address}: {results}.',
    result: { reached: '{port} reached', refused: '{port} refused', noAnswer: '{port} no answer' },
    selfHost:
      'Your own checker, on a server outside your home: {command}, then put {url} in the address checker field.',
  },

  /**
   * main's own words about the public address (src/shared/domain/public-address-verdict.ts): findings, the verdict's
   * title and advice, said by key so the page and the CLI say them in the user's language.
   */
  said: {
    noAnswer: 'no answer',
    kind: {
      loopback: 'a loopback address',
      'link-local': 'a link-local address',
      private: 'a private (RFC 1918) address',
      cgnat: 'a carrier-grade NAT address (100.64.0.0/10)',
      documentation: 'a documentation address',
      multicast: 'a multicast address',
      public: 'a public address',
      'not-ipv4': 'not an IPv4 address',
    },
    stunFailed: 'The STUN server {server} gave no address: {error}.',
    checkerFailed: 'The address checker {server} gave no address: {error}.',
    stunNotPublic:
      'The STUN server {server} says the internet sees {address}, which is {kind}: the internet never sees that, so this answer is not trusted (the server is wrong, misconfigured, or not on the internet).',
    checkerNotPublic:
      'The address checker {server} says the internet sees {address}, which is {kind}: the internet never sees that, so this answer is not trusted (the server is wrong, misconfigured, or not on the internet).',
    hopsUnknown:
      'The route toward the STUN server {target} could not be traced ({error}): the verdict rests on the router’s and the outside services’ answers alone.',
    sourcesDisagree:
      'STUN sees {stun} but the address checker sees {checker}. Your traffic may leave through more than one address (two internet lines, a VPN on this computer, or a load-balancing carrier NAT).',
    noGateway: 'This computer has no default gateway: it is not connected to a router.',
    routerUnknown:
      'The router did not say its WAN address (UPnP and NAT-PMP are off or do not answer — off is the safe setting).',
    routerNotWan: 'The router reports {address} as its WAN address, which is {kind}: it cannot be one.',
    title: {
      'public-on-router': 'Your router has the public address',
      'double-nat': 'Double NAT: an ISP box sits in front of your router',
      cgnat: 'Carrier-grade NAT: your ISP shares the public address',
      unknown: 'Not known yet',
    },
    advice: {
      'public-on-router':
        'Port forwarding can work: the router holds the public address itself. Forward only the ports the Router rules step plans, and prove them from outside. If this address changes, a DDNS name keeps following it.',
      'double-nat':
        'There are two routers in a row: an ISP box in front of yours. Forwarding on your router alone will not reach the NVR. Best: put the ISP box in bridge mode (your router then gets the public address). Otherwise make your router the ISP box’s DMZ / exposed host, or forward the same ports on the ISP box to your router’s WAN address as well. A VPN avoids all of this.',
      cgnat:
        'Your ISP shares one public address among many customers (carrier-grade NAT): nothing you set at home can open a port to the internet. Ask the ISP for a public IPv4 address (often a small fee), use IPv6 if the ISP gives it, or use a VPN that needs no open port (Tailscale/ZeroTier, or WireGuard to a server outside).',
      noGateway:
        'Connect this computer to the network the NVR is on (the router’s LAN, not a guest network), then check again.',
      routerUnknownSeen:
        'The internet sees {address}. Open your router’s status page and read its WAN (Internet) address: if it is {address}, port forwarding can work; if it starts with 100.64–100.127, your ISP uses carrier-grade NAT; if it is 192.168.x.x, 10.x.x.x or 172.16–31.x.x, an ISP box is in front of your router (double NAT).',
      routerUnknownNone:
        'Neither the router nor the outside services gave an address. Check that this computer reaches the internet, or try other STUN and checker servers.',
      readWan: 'Read the WAN (Internet) address on your router’s status page, then check again.',
      disagree:
        'The outside services disagree (STUN {stun}, checker {checker}), so it cannot be said which one reaches your router ({router}). Check again, or with other servers; turn off any VPN on this computer first.',
      noBelievable:
        'Your router says its WAN address is {router}, but no outside service gave a believable address to compare it with. Check again, or try other STUN and checker servers.',
    },
  },
  /** main's progress lines while it checks the public address or proves from outside (its services). */
  progress: {
    asking: 'Asking the router, the STUN server {stun} and the checker {checker}…',
    tracing: 'Tracing the first two routers toward {target}…',
    askingChecker: 'Asking {checker} about {ports} port(s)…',
    portReachable: 'Port {port}: reachable',
    portNotReachable: 'Port {port}: not reachable',
    portError: 'Port {port}: {error}',
    hairpin: 'Connecting from inside to {address} (hairpin)…',
  },
} as const;
