// The ddns group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The DDNS step's pages (src/renderer/steps/ddns/*.vue). The providers' names and help, the answers' titles and the
// routers' and NVRs' own DDNS clients are data from ddns-words.ts and the catalogues, not here.
import { ddnsRouterSaid } from './said/ddns-router';

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
  /**
   * main's own words in its DDNS results (said by key: src/shared/domain/ddns-answers.ts, ddns-check.ts and
   * src/main/services/ddns/ddns-service.ts), each exactly main's English sentence. What a provider answered and why
   * a DNS question failed are its own words, not here.
   */
  said: {
    /** Routers' own DDNS clients and their steps (./said/ddns-router.ts). */
    router: ddnsRouterSaid,
    answer: {
      slowDown: 'The provider asks to slow down (too many requests). Wait before updating again.',
      serverTrouble: "The provider's server has a problem (HTTP {status}). Try again in {minutes} minutes.",
      unknown:
        'unknown answer: the provider answered something this app does not know. Nothing more is sent; check the host at the provider.',
      agentRefused:
        'The provider ignored the update and says this program is not allowed (its agent is refused). Nothing more is sent; contact the provider.',
      updated: 'Updated: the name points to {address} now.',
      updatedHere: 'Updated: the name points to this address now.',
      unchanged:
        'Already up to date: the name points to {address}. Repeating this gets a host blocked, so the app sends no update until the address changes.',
      unchangedHere:
        'Already up to date: the name points to this address. Repeating this gets a host blocked, so the app sends no update until the address changes.',
      badauth:
        'The user name or password is wrong. Nothing more is sent until you give the right ones (No-IP: use the DDNS key, or the account e-mail and password).',
      donator: 'The update asks for something only paying accounts may use. Nothing more is sent.',
      nohost:
        'This host name is not in this account (or does not exist there). Check the name, or the account it belongs to.',
      notfqdn: 'The host name is not a full name the provider knows (like mynvr.ddns.net). Check the name.',
      numhost: 'Too many host names in one update (more than 20), or a round-robin host.',
      abuse:
        'The provider has blocked this host for too many updates. Nothing more is sent: unblock it at the provider (its web page or support) first.',
      badagent:
        'The provider refuses this program (its user agent or request method). Nothing more is sent; contact the provider.',
      dnserr: "The provider's DNS had an error. Try again in {minutes} minutes at the earliest.",
      maintenance:
        'The provider has a problem or maintenance. No update for {minutes} minutes at least, and not without you: the app does not retry by itself.',
      loginRefused: 'The provider refused the login (HTTP 401). Check the user name and password.',
      upToDate: 'Already up to date: the name points to {address}.',
      upToDateHere: 'Already up to date: the name points to this address.',
      duckdnsRefused:
        'DuckDNS refused the update: the token is wrong, or the domain is not in this account (DuckDNS does not say which). Check both on duckdns.org.',
      cloudflareTokenRefused: 'Cloudflare refused the API token (invalid, expired, or not allowed from this address).',
      cloudflareTokenWrong:
        'Cloudflare refused the API token: it is wrong, or it lacks the permission Zone → DNS → Edit for this zone.',
      cloudflareTokenHeaders: 'Cloudflare could not read the API token (invalid request headers). Paste it again.',
      cloudflareTokenMalformed: 'Cloudflare could not read the API token (malformed Authorization). Paste it again.',
      cloudflareNoSuchRecord: 'Cloudflare has no such record: create an A record for this name in the zone first.',
      cloudflareUnknownZone: 'Cloudflare does not know this zone or record (wrong identifier).',
      cloudflareNotManaged:
        "Cloudflare's API does not manage this domain's DNS (.cf, .ga, .gq, .ml, .tk): use its dashboard.",
      cloudflareBadAddress: 'Cloudflare refused the address: not a valid IPv4 address for an A record.',
      cloudflareAlreadySet: 'Cloudflare already has this record with this address.',
      cloudflareToken: 'Cloudflare refused the API token.',
    },
    /** Why main found no answer at the zone's server (a DNS question's own failure fills {error} as it came). */
    lookup: {
      noResolver: 'this computer has no DNS server to ask which server holds the zone',
      noAnswerFrom: 'the DNS server {server} gave no answer ({error})',
      serversWithoutAddress: "the zone's servers ({servers}) have no address",
      noZoneServer: 'no DNS server says which server holds the zone of {host}',
      truncated: 'the answer was truncated (TC): more than fits in one UDP answer',
    },
    /** Where the public address the check compares with came from. */
    from: {
      given: 'given',
      router: "the router's external address",
      lastUpdate: 'the last update',
    },
    gate: {
      wait: 'The provider asked to wait ({code}): no update before {at}.',
      stopped: 'The last answer was "{code}": {words} Once it is fixed at the provider, update again with --force.',
      unchanged:
        'Not sent: {host} already points to {address} at the provider (since {since}); providers block clients that repeat updates.',
    },
    service: {
      unreachable: '{provider} could not be reached: {error}.',
      severalZones: 'Cloudflare lists several zones named {zone}.',
      noZone:
        'Cloudflare has no zone for {host} that this token may read (it needs Zone → Zone → Read and Zone → DNS → Edit).',
      zoneIdUnusable: 'The zone identifier Cloudflare gave cannot be used.',
      noRecord: 'Cloudflare has no A record for {host}: create one in the zone first.',
      severalRecords: '{host} has several A records at Cloudflare: keep one.',
      recordIdUnusable: 'The record identifier Cloudflare gave cannot be used.',
      needsPassword: '{provider} needs the password.',
      needsToken: '{provider} needs the token.',
      needsAddress: 'Cloudflare needs the address to set (the public address was not found).',
      needsUser: '{provider} needs the user name.',
      unusable: 'The host name or the server address cannot be used.',
    },
    check: {
      nxdomainAtZone:
        "{host} does not exist (NXDOMAIN at the zone's server {server}): check the name, or create it at the provider.",
      nxdomainAtSystem:
        '{host} does not exist (NXDOMAIN at the system resolver): check the name, or create it at the provider.',
      servfail:
        "The DNS server failed to answer for {host} (SERVFAIL): the provider's DNS or the zone is broken. Try again later.",
      refused: "the zone's server {server} refused to answer for {host} (REFUSED): it is not this zone's server.",
      unreachable: 'No DNS answer for {host}: {zoneError}; system resolver: {systemError}.',
      zoneNoAnswer: 'the zone server did not answer',
      noAddress: 'no address',
      noRecord: "{host} exists but has no IPv4 address (A record) at the zone's server {server}.",
      noExpected: '{host} points to {addresses}; the public address is not known, so it cannot be compared.',
      noExpectedTtl:
        '{host} points to {addresses} (TTL {ttl} s); the public address is not known, so it cannot be compared.',
      staleAtZone:
        "{host} points to {addresses} at the zone's server {server}, not to the public address {address}: the update did not happen or another client set it. Update it.",
      staleAtSystem:
        '{host} points to {addresses} at the system resolver, not to the public address {address}: the update did not happen or another client set it. Update it.',
      propagating:
        "the zone's server {server} has {address}, the system resolver still has {addresses}: it follows within the TTL.",
      propagatingTtl:
        "the zone's server {server} has {address} (TTL {ttl} s), the system resolver still has {addresses}: it follows within the TTL.",
      okAtZone: "{host} points to {address} at the zone's server {server}.",
      okAtZoneTtl: "{host} points to {address} (TTL {ttl} s) at the zone's server {server}.",
      okAtBoth: "{host} points to {address} at the zone's server {server} and at the system resolver.",
      okAtBothTtl: "{host} points to {address} (TTL {ttl} s) at the zone's server {server} and at the system resolver.",
      okAtSystem: '{host} points to {address} and at the system resolver.',
      okAtSystemTtl: '{host} points to {address} (TTL {ttl} s) and at the system resolver.',
      // The same sentences where the zone's server answered but its address is not known.
      nxdomainAtZoneUnnamed:
        "{host} does not exist (NXDOMAIN at the zone's server): check the name, or create it at the provider.",
      refusedUnnamed: "the zone's server refused to answer for {host} (REFUSED): it is not this zone's server.",
      noRecordUnnamed: "{host} exists but has no IPv4 address (A record) at the zone's server.",
      staleAtZoneUnnamed:
        "{host} points to {addresses} at the zone's server, not to the public address {address}: the update did not happen or another client set it. Update it.",
      propagatingUnnamed:
        "the zone's server has {address}, the system resolver still has {addresses}: it follows within the TTL.",
      propagatingTtlUnnamed:
        "the zone's server has {address} (TTL {ttl} s), the system resolver still has {addresses}: it follows within the TTL.",
      okAtZoneUnnamed: "{host} points to {address} at the zone's server.",
      okAtZoneTtlUnnamed: "{host} points to {address} (TTL {ttl} s) at the zone's server.",
      okAtBothUnnamed: "{host} points to {address} at the zone's server and at the system resolver.",
      okAtBothTtlUnnamed: "{host} points to {address} (TTL {ttl} s) at the zone's server and at the system resolver.",
    },
  },
} as const;
