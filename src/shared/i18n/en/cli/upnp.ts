// The CLI's words for `upnp` (src/main/features/upnp/cli.ts): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliUpnp = {
  upnp: {
    usage: {
      audit:
        'Ask your router (the default gateway, nothing else) what UPnP and NAT-PMP opened to the internet: its external address and every port mapping, with the device each one reaches and what it exposes there. Mappings to the NVR or a camera come first.',
      delete:
        'Delete those mappings through UPnP, then read the router’s list again to prove they are gone. Exit 0 only when every one is gone.',
      deleteWatch:
        'Then wait SECONDS (default: just past the longest lease deleted, 2 min for a permanent mapping, at most 10 min) and read the list again: a device that opens a deleted mapping again is named. Exit 0 still gone, 3 a deleted mapping came back, 1 not proven (the list could not be read).',
      watch: 'The same re-check of the mappings deleted last, after SECONDS (at most {max}).',
    },
    noDevice: '`upnp` takes no device: it asks the router (your default gateway).',
    badSeconds: '{option} takes the seconds to wait, a whole number from 1 to {max}.',
    badDelete: '{option} takes external ports with their protocol, e.g. {example}.',
    askFailed: 'The router could not be asked.',
    askAgainFailed: 'The router could not be asked again.',
    deleteFailed: 'The mappings could not be deleted.',
    notRechecked: 'Not re-checked: not every mapping is gone.',
    watching: 'Watching for {seconds} s: a device that opens them again is caught then.',
    lease: { never: 'never', min: '{n} min', h: '{n} h', d: '{n} d' },
    noRouter: 'Router: none (this computer has no default gateway).',
    routerOn: 'Router {gateway}: UPnP on — {device} ({kind})',
    anIgd: 'an Internet Gateway Device',
    external: 'External address: {address}{status}',
    notGiven: 'not given',
    noIgd: 'Router {gateway}: no UPnP gateway answered.',
    natPmp: 'NAT-PMP: {state}',
    natOn: 'on',
    natOnAt: 'on (external address {address})',
    natNone: 'no answer',
    head: {
      proto: 'PROTO',
      outside: 'OUTSIDE',
      to: 'TO',
      device: 'DEVICE',
      service: 'SERVICE',
      lease: 'LEASE',
      description: 'DESCRIPTION',
    },
    noMappings: 'No port mappings.',
    finding: '{severity}: {text}',
    severity: { problem: 'Problem', warning: 'Warning', ok: 'OK', info: 'Note' },
    deleteWith: 'Delete them with: {command}',
    measuredAt: 'Measured at {at}',
    offRecorder: 'Turn UPnP off on the recorder, so it stops opening its own ports:',
    offRouter:
      'Turn UPnP (and NAT-PMP) off on the router once your own forward rules are in place (menus differ by firmware):',
    deletion: '{state}: {mapping} — {message}',
    gone: 'Gone',
    notGone: 'NOT GONE',
    refused: 'Refused',
    readAgain: 'The router’s list, read again:',
    recheckedAfter: 'Re-checked after {seconds} s ({at}):',
    cameBack: '  CAME BACK: {mapping}, opened again by {device}',
    notProven: '  Not proven: {mapping}',
    stillGone: '  Still gone: {mapping}',
    cameBackTodo:
      'A device opens these mappings again through UPnP: deleting is not enough. Turn UPnP off on that device (or on the router), then check again.',
    unprovenTodo: 'The router’s list could not be read to its end: nothing is proven either way. Check again.',
  },
} as const;
