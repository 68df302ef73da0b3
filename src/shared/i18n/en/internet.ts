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
} as const;
