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

  startOver: {
    button: 'Start over…',
    title: 'Start the setup over?',
    yes: 'Yes, start over',
    no: 'Keep my progress',
    text: 'Your choices and measurements are cleared here. The current record is kept as a backup file next to it, so nothing is lost.',
    done: 'The setup starts fresh. The old record was kept as a backup.',
  },
} as const;
