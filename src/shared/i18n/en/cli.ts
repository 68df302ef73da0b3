// The CLI's own words (src/main/cli/): its usage frame, what it says about a command line it does not understand,
// how it prints a failure — and each command's words, in a group of the command's name (`cli.verify.*`; the
// steps' commands' groups are in ./cli/<step>.ts, spread in below, so this file stays short).
import { cliNetwork } from './cli/network';
import { cliFrame } from './cli/frame';
import { cliFind } from './cli/find';
import { cliStaticIp } from './cli/static-ip';
import { cliPorts } from './cli/ports';
import { cliUpnp } from './cli/upnp';
import { cliRules } from './cli/rules';
import { cliInternet } from './cli/internet';
import { cliSecurity } from './cli/security';
import { cliVpn } from './cli/vpn';
import { cliChecklist } from './cli/checklist';
import { cliDdns } from './cli/ddns';

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
  // Each step's commands (./cli/<step>.ts).
  ...cliNetwork,
  ...cliFrame,
  ...cliFind,
  ...cliStaticIp,
  ...cliPorts,
  ...cliUpnp,
  ...cliRules,
  ...cliInternet,
  ...cliSecurity,
  ...cliVpn,
  ...cliChecklist,
  ...cliDdns,
} as const;
