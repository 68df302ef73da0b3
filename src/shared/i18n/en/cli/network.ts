// The CLI's words for `network`, `approach` and `interface` (src/main/features/network/): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliNetwork = {
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
    listUsage: 'Without a choice: the ways to reach the NVR, what is good and what to watch in each.',
    /** A way's line: what to type to choose it, then its name (src/shared/guidance/approaches.ts). */
    way: '{choice}: {title}',
    recommended: '{title} (recommended)',
    good: 'Good:',
    watchOut: 'Watch out:',
    choose: 'Choose one with {command}.',
  },
  interface: {
    usage: 'Choose the network interface used to find devices.',
    nameOne: 'Name one interface, e.g. `nvr-assist interface eth0`.',
  },
} as const;
