// The CLI's words for `rules` (src/main/features/rules/cli.ts): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliRules = {
  rules: {
    usage: {
      plan: 'The fewest port-forward rules for the chosen NVR, from its measured ports: HTTPS for the web page (never plain HTTP, never 80/443 outside) and the phone app’s port; RTSP only with {video}; with {udpMedia} too the RTP range the NVR declares for video over UDP (one range rule). {allow} limits them to the addresses you connect from. What you give is kept for next time ({allowClear} clears the addresses; any of the four switches sets all three wishes).',
      router:
        'The same plan as commands for that router. {option} (nftables): your existing forward chain that drops what it does not accept.',
      proxy:
        'Instead of forwarding the web page: a reverse proxy on another computer of your LAN in front of it (TLS, the allowed addresses, a password of its own) — its config and the steps. {host}: a public name (a Let’s Encrypt certificate); {user}: the password’s user (required when no address is allowed).',
    },
    noDevice: '`rules` takes no device: it plans for the NVR you chose.',
    takesOneOf: '{option} takes one of: {choices}.',
    oneAtATime: '{proxy} and {router}: one at a time.',
    goWith: '{options} go with {with}.',
    goesWith: '{option} goes with {with}.',
    planFirst: 'Plan first (with {options}), then ask for {then}.',
    heading: 'Forward rules for the NVR at {address} ({wants}; from {sources}):',
    want: {
      web: 'web page',
      app: 'phone app',
      video: 'live video (RTSP)',
      udp: 'video over UDP',
      nothing: 'nothing asked for',
    },
    anywhere: 'anywhere',
    head: {
      name: 'NAME',
      protocol: 'PROTOCOL',
      outside: 'OUTSIDE PORT',
      toAddress: 'TO ADDRESS',
      toPort: 'TO PORT',
      from: 'FROM',
    },
    noRule: 'No rule.',
    finding: '{severity}: {text}',
    severity: { problem: 'Problem', warning: 'Warning', info: 'Note' },
    proxyInstead: "Instead of forwarding the NVR's web page, a reverse proxy in front of it: {command}",
    forRouter: 'For your router: {command}',
    endOf: 'end of {path}',
    steps: 'Steps ({kind}):',
  },
} as const;
