// The vpn group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The VPN page's own words; the plan's server names, steps, findings and sources, and the check's words are main's (or
// the reference's) and come as they are. Paths, commands, keys and addresses are data.
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
} as const;
