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
} as const;
