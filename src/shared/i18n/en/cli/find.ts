// The CLI's words for Find's commands (src/main/features/find/cli.ts); `find` holds the words they share with `ports` and `static-ip`: part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliFind = {
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
} as const;
