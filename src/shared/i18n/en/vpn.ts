// The vpn group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The VPN page's own words, and main's findings, reasons and check words (`said`, below); the plan's server names,
// steps and sources are the reference's and come as they are. Paths, commands, keys and addresses are data.
export const vpn = {
  emptyText: 'No VPN plan yet.',
  verifiedText: 'The tunnel works from outside.',
  loadErrorTitle: 'The saved VPN plan could not be read.',
  foundAtLabel: 'Planned',
  intro:
    'A VPN lets your phone reach the NVR as if it were at home, without opening the NVR to the internet. The app plans a WireGuard tunnel — only your LAN goes through it — and writes each device’s config and QR code.',

  grade: {
    H: 'well sourced',
    M: 'partly sourced',
    L: 'unofficial sources only',
  },

  form: {
    label: 'Your VPN',
    servers: 'Where the VPN server runs',
    linux: 'An always-on computer of your LAN (Linux, wg-quick)',
    synology: 'Synology router',
    isp: 'Your provider’s box',
    serverNote: '{grade}; {since}',
    noWireguard: 'no source shows a WireGuard server',
    peers: 'Devices that will connect',
    peersHelp: 'Names separated by commas (phone, laptop): each becomes a file name — letters, digits, - and _.',
    endpoint: 'Name the devices dial',
    endpointHelp: 'Your DDNS name. Empty: your public address, which can change.',
    endpointHelpDdns: 'Your DDNS name (the DDNS step’s is {name}). Empty: your public address, which can change.',
    endpointProblem:
      '"{endpoint}" is not a name the phone can dial (like home.example.net). Empty: your public address.',
    plan: 'Make the plan',
    planning: 'Planning…',
    nothingChanged:
      'Nothing is changed on your router: the app makes the keys (kept on this computer, readable by you only) and the plan.',
    failed: 'The plan could not be made.',
  },

  plan: {
    serverTitle: 'Where the server runs',
    graded: '— {grade}: {source}',
    where: 'Where: {where}',
    tunnelTitle: 'The tunnel',
    lan: 'Your LAN',
    tunnel: 'Tunnel subnet',
    tunnelValue: '{tunnel} (server {server})',
    dial: 'Devices dial',
    dialAddress: '{endpoint} (your public address now)',
    nothingYet: 'nothing yet',
    allowed: 'Through the tunnel',
    allowedValue: '{addresses} only',
    keepalive: 'Keepalive',
    keepaliveValue: '{seconds} s',
    noClash: '{tunnel} clashes with none of the networks this computer sees.',
    serverKey: 'Server public key: {key}',
    peersCaption: 'Each device and its public key (its private key is only in its config file).',
    device: 'Device',
    tunnelAddress: 'Tunnel address',
    publicKey: 'Public key',
    overlayTitle: 'Instead: an overlay network (both ends dial out)',
    overlayGrade: '({grade}: {source})',
    none: 'No plan yet: choose where the server runs, then “Make the plan”.',
  },

  files: {
    serverConfig: 'Server config',
    peerConfig: '{name}: config',
    peerQr: '{name}: QR code (PNG)',
    privateKey:
      'Each file holds a private key. The app writes it to the full path you give (on this computer), readable by you only; its text is never shown here. Open a QR code on this screen and scan it with the WireGuard app on the phone.',
    routerConfig:
      'The router makes the server’s config itself: follow the steps above and add each device by its public key.',
    save: 'Save',
    // Not a plural message: its figure is written without grouping (1822, as the page always wrote it), which a
    // plural's {count} would group (1,822). Main's files are never one byte long.
    written: 'Written to {file} ({bytes} bytes, readable by you only). It holds a private key: keep it to yourself.',
    cliTitle: 'The same from a terminal',
    cliLabel: 'The same as CLI commands',
    noFiles: 'No files to write: there is no home server in this plan (see what it says above).',
    planFirst: 'Make the plan first.',
  },

  check: {
    how: 'Once the server runs with this plan, check it from here: the app sends one WireGuard handshake as {device} to the server, and tells you what the internet sees.',
    firstDevice: 'the first device',
    run: 'Check the server',
    again: 'Check again',
    prove: 'Ask the address checker now what the internet sees',
    checkedAt: 'Checked {time}',
    failed: 'The check could not be made.',
    server: 'The server ({address})',
    endpoint: 'The name the devices dial',
    exposure: 'From outside',
    rowTitle: '{title}:',
    good: 'Good',
    toFix: 'To fix',
    notKnown: 'Not known',
    phoneTitle: 'The test only a phone can make',
    phoneWifiOff: 'On the phone, turn Wi-Fi off (mobile data only: from home Wi-Fi the test proves nothing).',
    phoneTunnelOn: 'Turn the WireGuard tunnel on, and open the NVR’s address: it must load.',
    phoneTunnelOff: 'Turn the tunnel off: the same address must not load.',
  },
  /**
   * main's refusals in its own words (src/main/services/vpn/vpn-service.ts, src/main/features/vpn/index.ts): errors
   * said by key. Commands and options to type, names, files and addresses are values.
   */
  failures: {
    overlayNoServer:
      'Behind carrier-grade NAT there is no home server to configure: follow the overlay steps of the plan.',
    noRouterServer: 'This router has no WireGuard server: plan with {option} (a computer of the LAN) instead.',
    routerMakesConfigs: 'This router makes its own configs: follow the plan’s steps on the router.',
    keysMissing: 'The keys of this plan are missing: make the plan again ({command}).',
    serverKeyChanged: 'The server key changed since this plan: make the plan again ({command}).',
    /** {devices}: the plan's devices, separated by commas. */
    notADevice: '"{name}" is not a device of this plan ({devices}).',
    deviceKeyChanged: 'The key of "{name}" changed since this plan: make the plan again ({command}).',
    noEndpoint:
      'The plan has no endpoint for the phone to dial: set up DDNS, or run the Internet check, then plan again.',
    noServerToCheck:
      'This plan has no home WireGuard server to check (overlay or no WireGuard on the router): test the overlay from its own app.',
    keysMissingOrChanged: 'The keys of this plan are missing or changed: make the plan again ({command}).',
    cannotWrite: 'The file could not be written: check that its folder exists and that you may write there.',
    qrForServer: 'A QR code is for a device (a phone), not for the server.',
    checkerUnusable: 'The checker {checker} cannot be asked: set a usable one on the Internet page.',
    fullPath: 'The file to write must be given as a full path.',
    planFirst: 'Make the VPN plan first ({command}).',
    serverAddressUnknown:
      'The address of the WireGuard server is not known (no default gateway here): give it with {option}.',
  },
  /**
   * main's own words in the plan and the check (src/shared/domain/vpn-plan.ts, vpn-checks.ts, vpn-check.ts and the
   * service's endpoint findings): said by key, so the page and the CLI say them in the user's language. Addresses,
   * names, ports and networks are values.
   */
  said: {
    /** Why a plan cannot be made from what was given. */
    refused: {
      lanNotNetwork: 'The LAN "{lan}" is not a network like 192.168.1.0/24.',
      badKey: 'A public key is not in WireGuard’s form (44 characters of base64).',
      badEndpoint: '"{endpoint}" is not a name the phone can dial (like home.example.net).',
      tunnelNotPrivate: 'The tunnel subnet "{tunnel}" must be a private network from /16 to /29.',
      tunnelClash: 'The tunnel subnet {tunnel} overlaps {clash}, a network your devices already use.',
      tunnelTooSmall: 'The tunnel subnet {tunnel} is too small for {devices} devices.',
      noFreeTunnel:
        'Every usual tunnel subnet clashes with a network here: give one with {option} (e.g. 10.213.7.0/24).',
      linuxAddress:
        'Give the Linux computer’s LAN address (it runs the server; the router forwards one UDP port to it).',
    },
    /** What is wrong with the devices' names (each becomes a file name). */
    names: {
      notFileName:
        '"{name}" cannot be a file name: use letters, digits, - and _ (up to 32, not starting with -), e.g. "{example}".',
      server: '"server" is the name of the server’s own config: name the device otherwise.',
      none: 'Name at least one device that will connect (e.g. phone).',
      tooMany: 'At most {max} devices in one plan.',
      twice: '"{name}" is named twice: each device needs its own name.',
    },
    /** The plan's findings. */
    findings: {
      lanCommon:
        'Your LAN {lan} is one of the most common home networks: on a hotel’s or a friend’s Wi-Fi with the same numbers the phone reaches their device, not your NVR. Use mobile data then, or renumber your LAN (e.g. 192.168.57.0/24) before you set the VPN up.',
      noWireguard:
        'No source shows a WireGuard server on this router ({server}). Run it on an always-on Linux computer of your LAN instead (plan with {option}: the router then needs one UDP port forward to it), or use a router that has one (OpenWrt, MikroTik RouterOS 7, FRITZ!Box 7.50+, GL.iNet).',
      cgnat:
        'Your internet provider shares one public address among many customers (carrier-grade NAT): nothing from the internet can reach a VPN server at home, on the router or on a computer. Use an overlay network instead — both ends dial out, so it works behind the carrier’s NAT — or ask the provider for a public IPv4 address.',
      tunnelMovedOne: '{clashes} is already used here ({taken}): the tunnel uses {tunnel} instead.',
      tunnelMovedMany: '{clashes} are already used here ({taken}): the tunnel uses {tunnel} instead.',
      notConfirmed:
        '{router}: only unofficial sources describe its WireGuard server ({source}); menus and the port may differ. Check the router’s own help.',
      dynamicAddress:
        'The phone dials {address}, your public address now. Most home connections get a new one now and then; the tunnel then stops until you set up DDNS (a name that follows the address) and use the name instead.',
      noEndpoint:
        'The phone needs an address to dial: set up DDNS (a name for your home), or run the Internet check so the app knows your public address.',
      doubleNat:
        'Another router (often the provider’s box) sits in front of yours: forward UDP {port} on it too, to your router’s WAN address — or put that box in bridge mode.',
      udpForward:
        'On the router: forward UDP {port} to {address} (nothing else). Give that computer a fixed address (a DHCP reservation), and keep it switched on.',
      endpointUnresolved:
        '{host} does not resolve (no IPv4 address found): the phone could not find your home. Check the DDNS name and that its updates run.',
      endpointElsewhere:
        "{host} points to {addresses}, but your public address is {address}: the DDNS record is out of date (or the name is someone else's).",
    },
    /** The check from inside: the server's answer, the name the devices dial, what the internet sees. */
    check: {
      handshake:
        'The WireGuard server at {where} answered a handshake made with {peer}’s keys: it runs with this plan’s server key and knows {peer}.',
      busy: 'The WireGuard server at {where} is up and has this plan’s public key, but answered “busy” (a cookie reply): check again in a minute to prove it knows {peer}.',
      unreadable:
        'Something at {where} answered the handshake, but not with this plan’s keys: another WireGuard server (or an old config) runs there. Bring up the server config of this plan.',
      silent:
        'No answer from {where} after {attempts} tries. WireGuard stays silent to a handshake it cannot read, so one of these: the server is not running, it listens on another port, a firewall drops UDP {port}, or its keys or its list of devices are not this plan’s ({peer} missing).',
      noEndpoint:
        'The plan has no name or address for the devices to dial: set up DDNS or run the Internet check, then plan again.',
      addressMoved:
        'The devices dial {host}, but your public address is now {address}: plan again and re-import the configs (a DDNS name avoids this).',
      address: 'The devices dial the address {host}. It may change: a DDNS name keeps working when it does.',
      unresolved:
        '{host} does not resolve: the phone could not find your home. Check the DDNS name and that its updates run.',
      pointsUncompared: '{host} points to {addresses}; run the Internet check to compare it with your public address.',
      pointsHome: '{host} points to your public address {address}.',
      pointsElsewhere:
        '{host} points to {addresses}, but your public address is {address}: the DDNS record is out of date.',
      untested:
        'Not tested from outside yet: run the proof from outside (Internet step, or {command}). With the VPN, no NVR port should be reachable.',
      closed: 'From outside, no port the proof tried was reachable: with the VPN, that is how it should be.',
      openOne:
        'From outside, {ports} was reachable: with the VPN, remove those forward rules (Router rules step) and turn UPnP off.',
      openMany:
        'From outside, {ports} were reachable: with the VPN, remove those forward rules (Router rules step) and turn UPnP off.',
    },
    /** The test only a phone on mobile data can make. */
    phone: {
      wifiOff: 'On the phone, turn Wi-Fi off (mobile data only: from home Wi-Fi the test proves nothing).',
      tunnelOn: 'Turn the WireGuard tunnel on: it dials {endpoint}.',
      tunnelOnPublic: 'Turn the WireGuard tunnel on: it dials your public address, port {port}.',
      open: 'Open http://{address}/ (or the NVR app with that address): it must load.',
      openLan: 'Open the NVR’s LAN address in the browser or the NVR app: it must load.',
      tunnelOff: 'Turn the tunnel off: the same address must not load. Then the NVR is reachable through the VPN only.',
    },
  },
} as const;
