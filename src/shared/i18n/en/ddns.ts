// The ddns group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The DDNS step's pages (src/renderer/steps/ddns/*.vue). The providers' names and help, the answers' titles and the
// routers' and NVRs' own DDNS clients are data from ddns-words.ts and the catalogues, not here.
export const ddns = {
  frame: {
    emptyText: 'The name is not checked yet.',
    verifiedText: 'The name points to your public address.',
    loadErrorTitle: 'The saved DDNS answers could not be read.',
  },
  intro:
    'Your home’s public address can change. A DDNS name (like mynvr.ddns.net) follows it, so the apps and the VPN can find your network by name. Make the name at your provider first; the app points it here and checks that DNS agrees.',
  recheck: {
    label: 'Check the name',
    help: 'The status turns “verified” only when the name points to your public address at the zone’s own DNS server (or, when that cannot be asked, at your system’s resolver).',
  },

  form: {
    label: 'Your DDNS name',
    provider: 'Provider',
    name: 'Name',
    server: 'Update server',
    serverHelp: 'The provider’s dyndns2 address. Empty: DynDNS’s own, {server}.',
    user: 'User name',
    secretHelp:
      '{help} Sent to the provider by the app’s background process and kept only in its memory until the app closes: never saved or shown. Empty: the {kind} given earlier for this name.',
    ip: 'Address to set',
    ipHelp:
      'Empty: your router’s external address, when it says it (UPnP or NAT-PMP); otherwise the provider takes the address the update comes from (Cloudflare needs one).',
    force: 'I fixed this at the provider: send the update again.',
    update: 'Update now',
    updating: 'Updating…',
    check: 'Check',
    buttonsHelp:
      'Update sends one request to the provider (none when it already has this address). Check asks DNS where the name points. Up to a minute each.',
    updateFailed: 'The update did not work.',
    checkFailed: 'The check did not work.',
  },

  results: {
    answerTitle: 'The provider’s answer',
    notSent: 'Nothing was sent to the provider.',
    sent: 'Sent: {requests} — the provider answered {code}.',
    answered: 'The provider answered {code}.',
    wait: {
      one: 'No update for {count} minute after this answer.',
      other: 'No update for {count} minutes after this answer.',
    },
    stop: 'The app sends no more updates for this name until you fix this.',
    checkTitle: 'Where the name points',
    publicAddress: 'Public address',
    notKnown: 'not known',
    zoneServer: 'Zone’s server',
    zoneServerOf: 'Zone’s server ({zone})',
    notFound: 'not found',
    notFoundWhy: 'not found ({error})',
    systemResolver: 'System resolver',
    checkedAt: '{host}, checked {time}',
    emptyLead: 'Nothing sent yet.',
    empty: '{lead} The app contacts the provider or DNS only when you press a button.',
  },

  keep: {
    heading: 'Keep the name up to date',
    notDaemon:
      'This app is not a background service: it updates the name only when you press “Update now”. When your internet provider gives your router a new address, the name keeps pointing at the old one until something updates it again. Pick one of these to do it for you:',
    routerTitle: 'Your router’s own DDNS client',
    router:
      '{title} (best: it knows the moment its address changes). Most routers have one; look for “DDNS” or “Dynamic DNS” on its settings pages, choose {choice} and type the same {fields} and {secret} as here.',
    choiceDyndns2: 'DynDNS, or a “custom” (dyndns2) entry with the same server',
    choiceListed: '{provider} if it is listed',
    fieldsWithUser: 'name, user name',
    fieldsName: 'name',
    routerPick: 'Your router’s steps:',
    noneChosen: 'None chosen',
    routerUnknown:
      'No built-in DDNS client is known here for the router chosen on Router rules: look for “DDNS” in its settings, or use the cron line below.',
    notConfirmed: ' — reportedly: these steps are not confirmed.',
    takes: 'Providers it can keep: {providers}.',
    takesNone: 'It keeps none of these providers, only a name of its own.',
    source: 'Source: {source}',
    routersWithOwn: 'Routers with a name service of their own',
    reportedly: 'Reportedly: ',
    nvrTitle: 'Your NVR’s built-in DDNS client',
    nvr: '{title}, if it has one and supports your provider (look for DDNS in its network settings). It sees your public address only through your router, so it works as long as the NVR can reach the internet.',
    cronTitle: 'This app’s command from cron',
    cron: '{title}, on a computer of your network that stays on. Put the {secret} alone in a file only you can read ({chmod}), then add this line with {crontab}:',
    cronLabel: 'The cron line',
    cronAfter:
      'It sends nothing while your router reports the same external address. If your router does not say its address (UPnP and NAT-PMP off), every run sends an update and providers block names updated too often: use the router’s client then.',
    onlyOne:
      'Only one of them per name: two clients with different addresses fight over it, and the provider may block the name.',
  },

  /** The page's words by provider, its check of the fields, and the titles of main's answers (ddns-words.ts). */
  words: {
    dyndns2Label: 'Another dyndns2 server (DynDNS …)',
    help: {
      duckdns: {
        host: 'Your DuckDNS name, like mynvr.duckdns.org.',
        secret: 'Token',
        secretHelp: 'The token shown on duckdns.org once you are logged in.',
      },
      noip: {
        host: 'The host name at No-IP, like mynvr.ddns.net.',
        secret: 'Password',
        secretHelp: 'The account password, or the password of a DDNS key.',
        user: 'Your No-IP user name or e-mail, or the user name of a DDNS key.',
      },
      dynu: {
        host: 'The host name at Dynu, like mynvr.freeddns.org.',
        secret: 'Password',
        secretHelp: 'The Dynu account password (or the IP update password, if you set one).',
        user: 'Your Dynu user name.',
      },
      dyndns2: {
        host: 'The host name at the provider, like mynvr.dyndns.org.',
        secret: 'Password',
        secretHelp: 'The password of the account (or the update key the provider gives).',
        user: 'The account’s user name.',
      },
      cloudflare: {
        host: 'The name in your Cloudflare zone, like nvr.example.com. Its A record must exist already.',
        secret: 'API token',
        secretHelp: 'An API token with the permission Zone → DNS → Edit for this zone (not the Global API Key).',
      },
    },
    lookup: {
      ttl: '{address} (TTL {ttl} s)',
      none: 'no address',
      noneWhy: 'no address ({why})',
    },
    problem: {
      hostEmpty: 'Type the name to keep up to date.',
      hostBad: 'Type the full name, like mynvr.ddns.net: letters, digits and hyphens between dots.',
      server: 'Type the server’s address, like https://dyndns.example.net (http or https, without a user name or “?”).',
      user: 'This provider needs the user name.',
      ip: 'Type an IPv4 address, like 203.0.113.7, or leave it empty.',
    },
    outcome: {
      updated: 'Updated',
      unchanged: 'Already up to date',
      auth: 'Login refused',
      host: 'Host name refused',
      blocked: 'Blocked by the provider',
      'retry-later': 'Try again later',
      fatal: 'Refused',
    },
    verdict: {
      ok: 'The name points to your public address',
      propagating: 'Set at the provider, still reaching the resolvers',
      stale: 'The name points somewhere else',
      nxdomain: 'The name does not exist',
      servfail: 'The name’s DNS is failing',
      refused: 'The DNS server refused to answer',
      'no-record': 'The name has no IPv4 address',
      unreachable: 'No DNS answer',
      'no-expected': 'The public address is not known',
    },
  },
} as const;
