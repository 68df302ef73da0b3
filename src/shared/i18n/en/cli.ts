// The CLI's own words (src/main/cli/): its usage frame, what it says about a command line it does not understand,
// how it prints a failure — and each command's words, in a group of the command's name (`cli.verify.*`).
export const cli = {
  usage: {
    synopsis: 'Usage: nvr-assist <command> [options]',
    commands: 'Commands:',
    help: 'This text.',
    options: 'Options:',
    json: 'Print the result as JSON (for scripts).',
    version: 'The app’s version.',
    exitCodes:
      'Exit codes: 0 done, 1 the command failed (the reason is printed), 2 the command line was not understood.',
  },
  option: {
    needsValue: '{option} needs a value.',
    valueAfterEquals: 'Give {option} its value as the next word ({option} VALUE), not after "=".',
    takesNoValue: '{option} takes no value.',
    passwordOnCommandLine:
      'Unknown option {option}. A password is never given on the command line: pipe it in with --password-stdin.',
    unknown: 'Unknown option {option}.',
    goesWith: '{option} goes with {commands}.',
    and: ' and ',
  },
  unknownCommand: 'Unknown command "{name}".',
  error: 'Error: {message}',
  couldNotRun: 'the command could not run.',

  verify: {
    usage:
      'Re-run every check that needs no password against the saved setup: the NVR at its address (and its MAC), its ports and the router rules’ ports, the router’s UPnP mappings (one that came back), the public address, the DDNS name, and from outside (the checker) the planned and the forbidden ports. Each: ok, drift (what changed, from what to what, what to do) or not checked (why). Nothing saved by the steps changes. Exit 0 no drift, 3 drift, 1 could not check. For cron or a systemd timer (see README).',
    outcome: {
      'no-drift': 'No drift: everything checked is as it was set up.',
      drift: 'Drift: something changed since it was set up (below, with what to do).',
      unproven: 'Not proven: a check could not measure, or nothing was set up to check.',
    },
    mark: { ok: 'ok   ', drift: 'DRIFT', 'not-checked': '--   ' },
    check: '{mark} {title}: {text}',
    checkNotChecked: '{mark} {title}: not checked — {text}',
    change: '        {what}: {from} → {to}',
    todo: '        What to do: {todo}',
    checkedAt: 'Checked at {at}',
    noWords: '`verify` takes no words, only --checker URL.',
    badChecker: '--checker takes an http(s) address without a query, e.g. --checker https://ifconfig.co.',
    failed: 'The setup could not be verified.',
  },
  network: {
    usage:
      'This computer’s network interfaces, default gateway and the interface the assistant will use to find your NVR.',
    noArgs: '`network` takes no arguments.',
    head: { interface: 'INTERFACE', kind: 'KIND', state: 'STATE', ipv4: 'IPV4', mac: 'MAC', note: 'NOTE' },
    up: 'up',
    down: 'down',
    gateway: 'Default gateway: {address} via {name}',
    noGateway: 'Default gateway: none found (this computer has no route to the internet).',
    findingThrough: 'Finding devices through: {reason} (marked *)',
    noInterface: 'No interface can be used to find devices: connect this computer to the NVR’s network.',
    youChose: 'You chose: {name}',
    measuredAt: 'Measured at {at}',
  },
  approach: {
    usage: 'Choose how to reach the NVR: {choices}.',
    chooseOne: 'Choose one approach: {choices}.',
  },
  interface: {
    usage: 'Choose the network interface used to find devices.',
    nameOne: 'Name one interface, e.g. `nvr-assist interface eth0`.',
  },
  setup: {
    approach: 'Approach:  {approach}',
    interface: 'Interface: {name}',
    notChosen: 'not chosen yet',
    interfaceNotChosen: 'not chosen yet (the recommended one is used)',
    updated: 'Updated:   {at}',
    head: { step: 'STEP', status: 'STATUS', note: 'NOTE' },
  },
  find: {
    at: 'at {addresses}',
    badPort: 'The port must be a number from 1 to 65535.',
    pipePassword: 'Pipe the password in with {option} (never on the command line).',
    giveUser: 'Give the user with {option}.',
    noStdin: 'This CLI cannot read standard input.',
  },
  discover: {
    usage:
      'Find cameras and recorders on the network (WS-Discovery/ONVIF, SSDP, Hikvision SADP, Dahua DHIP). {option} also knocks on every address of the subnet (up to a {prefix}), for networks that block discovery. Ctrl-C stops.',
    noArgs: '`discover` takes no arguments (use {option}).',
    found: '  found {address} {brand} {model} ({sources})',
    searching: 'Searching on {name}…',
    failed: 'the search failed.',
    none: 'No cameras or recorders answered. Check that the NVR is switched on and on this network.',
    head: {
      address: 'ADDRESS',
      brand: 'BRAND',
      model: 'MODEL',
      mac: 'MAC',
      foundBy: 'FOUND BY',
      ports: 'PORTS',
      id: 'ID',
    },
    count: {
      one: '{count} device(s). Pick yours with: {command}',
      other: '{count} device(s). Pick yours with: {command}',
    },
    notes: {
      one: '{count} note(s) from the search (odd answers are ignored), e.g.: {first}',
      other: '{count} note(s) from the search (odd answers are ignored), e.g.: {first}',
    },
  },
  watch: {
    usage:
      'Listen for devices announcing themselves (ONVIF Hello/Bye) for N seconds (default 60, at most 3600): a device that boots or changes address.',
    noArgs: '`watch` takes no arguments.',
    badSeconds: '{option} must be a whole number from {min} to {max}.',
    listening: 'Listening on {name} for {seconds} s…',
    heard: { one: '{count} announcement(s).', other: '{count} announcement(s).' },
  },
  choose: {
    usage: 'Pick your NVR from the last search (the ID column of `discover`).',
    nameOne: 'Name one device ID from `nvr-assist discover`.',
    yourNvr: 'Your NVR: {device}',
  },
  add: {
    usage:
      'Add a device by IP address or LAN name (for networks where the search cannot see it); only its ONVIF clock is read, no password is sent.',
    nameOne: 'Name one address, e.g. `nvr-assist add 192.168.1.64`.',
    added: 'Added: {device} (ID {id}). Log in with: {command}',
  },
  identify: {
    usage:
      'Log in over ONVIF and read maker, model, firmware and serial. The password is read from standard input, never from the command line.',
    nameOne: 'Name one address or device ID.',
    giveUser: 'Give the user with {user} and pipe the password in with {stdin}.',
    loggedIn: 'Logged in to {url} ({auth}).',
    head: { maker: 'MAKER', model: 'MODEL', firmware: 'FIRMWARE', serial: 'SERIAL' },
    clockAhead: {
      one: "Note: the device's clock is {count} minute(s) ahead; the app signed with the device's time. Set its clock (NTP) so recordings have the right time.",
      other:
        "Note: the device's clock is {count} minute(s) ahead; the app signed with the device's time. Set its clock (NTP) so recordings have the right time.",
    },
    clockBehind: {
      one: "Note: the device's clock is {count} minute(s) behind; the app signed with the device's time. Set its clock (NTP) so recordings have the right time.",
      other:
        "Note: the device's clock is {count} minute(s) behind; the app signed with the device's time. Set its clock (NTP) so recordings have the right time.",
    },
  },
  staticIp: {
    usage: {
      check:
        'Read the NVR’s address settings (DHCP, address, router, DNS; with a login from the NVR itself, else what discovery knows) and judge them: on DHCP, inside the router’s DHCP pool, off this network… and propose a free address outside the pool. {option} gives the router’s DHCP range (e.g. {example}); it is kept for later checks.',
      reserve:
        'The router way: note that you reserve this address for the NVR’s MAC in the router’s DHCP settings (printed with where routers keep them). The next check proves it once the NVR has renewed its lease; DHCP on is then fine.',
      apply:
        'Give the NVR that static address (DHCP off) through ONVIF: the address is checked and proven free first, then the NVR is followed to it and its settings are read back. Exit 0 only when verified. An address the app would not propose is refused unless {option} says you mean it; one that cannot work on this network is always refused. Nothing is sent when refused.',
    },
    nameOne: 'Name one device ID or address, e.g. `nvr-assist static-ip 192.168.1.64`.',
    goWithApply: '{options} and {option} go with {apply}.',
    poolAlone: 'Give {option} on its own, before {apply}.',
    badDns: '{option} takes one to four IPv4 addresses separated by commas, e.g. {example}.',
    notBoth: 'Use {apply} or {reserve}, not both.',
    changeFailed: 'The change could not be made.',
    readFailed: 'The address settings could not be read.',
    settingsOf: 'Address settings of {address} ({source})',
    theDevice: 'the device',
    fromNvr: 'read from the NVR over ONVIF',
    fromDiscovery: 'what discovery knows — log in with {user} and {stdin} to read the NVR’s own settings',
    head: { dhcp: 'DHCP', address: 'ADDRESS', router: 'ROUTER', dns: 'DNS', mac: 'MAC' },
    notKnown: 'not known',
    none: 'none',
    on: 'on',
    off: 'off',
    thisComputer: 'This computer: {address} on {name}, router {router}',
    noInterface: 'This computer: no usable network interface chosen.',
    pool: 'DHCP pool: {first} – {last} ({basis})',
    poolUnknown: 'DHCP pool: not known (give it with {option}).',
    finding: '{severity}: {text}',
    severity: { problem: 'Problem', warning: 'Warning', ok: 'OK', info: 'Note' },
    proposed: 'Proposed: {address}, router {router}, DNS {dns}',
    applyWith: 'Apply with: {command}',
    orReserve: 'Or reserve {address} for MAC {mac} in the router’s DHCP settings.',
    macNotKnown: '(not known)',
    outcome: { verified: 'Verified', restored: 'Put back', failed: 'FAILED', lost: 'NOT FOUND' },
    result: '{outcome}: {message}',
    checkAgain: 'Check again: {list}.',
    noReservation: 'No reservation is planned any more.',
    reserve: 'In the router’s DHCP settings, reserve {address} for MAC {mac}.',
    whereRouters: 'Where routers keep it (menus differ by firmware):',
    thenRestart:
      'Then restart the NVR (so it renews its lease) and run this command without {option}: it proves the NVR has that address.',
  },
} as const;
