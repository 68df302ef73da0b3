// The CLI's words for `ddns` (src/main/features/ddns/cli.ts, cli-router.ts): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type, providers and addresses are placeholders, never
// words here; what main says (the provider's answer explained, the check's finding, the router's steps) comes as it is.
export const cliDdns = {
  ddns: {
    usage: {
      update:
        'Point NAME at this network (or ADDRESS) through the provider; sent only when the address changed since the last update the provider took; {force} after you fixed a block at the provider. The password or token comes from stdin, never argv.',
      check:
        "Whether NAME points to the public address: the system's resolver and the zone's own server (found by NS, or {dnsServer}), with the TTL. Exit 0 only when it does.",
      router:
        'Your router\'s own DDNS client, step by step for NAME (it stays on; this app does not), with its source, or "not known" for the family; then the cron line for when it cannot.',
      families: 'FAMILY: {families} …',
    },
    tokenOnCommandLine: 'The token is never given on the command line: pipe it in with {option}.',
    verbs: 'Say {check}, {update} or {router}.',
    unexpectedWord: 'Unexpected word "{word}".',
    giveHost: 'Give the name with {option} (e.g. {example}).',
    takesIpv4: '{option} takes an IPv4 address.',
    giveOneOf: 'Give {option}: {choices}.',
    pipeSecret: {
      password: 'Pipe the password in with {option} (never on the command line).',
      token: 'Pipe the token in with {option} (never on the command line).',
    },
    giveUser: 'Give the user name with {option}.',
    noSecret: { password: 'No password on standard input.', token: 'No token on standard input.' },
    outcome: {
      updated: 'Updated',
      unchanged: 'Unchanged',
      auth: 'Login refused',
      host: 'Host name refused',
      blocked: 'Blocked by the provider',
      'retry-later': 'Try again later',
      fatal: 'Refused',
    },
    updateHead: '{outcome}: {host} ({provider}, {server})',
    sent: 'Sent: {requests}',
    nothingSent: 'Nothing was sent to the provider.',
    answer: "Provider's answer: {code}",
    stopped: 'The app sends no more updates for this host until you act.',
    waitMinutes: 'Do not update again for {minutes} minutes.',
    verdict: {
      ok: 'OK',
      propagating: 'PROPAGATING',
      stale: 'STALE',
      nxdomain: 'NXDOMAIN',
      servfail: 'SERVFAIL',
      refused: 'REFUSED',
      'no-record': 'NO-RECORD',
      unreachable: 'UNREACHABLE',
      'no-expected': 'NO-EXPECTED',
    },
    verdictLine: '{verdict}: {words}',
    publicAddress: 'Public address: {address}{from}',
    unknown: 'unknown',
    zoneServer: "Zone's server: {server} → {answer}",
    zoneServerFor: "Zone's server for {zone}: {server} → {answer}",
    notFound: 'not found',
    systemResolver: 'System resolver: {answer}',
    ttl: '{address} (TTL {ttl} s)',
    noAnswer: 'no answer',
    withError: '{answer} — {error}',
    checkedAt: 'Checked at {at}',
    router: {
      ownClient: '{product}: its own DDNS client',
      ownClientReportedly: '{product}: its own DDNS client (reportedly: these steps are not confirmed)',
      providers: 'Providers it can keep: {providers}',
      noProviders: 'It keeps none of these providers, only a name of its own.',
      source: 'Source: {source}',
      lookFor: 'Look for “DDNS” or “Dynamic DNS” in its settings.',
      cron: {
        password:
          "If the router cannot: this app's command from cron, on a computer that stays on (the password alone in a file only you can read):",
        token:
          "If the router cannot: this app's command from cron, on a computer that stays on (the token alone in a file only you can read):",
      },
    },
  },
} as const;
