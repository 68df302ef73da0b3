// The rules group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Router rules page's own words (src/renderer/steps/rules/, stores/rules*.ts), and main's words about the plan and
// the proxy (`said`, below). The rules' names and the commands are main's data and are not here; commands and example
// names a sentence shows (`ip link`, eth1) are its placeholders, filled with the page's data.
import { rulesForwardSaid } from './said/rules-forward';

export const rules = {
  frame: {
    emptyText: 'No rules are planned yet.',
    verifiedText: 'The rules work from the internet.',
    /** Said by the frame while no NVR is chosen: "No NVR is chosen yet, so {nothingYet}." */
    nothingYet: 'there are no rules to plan',
    loadErrorTitle: 'The saved plan could not be read.',
    plannedAt: 'Planned',
    intro:
      'A port forward lets the internet reach one port of your NVR. The app works out the fewest rules for what you want to reach from outside, from the ports the Ports step measured, and writes them for your router. You enter them on the router yourself; the app changes nothing there.',
    verifyHelp:
      'The status only turns “verified” from outside: once the rules are on your router, the proof from outside tries each of them from the internet. Until then the plan is only a plan.',
  },

  /** The NVR's name when it told nothing about itself. */
  yourNvr: 'your NVR',
  planMade: { one: 'Plan made: {count} rule to enter.', other: 'Plan made: {count} rules to enter.' },
  planMadeNone: 'Plan made: no rule to enter.',
  /** Beside "Plan made": the page made it by itself on opening, from the choices below. */
  planMadeOnOpening:
    'Made on opening this page, for the choices below. Change them and press “Make the plan again” if you want other rules.',
  copiedCommands: 'Copied the commands.',
  copyCommandsFailed: 'Could not copy: select the commands and copy them yourself (Ctrl+C).',

  found: {
    title: 'What the plan rests on',
    address: 'Address',
    openPorts: 'Open ports',
    none: 'none',
    measured: 'Measured',
    keepsAddress: 'Keeps its address',
    portRole: '{port} ({role})',
    keptNotChecked: 'not checked yet',
    keptFixed: 'yes: a fixed address',
    keptReserved: 'yes: reserved in the router',
    keptDhcp: 'no: it gets its address from the router (DHCP) and may move',
    notMeasured: 'The NVR’s ports are not measured yet.',
    checkPortsFirst:
      'The plan forwards only ports the NVR really uses: check them first on the step {step}, then come back here.',
    portsStep: 'Ports',
    keepAddress: 'The rules point at one address: make sure the NVR keeps it on the step {step}.',
    staticIpStep: 'Static IP',
  },

  wishes: {
    heading: '1. What to reach from outside',
    legend: 'What to reach from outside',
    risk: 'Risk:',
    want: {
      web: {
        label: 'The web page (HTTPS)',
        /** In a sentence: "For the web page (HTTPS), the phone app, from anywhere." */
        short: 'the web page (HTTPS)',
        means: 'Log in to the NVR from a browser anywhere, encrypted. Plain HTTP is never forwarded.',
        risk: 'It is the NVR’s admin page: anyone who finds it can try passwords, and flaws in it are attacked.',
      },
      app: {
        label: 'The phone app and viewer software',
        short: 'the phone app',
        means: 'The maker’s app and PC software connect on the NVR’s own app port, on the same number outside.',
        risk: 'Scanners know that port belongs to the brand, and its protocol has had flaws.',
      },
      video: {
        label: 'Live video for other players (RTSP)',
        short: 'live video (RTSP)',
        means: 'Only for a player or recorder outside that needs the video stream itself.',
        risk: 'RTSP is not encrypted: the video and the login cross the internet readable.',
      },
    },
    /** What a plan for nothing ticked was made for. */
    nothing: 'nothing',
    udpMedia: {
      label: 'Also video over UDP (the NVR’s RTP ports {from}–{to})',
      means: 'Only for a player that cannot use “RTP over TCP”: one rule for the whole range.',
      risk: {
        one: '{count} more port open, the video unencrypted, and no port checker can prove UDP from outside.',
        other: '{count} more ports open, the video unencrypted, and no port checker can prove UDP from outside.',
      },
    },
    allowLabel: 'Allowed source addresses',
    allowHelp:
      'The internet addresses you connect from (your office, a phone plan with a fixed address), separated by commas, like {example}. Empty: from anywhere.',
    tooManySources: {
      one: 'At most {max} addresses or networks: remove {count}.',
      other: 'At most {max} addresses or networks: remove {count}.',
    },
    makePlan: 'Make the plan',
    makePlanAgain: 'Make the plan again',
    failed: 'The plan could not be made.',
  },

  plan: {
    heading: '2. The rules',
    otherNvr: 'This plan was made for another NVR',
    otherNvrWhy: '{otherNvr} (at {address}). Press “Make the plan again” for the NVR chosen now.',
    for: 'For {wants}, from {sources}.',
    anywhere: 'anywhere',
    caption: 'The port-forward rules to enter on your router',
    column: {
      name: 'Name',
      protocol: 'Protocol',
      outside: 'Outside port',
      toAddress: 'To address',
      toPort: 'To port',
      from: 'From',
    },
    noRule: 'No rule to enter.',
    noRuleWhy: 'The notes below say why.',
    notes: 'Notes on the plan',
    severity: { problem: 'problem', warning: 'warning', info: 'note' },
  },

  router: {
    heading: '3. Enter them on your router',
    pageFamilies: 'Your router, with a web page or app',
    commandFamilies: 'Or with a command line',
    menusDiffer:
      'Menus differ by firmware: the steps name where each router family keeps its forwards, with the source; a path nobody could confirm says “look for”.',
    wanLabel: 'The router’s internet-side interface',
    wanHelp: 'As the router names it ({command} lists them), like {example} or {wan}. Empty: {default}.',
    wanSubmit: 'Write for this interface',
    /** After the generator's own reason why the name cannot be used. */
    wanProblem: '{problem} Use the name the router gives it, such as {example} or {wan}.',
    chainLabel: 'The router’s own forward chain, if it drops what it does not accept',
    chainHelp:
      'As {command} shows it: family, table and chain, like {example}. The commands then accept the forwarded connections there too (an accept in another table cannot override its drop). Empty: none.',
    chainSubmit: 'Write for this chain',
    /** Before the buttons that choose nftables with a common forward chain and write the commands for it. */
    chainSuggested: 'Linux with nftables and one of its common forward chains, in one click:',
    /** Where each suggested chain comes from (src/shared/catalog/nft-forward-chains.ts). */
    chainFrom: {
      fw4: 'OpenWrt 22.03 and later (firewall fw4); it rebuilds this chain when it reloads, so enter the accepts again after a reload',
      filter: 'Debian’s and Arch Linux’s /etc/nftables.conf',
    },
    failed: 'The commands could not be written.',
    commandsLabel: 'Commands for your router',
    commandsFor: 'For {family}: {where}',
    stale: 'Written from an older plan: choose the router again to write them from this one.',
  },

  /** The routers the plan is written for, and where what is written goes. */
  family: {
    nftables: { label: 'Linux with nftables', where: 'a file loaded with {command}, as root on the router' },
    iptables: { label: 'Linux with iptables', where: 'commands run as root on the router' },
    openwrt: { label: 'OpenWrt', where: 'uci commands in an ssh session on the router' },
    mikrotik: { label: 'MikroTik RouterOS 7', where: 'the RouterOS terminal (WinBox › New Terminal, or ssh)' },
    /** Where the steps for a router with a web page or app go. */
    pageWhere: 'the router’s own page: numbered steps with your values',
  },

  /** "Prove from outside" on this page: the Internet step's proof, started here, and its verdict in short. */
  proof: {
    heading: '4. Prove them from outside',
    intro:
      'Once the rules are on your router, a checker on the internet connects back to each of them, as on the step {step}.',
    internetStep: 'Internet side',
    start: 'Prove from outside',
    again: 'Prove again',
    proving: 'Proving…',
    progressLabel: 'Proof from outside',
    cancelledText: 'The proof was cancelled.',
    errorTitle: 'The proof could not be made.',
    /** What was proven: the checker, the address it tested, the one expected (the DDNS name's), and when. */
    addresses: 'The checker {checker} tested {tested}; expected {expected}. Asked {time}.',
    noAddress: 'no address',
    notResolved: 'not resolved',
    notKnown: 'not known',
    rulesCaption: 'Your planned rules from outside',
    rule: '{protocol} {port} ({label}):',
    more: 'Every port it tried, the ones that must stay closed, and the evidence: {step}.',
  },

  proxy: {
    vpnFirst: 'Safest: a VPN first.',
    vpnWhy:
      'Your phone joins your home network through one encrypted tunnel, and nothing of the NVR is forwarded at all — no web page, no app port for scanners to find.',
    seeVpn: 'See the {step} step.',
    vpnStep: 'VPN',
    vpnPlans: 'The VPN step plans it.',
    heading: 'Instead of forwarding the NVR: a reverse proxy',
    intro:
      'A small web server on another computer of your network (one that stays on) stands in front of the NVR’s web page: it encrypts the connection, lets in only the addresses you allow, asks a password of its own, and the router forwards to it — the NVR’s own port is never opened.',
    legend: 'The proxy',
    kind: { caddy: 'Caddy', nginx: 'nginx' },
    hostLabel: 'Its public name (optional)',
    hostHelp:
      'A name that points at your router, like {example}: a free certificate for it. Empty: connect by address.',
    userLabel: 'A user name for the proxy’s password',
    userRequired: 'Required: no address is allowed, so the password is the only lock.',
    userOptional: 'Optional: without it, the allowed addresses and then the NVR’s own login.',
    userNeeded: 'No address is allowed: the proxy needs a user name for its password.',
    write: 'Write the config',
    failed: 'The config could not be written.',
    configLabel: "The proxy's config",
    configFor: 'For {kind}: {path}',
    copied: 'Copied the config.',
    copyFailed: 'Could not copy: select the config and copy it yourself (Ctrl+C).',
  },

  /** main's refusals in its own words (src/main/features/rules/index.ts, rule-commands.ts): errors said by key. */
  failures: {
    /** {wan}: what was typed, as it is. */
    notInterface: '"{wan}" is not an interface name.',
    /** {example}: a forward chain as it is typed. */
    chainForm: 'The forward chain is given as "<family> <table> <chain>", e.g. "{example}".',
    noWebPage:
      'The plan exposes no web page (not asked for, or the NVR has none open): there is nothing to put a proxy in front of.',
  },

  /**
   * main's own words about the plan and the proxy, said by key so the page and the CLI say them in the user's
   * language (src/shared/domain/forward-plan.ts, reverse-proxy.ts); main keeps the English sentence beside
   * them. Commands, file paths, addresses and ports are their placeholders' values, as they are.
   */
  said: {
    /** A router family's forward page, in numbered steps (./said/rules-forward.ts). */
    forward: rulesForwardSaid,
    /** Why each rule is there (forward-plan.ts, planForwards). */
    why: {
      https: 'The web page, encrypted (HTTPS). Plain HTTP is never forwarded.',
      /** {role}: the port's role in words (the Ports step's, e.g. "App/SDK port"). */
      app: 'The phone app and viewer software ({role}): same number outside, as the vendor requires.',
      rtsp: 'Live video for other players (RTSP), as you asked.',
      rtp: 'Video over UDP for players that cannot use RTP over TCP: the NVR’s own range {from}–{to}, the same numbers outside ({source}).',
    },
    /** The plan's notes (forward-plan.ts, planForwards). */
    note: {
      noMeasurement:
        'The NVR’s ports have not been measured yet (Ports step): the plan cannot know which ports it uses.',
      noHttps:
        'The NVR’s web page answers only over plain HTTP: forwarding it would send your password unencrypted across the internet. It is left out. Turn HTTPS on in the NVR (then measure again), use the phone app’s port, or use a VPN.',
      plainVideo:
        'RTSP is not encrypted: the video and the login cross the internet in the clear. Prefer the phone app, or a VPN; keep RTSP only if a player outside really needs it, and limit it to the addresses you use.',
      udpRange:
        '{count} UDP ports ({from}–{to}) carry the video unencrypted, and no port checker can prove UDP from outside. Most players can use "RTP over TCP" instead: then the RTSP rule alone is enough and this range can go.',
      udpMediaRange:
        'Players that ask for video over UDP need the NVR’s range {from}–{to} (UDP) forwarded too; choose "RTP over TCP" (or "TCP") in the player instead, so this one rule is enough.',
      udpMedia:
        'Players that ask for video over UDP need more ports forwarded; choose "RTP over TCP" (or "TCP") in the player instead, so this one rule is enough.',
      /** {name}: the rule's name; {reason}: the Ports step's reason the port is high-risk (its own sentence). */
      riskyPort: '{name} (outside {port}): {reason} A VPN reaches it without opening anything.',
      nothingToForward:
        'Nothing the NVR offers fits what you asked for safely, so there is no rule to enter. A VPN reaches everything without any forward.',
      /** {ports}: each outside port and the NVR's own, like "10443 → 443, 10554 → 554". */
      externalDiffers:
        'Some outside ports differ from the NVR’s own (e.g. {ports}): a well-known port is never opened outside. Use the outside number in the app and the browser.',
      anySource:
        'These rules are open to the whole internet. If you always connect from known addresses (your office, a phone plan with a fixed address), give them and the router lets only those in.',
      addressMoves:
        'The NVR’s address ({address}) can change (DHCP): the rules would then point at nothing. Fix it in the Static IP step first.',
      addressNotChecked:
        'It is not checked yet that the NVR keeps {address} (Static IP step): the rules point at that address.',
    },
    /** Why an allowed source is refused (forward-plan-shapes.ts, checkSourceSaid); {text}: what was typed. */
    source: {
      notAddress: '"{text}" is not an IPv4 address or network (e.g. 198.51.100.7 or 198.51.100.0/24).',
      prefix: '{text}: a network between /8 and /32, please (a shorter one is most of the internet).',
      notStart: '{text} is not the start of a /{prefix} network (did you mean {network}/{prefix}?).',
      private: '{text} is a private address: give the address you connect from on the internet.',
      notInternet:
        '{text} is not an address anyone connects from on the internet (a carrier-NAT, link-local, multicast or reserved range).',
    },
    /**
     * The reverse proxy (reverse-proxy.ts): why it cannot be written, and its numbered steps. {command}, {path}, {url}
     * and the like are what to type or open, as they are.
     */
    proxy: {
      nvrAddress: 'The NVR\'s address "{address}" is not an IPv4 address.',
      nvrPort: "The NVR's web port {port} is not a port number (1 to 65535).",
      proxyPort: "The proxy's port {port} is not a port number (1 to 65535).",
      openToAnyone:
        'With no allowed address the proxy is open to anyone on the internet: give a user name, so it asks for a password.',
      hostIsAddress: '{host} is an address, not a host name: leave the name out to connect by address.',
      notHost: '"{text}" is not a host name (like nvr.example.com): letters, digits, hyphens and dots only.',
      notUser: '"{text}" cannot be a user name here: 1 to 32 letters, digits, dots, hyphens or underscores.',
      step: {
        caddyInstall:
          'Install Caddy on a computer of your LAN that stays on (not the NVR): {command} (Debian, Ubuntu; others: {url}).',
        name: "{host} must point at your router’s public address (a DNS or DDNS name). Let's Encrypt checks it through port 80: forward outside port 80 (TCP) to the proxy computer’s port 80 as well, from anywhere — the proxy answers only that check there, never the NVR.",
        /** {placeholder}: what stands in the file where the hash goes. */
        caddyHash:
          'Make the password’s hash: {command} (it asks for the password and prints the hash). Put the hash in place of {placeholder}; the password itself is never in the file.',
        putFile: 'Put this file at {path}, then: {command}',
        nginxInstall:
          'Install nginx on a computer of your LAN that stays on (not the NVR): {command} (Debian, Ubuntu).',
        /** {certbot} {host} {hook}: one command, the name in the middle. */
        nginxCertbot:
          'Get the certificate for {host} (it is renewed on its own, and nginx reloaded): {install}, then: {certbot} {host} {hook}',
        nginxCertificate: 'Make the certificate: {command}',
        /** {htpasswd} and {printf}: two commands that each make the file; {package}: the one that has htpasswd. */
        nginxPasswords:
          'Make the password file (it asks for the password; only its hash is kept): {htpasswd} (package {package}), or without it: {printf}',
        forward:
          'On the router: forward outside port {port} (TCP) to the PROXY computer’s address, port {port} — not to the NVR ({address}).',
        forwardSources:
          'On the router: forward outside port {port} (TCP) to the PROXY computer’s address, port {port} — not to the NVR ({address}). Keep the allowed sources ({sources}) on that rule too.',
        removeForward:
          'Remove any forward to the NVR’s web page (to {address}:{port}): the NVR’s own port is never forwarded; only the proxy reaches it. The app/SDK port rule, if you use the phone app, stays as it is.',
        openHost: 'Open {url} from outside.',
        /** No public name: the address part of the link is the user's to fill in. */
        openAddress:
          'Open https://<your public address>:{port} from outside: the browser warns once about the certificate (the proxy made it), then the connection is encrypted.',
      },
    },
  },
} as const;
