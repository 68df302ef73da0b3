// The CLI's words for `checklist` (src/main/features/checklist/cli.ts): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliChecklist = {
  checklist: {
    usage:
      'The checklist to keep: the NVR, every step and its status, ports, forward rules, UPnP, DDNS, the public address, the test from outside, the security score with its fixes, the picture of what is open from the internet and what is still to do, as a PDF (A4, or US Letter with {letter}); with {json} the same as JSON on stdout (then {out} is optional). Never a password, token or key.',
    unexpected: 'Unexpected word "{word}".',
    giveOut: 'Give the file to write with {option} (or {json}).',
    badOut: '{option} takes a file name ending in {ext}.',
    written: 'The checklist was written to {path} ({bytes} bytes).',
    todo: { one: 'Still to do ({count}):', other: 'Still to do ({count}):' },
    allVerified: 'Every step is verified.',
  },
} as const;
