// The wizard group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The frame every step sits in, the list of steps, the progress, "Start over", the step titles and the status words.
export const wizard = {
  /**
   * Each step's title, by its id. The renderer says these; src/shared/domain/steps.ts keeps its own (main's, the
   * CLI's) and a test holds the two equal in English.
   */
  steps: {
    network: { title: 'Your network' },
    find: { title: 'Find your NVR' },
    'static-ip': { title: 'Static IP' },
    ports: { title: 'Ports' },
    security: { title: 'Security' },
    upnp: { title: 'UPnP' },
    internet: { title: 'Internet side' },
    ddns: { title: 'DDNS' },
    rules: { title: 'Router rules' },
    vpn: { title: 'VPN' },
    verify: { title: 'Verify' },
    checklist: { title: 'Checklist' },
  },
  /** How a step's status is said, everywhere (components/step-status.ts). */
  status: {
    notStarted: 'not started',
    working: 'working',
    verified: 'verified',
    attention: 'needs attention',
    skipped: 'skipped',
  },
  /** A time that never was (a measurement not made yet). */
  never: 'never',

  frame: {
    stepNumber: 'Step {number}',
    found: 'What we found',
    todo: 'What to do',
    verify: 'Verify',
    checked: 'Checked',
    nextLabel: 'Next step',
    next: 'Next: {title}',
  },

  sidebar: {
    label: 'Setup steps',
    status: 'Status: ',
    planned: 'planned — not in this version yet',
  },

  progress: {
    label: 'Setup progress',
    // The noun goes with the total ("1 of 1 steps verified" in English either way).
    verified: {
      one: '{verified} of {count} steps verified',
      other: '{verified} of {count} steps verified',
    },
  },

  /**
   * A step the way chosen on "Your network" does not need (src/shared/domain/step-approach.ts keeps main's words; a
   * test holds these equal to them in English): the way, the short line in the list of steps, the note's first words
   * at the top of its page, and why, by step and way.
   */
  approach: {
    way: {
      vpn: 'the VPN way',
      'port-forwarding': 'the port-forwarding way',
      'vendor-cloud': 'the vendor-cloud way',
    },
    short: 'not needed for {way}',
    recommendedInstead: 'recommended instead',
    lead: 'Not needed for {way}:',
    reasons: {
      ports: {
        vpn: 'Through the VPN you reach the NVR as if you were at home, so none of its ports is opened to the internet and none needs moving for it.',
        'vendor-cloud':
          'The NVR connects out to the maker’s cloud, so none of its ports is opened to the internet and none needs moving for it.',
      },
      internet: {
        'vendor-cloud':
          'The vendor cloud needs no public address: the NVR connects out to the maker’s servers, which works even when your provider shares one address between customers.',
      },
      ddns: {
        'vendor-cloud': 'The maker’s app finds the NVR by its cloud ID, so your home’s address needs no name.',
      },
      rules: {
        vpn: 'The VPN needs no forward rule to the NVR: only the VPN’s own port, which the VPN step gives you.',
        'vendor-cloud': 'The vendor cloud needs no forward rule in the router: the NVR connects out by itself.',
      },
      vpn: {
        'port-forwarding':
          'You chose to forward ports instead. A VPN is still the safer way: the NVR stays invisible to the internet.',
        'vendor-cloud': 'The maker’s cloud connects your phone to the NVR, so no tunnel is needed.',
      },
    },
  },

  /**
   * Why a step has the status it has, as main says it (src/main/features/<step>/status.ts, the record's
   * `steps.<id>.reasonSaid`): in this group so that the sidebar and every page can say them.
   */
  reasons: {
    find: {
      logIn: 'Log in to the NVR to confirm the app can talk to it.',
      pick: 'Pick your NVR in the list.',
      noAnswer: 'No device answered. Check the NVR is on and on this network, or add it by its address.',
    },
    network: {
      interfaceGone: 'The interface you chose ({name}) is gone. Pick another one.',
      noConnection: 'No usable network connection was found. Connect this computer to the NVR’s network.',
      chooseWay: 'Choose how you want to reach the NVR.',
    },
    'static-ip': {
      read: 'Read from the NVR. See what to do below.',
      discovery: 'What discovery knows; log in to read the NVR’s own settings.',
    },
    upnp: {
      noRouter: 'No router found: this computer has no default gateway.',
      cameras: {
        one: '{count} UPnP mapping opens a camera or the NVR to the internet.',
        other: '{count} UPnP mappings open a camera or the NVR to the internet.',
      },
      unreadable: 'The router’s UPnP mappings could not all be read.',
      upnpOn: 'No camera is mapped now, but UPnP is on at the router: turn it off.',
      natPmpOn: 'No camera is mapped now, but NAT-PMP is on at the router: turn it off.',
    },
    internet: {
      unknown: 'Whether the router has the public address is not known yet.',
      /** `verdict`: the Internet step's verdict title (internet.said.title.*). */
      noForwarding: '{verdict}: port forwarding on your router alone cannot reach the NVR.',
    },
    security: {
      /** `title`: the first critical finding's title. */
      critical: {
        one: '{count} critical finding is open: {title}.',
        other: '{count} critical findings are open: {title}.',
      },
      worthFixing: {
        one: 'No critical finding is open. Score {score}/100: {count} fix is still worth making.',
        other: 'No critical finding is open. Score {score}/100: {count} fixes are still worth making.',
      },
      noFinding: 'No finding is open. Score {score}/100.',
    },
    verify: {
      /** `title`: the check that changed (verify.said.title.*), or a list of them. */
      changed: 'Changed since it was set up: {title}.',
      /** `title`: the check that could not measure (verify.said.title.*), or a list of them. */
      unmeasured: 'Could not check: {title}.',
      nothing: 'Nothing to check yet: set up the steps first.',
    },
    vpn: {
      plan: 'Set up the server ({server}), import each device’s config, then test from a phone on mobile data.',
      phoneTest: 'The server answers with this plan’s keys. Last test: from a phone on mobile data (see the steps).',
    },
    rules: {
      toEnter: {
        one: '{count} rule to enter on your router, then prove them from outside.',
        other: '{count} rules to enter on your router, then prove them from outside.',
      },
      none: 'No rule to enter: nothing fits what you asked for safely.',
      /**
       * After a proof from outside: `ports`, the planned rules not reachable (a list of `port`); `why`, the first one's
       * likely cause (the proof's own sentence, not said by key yet: as it came).
       */
      notReachable: 'Not reachable from outside: {ports}. {why}',
      port: 'port {port}',
    },
    checklist: {
      changed: 'The setup changed after the checklist of {at} was downloaded: download it again.',
    },
    ports: {
      summary: '{open} open port(s). Plan new ports below.',
      summaryDefaults: '{open} open port(s), {defaults} on factory numbers. Plan new ports below.',
      summaryHigh: '{open} open port(s), {high} high-risk. Plan new ports below.',
      summaryDefaultsHigh:
        '{open} open port(s), {defaults} on factory numbers, {high} high-risk. Plan new ports below.',
    },
    ddns: {
      providerAnswered: 'The provider answered "{code}": {words}',
      notChecked: 'Updated; not checked yet.',
    },
  },

  startOver: {
    button: 'Start over…',
    title: 'Start the setup over?',
    yes: 'Yes, start over',
    no: 'Keep my progress',
    text: 'Your choices and measurements are cleared here. The current record is kept as a backup file next to it, so nothing is lost.',
    done: 'The setup starts fresh. The old record was kept as a backup.',
  },
} as const;
