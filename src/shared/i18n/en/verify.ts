// The verify group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Verify page's own words; each check's title, text, changes and what to do are main's and come as they are. The
// cron line and the systemd units (verify-words.ts) are a file's contents and commands: data, not words.
export const verify = {
  emptyText: 'Not verified yet.',
  verifiedText: 'Nothing drifted: everything checked is as it was set up.',
  loadErrorTitle: 'The saved verification could not be read.',
  intro:
    'A setup that worked can stop working: the NVR takes another address, a reset puts its ports back, a device opens a UPnP mapping again, the internet provider changes your address. This step runs every check that needs no password again and compares with what the steps saved.',
  start: 'Re-check everything',
  running: 'Re-checking…',
  progressStart: 'Re-checking everything…',
  progress: 'Checks done',
  stopped: 'Stopped: nothing was kept; the last verification stands.',
  couldNotRun: 'The checks could not run.',
  firstVisit:
    'Re-checking now: this step re-checks everything by itself on its first visit (nothing is changed). Cancel stops it.',

  checks: {
    none: 'Not verified yet: press “Re-check everything”.',
    label: 'Each check',
    change: '{what}: {from} → {to}',
    whatToDo: 'What to do:',
    outcome: {
      noDrift: { title: 'No drift.', text: 'Everything checked is as it was set up.' },
      drift: {
        title: 'Something changed.',
        text: 'Each change below says what it was, what it is now and what to do.',
      },
      unproven: {
        title: 'Not proven.',
        text: 'A check could not measure, or nothing was set up to check: nothing is proven either way.',
      },
    },
    state: {
      ok: 'ok',
      drift: 'drift',
      notChecked: 'not checked',
    },
  },

  keep: {
    heading: 'Keep it checked',
    how: '{command} runs the same checks without a window: exit code 0 when nothing drifted, 3 on drift, 1 when a check could not run. Let this computer run it every day ({link} once puts {name} on your PATH).',
    cronLabel: 'A cron line',
    cronTitle: 'Cron ({command})',
    timerLabel: 'A systemd timer and its service',
    timerTitle: 'systemd timer',
    enable:
      'Save the two units in {folder}, then turn the timer on with {enable}; what it found is in {journal} (a drift fails the unit, so {failed} shows it).',
    copied: 'Copied.',
    copyFailed: 'Could not copy: select the text and copy it.',
  },
} as const;
