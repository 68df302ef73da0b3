// The verify group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Verify page's own words, and main's (`said`: each check's title, text, changes and what to do, said by key). The
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

  /** Once nothing drifted: the checklist to keep, downloaded from this page (VerifyHandOver.vue). */
  handOver: {
    title: 'Keep the checklist',
    text: 'Everything checked holds. Keep on one page what the wizard found, changed and proved, and hand it to whoever looks after your system: it never contains a password, a token or a key.',
    download: 'Download the checklist (PDF, A4)',
    more: 'US Letter or JSON: the Checklist step',
    saved: 'Saved as {file}.',
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

  /**
   * main's own words about each check (src/shared/domain/verify.ts): the titles, what was found, the changes' words
   * and what to do, said by key so the page and the CLI say them in the user's language. Addresses, MACs, ports and
   * names are values, as they came; the DDNS name's and the proof's own words are those steps' (not said by key yet).
   */
  said: {
    /** main's progress lines while it verifies (verify-service.ts). */
    progress: {
      lan: 'Checking the NVR at its address and its ports, and the router’s UPnP mappings…',
      public: 'Reading the public address…',
      outside: 'Checking the DDNS name and what the outside reaches…',
      comparing: 'Comparing with the saved setup…',
    },
    /** main's own errors (features/verify). */
    failures: {
      badChecker: 'The checker is not an http(s) address without a query.',
      /** Why a check could not be measured (`{error}` of its sentence), where nothing better is known. */
      unexpected: 'the measurement failed unexpectedly',
      /** A measurement cut at its bound: its time in milliseconds (under a second) or in whole seconds. */
      noAnswerMs: 'no answer within {ms} ms',
      noAnswerS: 'no answer within {seconds} s',
    },
    title: {
      address: 'The NVR’s address',
      ports: 'The NVR’s ports',
      upnp: 'UPnP mappings',
      public: 'Public address',
      ddns: 'DDNS name',
      outside: 'Reachable from outside',
    },
    address: {
      notSaved: 'No NVR chosen yet: choose it in “Find your NVR”, then verify.',
      notAsked: 'Not measured (Whether the NVR answers at {address} was not asked: cancelled).',
      failed: 'Whether the NVR answers at {address} could not be measured: {error}',
      gone: 'The NVR no longer answers at {address}.',
      goneTodo:
        'Find it again (“Find your NVR”): it may have taken another address from DHCP, or be off. Then give it an address it keeps (“Static IP”), and run the steps that point at it again.',
      otherDevice: 'Another device answers at {address}: its MAC is {mac}, the NVR’s is {saved}.',
      otherDeviceTodo:
        'Two devices share the address, or the NVR moved and another took its place: find the NVR again (“Find your NVR”) and give it an address outside the router’s DHCP range (“Static IP”).',
      same: 'The NVR answers at {address}, as saved.',
      sameMac: 'The NVR answers at {address} (MAC {mac}), as saved.',
    },
    ports: {
      notSaved: 'No measurement of the NVR’s ports saved: run “Ports”, then verify.',
      notAsked: 'Not measured (The NVR’s ports was not asked: cancelled).',
      failed: 'The NVR’s ports could not be measured: {error}',
      unreached: 'The NVR did not answer at {address}, so its ports were not measured.',
      same: { one: 'The NVR’s {count} open port is as saved.', other: 'The NVR’s {count} open ports are as saved.' },
      sameNotAgain: {
        one: 'The NVR’s {count} open port is as saved. Not measured again: {ports} (only a full scan reaches them).',
        other:
          'The NVR’s {count} open ports are as saved. Not measured again: {ports} (only a full scan reaches them).',
      },
      changed: {
        one: '{count} port of the NVR changed since it was measured.',
        other: '{count} ports of the NVR changed since it was measured.',
      },
      changedNotAgain: {
        one: '{count} port of the NVR changed since it was measured. Not measured again: {ports} (only a full scan reaches them).',
        other:
          '{count} ports of the NVR changed since it was measured. Not measured again: {ports} (only a full scan reaches them).',
      },
      todo: 'If you moved them, measure again (“Ports”) and let the router rules follow (“Router rules”). If you did not, the NVR did: a reset or a firmware update puts factory ports back — check its settings, then run “Ports”.',
    },
    upnp: {
      notSaved: 'No check of the router’s UPnP saved: run “UPnP”, then verify.',
      notAsked: 'Not measured (The router’s UPnP mappings was not asked: cancelled).',
      failed: 'The router’s UPnP mappings could not be measured: {error}',
      noGateway: 'This computer has no default gateway now: the router could not be asked.',
      listUnread: 'The router’s mapping list could not be read to its end.',
      listUnreadNote: 'The router’s mapping list could not be read to its end: {note}',
      same: {
        one: 'The router lists {count} mapping, none that was not there when saved.',
        other: 'The router lists {count} mappings, none that was not there when saved.',
      },
      stillOff: 'UPnP and NAT-PMP are still off at the router.',
      cameBack: {
        one: '{count} mapping you deleted came back: a device opens it again through UPnP.',
        other: '{count} mappings you deleted came back: a device opens them again through UPnP.',
      },
      changed: {
        one: 'The router lists {count} change since the UPnP check.',
        other: 'The router lists {count} changes since the UPnP check.',
      },
      todoTurnOff:
        'Deleting is not enough while UPnP is on: turn UPnP off on the NVR (and on the router), then delete the mapping again (“UPnP”).',
      todoCheckEach:
        'Check each in “UPnP”: delete a mapping you do not know, and turn UPnP off at the router once your own rules are in place.',
    },
    public: {
      notSaved: 'No public address saved: run “Internet side”, then verify.',
      notAsked: 'Not measured (The public address was not asked: cancelled).',
      failed: 'The public address could not be measured: {error}',
      unread: 'The public address could not be read now: {error}.',
      same: 'The public address is {address}, as saved ({connection}).',
      /** The Internet step's verdict titles (the connection, from → to), the Verify page's own to say. */
      title: {
        'public-on-router': 'Your router has the public address',
        'double-nat': 'Double NAT: an ISP box sits in front of your router',
        cgnat: 'Carrier-grade NAT: your ISP shares the public address',
        unknown: 'Not known yet',
      },
      /** The same titles in lowercase, as they stand inside "as saved (…)". */
      connection: {
        'public-on-router': 'your router has the public address',
        'double-nat': 'double nat: an isp box sits in front of your router',
        cgnat: 'carrier-grade nat: your isp shares the public address',
        unknown: 'not known yet',
      },
      moved: 'Your internet provider gave a new public address: {address}.',
      /** The connection changed, the address did not: the Internet step's verdict title. */
      now: {
        'public-on-router': 'Your router has the public address.',
        'double-nat': 'Double NAT: an ISP box sits in front of your router.',
        cgnat: 'Carrier-grade NAT: your ISP shares the public address.',
        unknown: 'Not known yet.',
      },
      todoNat: {
        'double-nat':
          'Double NAT: an ISP box sits in front of your router: port forwarding on your router alone cannot reach the NVR now. See “Internet side” (a VPN overlay works).',
        cgnat:
          'Carrier-grade NAT: your ISP shares the public address: port forwarding on your router alone cannot reach the NVR now. See “Internet side” (a VPN overlay works).',
      },
      todoDdns:
        'Your DDNS name must follow it: update it (“DDNS”), or let the router update it. Anything that uses the old address must use the name.',
      todoNoDdns:
        'Anything that uses the old address (a bookmark, the phone app) no longer reaches the NVR: use a DDNS name (“DDNS”).',
    },
    ddns: {
      notSaved: 'No DDNS name saved: nothing to check.',
      notAsked: 'Not measured (Where {host} points was not asked: cancelled).',
      failed: 'Where {host} points could not be measured: {error}',
      todo: 'Update the name (“DDNS”), and check that only one client updates it (the router, the NVR or this app).',
    },
    outside: {
      notSaved: 'No proof from outside saved: prove it in “Internet side”, then verify.',
      notAsked: 'Not measured (What the outside reaches was not asked: cancelled).',
      failed: 'What the outside reaches could not be measured: {error}',
      noAnswer: 'The checker {checker} gave no answer: {verdict}.',
      same: {
        one: '{count} port answered from outside as when proven.',
        other: '{count} ports answered from outside as when proven.',
      },
      sameStillOne: {
        one: '{count} port answered from outside as when proven. Still as before: {still} port not as it should be (see “Internet side”).',
        other:
          '{count} ports answered from outside as when proven. Still as before: {still} port not as it should be (see “Internet side”).',
      },
      sameStill: {
        one: '{count} port answered from outside as when proven. Still as before: {still} ports not as it should be (see “Internet side”).',
        other:
          '{count} ports answered from outside as when proven. Still as before: {still} ports not as it should be (see “Internet side”).',
      },
      changed: {
        one: '{count} port no longer as proven from outside.',
        other: '{count} ports no longer as proven from outside.',
      },
      changedStillOne: {
        one: '{count} port no longer as proven from outside. Still as before: {still} port not as it should be (see “Internet side”).',
        other:
          '{count} ports no longer as proven from outside. Still as before: {still} port not as it should be (see “Internet side”).',
      },
      changedStill: {
        one: '{count} port no longer as proven from outside. Still as before: {still} ports not as it should be (see “Internet side”).',
        other:
          '{count} ports no longer as proven from outside. Still as before: {still} ports not as it should be (see “Internet side”).',
      },
    },
    /** A change's words: what changed, from what, to what. */
    change: {
      answersAt: 'The NVR answers at',
      noAnswer: 'no answer',
      macAt: 'MAC at {address}',
      port: 'port {port}',
      state: { open: 'open', closed: 'closed', filtered: 'filtered' },
      notOpen: 'not open',
      routerRule: 'Router rule “{name}” → port {port}',
      deleted: 'deleted',
      listedAgain: 'listed again, opened by {who}',
      notListed: 'not listed',
      listed: 'listed',
      listedOpens: 'listed, opens {name}',
      listedOpensCamera: 'listed, opens a camera',
      upnp: 'UPnP / NAT-PMP at the router',
      off: 'off',
      on: 'on',
      publicAddress: 'Public address',
      connection: 'Internet connection',
      thePublicAddress: 'the public address',
      rule: 'Rule: {protocol} {port} {label}',
      mustStayShut: 'Must stay shut: {protocol} {port} {label}',
      notTested: 'not tested',
    },
  },
} as const;
