// The CLI's words for `setup` and `reset`, and the setup table other commands print (src/main/features/frame/): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliFrame = {
  setup: {
    approach: 'Approach:  {approach}',
    interface: 'Interface: {name}',
    notChosen: 'not chosen yet',
    interfaceNotChosen: 'not chosen yet (the recommended one is used)',
    updated: 'Updated:   {at}',
    head: { step: 'STEP', status: 'STATUS', note: 'NOTE' },
    usage: 'The saved setup: chosen approach, interface and each step’s status.',
    noArgs: '`setup` takes no arguments.',
    note: 'Note: {message}',
  },
  reset: {
    usage: 'Start the setup over (the old one is kept as a backup file).',
    noArgs: '`reset` takes no arguments.',
    done: 'The setup was started over.',
  },
} as const;
