// The CLI's words for `static-ip` (src/main/features/static-ip/cli.ts): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliStaticIp = {
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
