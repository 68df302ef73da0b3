// The English catalogue: every user-facing string of the converted parts, in one place. It is the single source:
// its shape is every other language's type (`Messages`, types.ts), so a key added here and missing in another
// language fails the typecheck. Placeholders are `{name}`; a message that depends on a number is an object with one
// form per plural category (`one`, `other` in English; `Intl.PluralRules` picks the form and `{count}` is written
// with the locale's digits). A number passed to a placeholder is formatted by the locale (`1,234`); pass an
// identifier (a port, a prefix length) as a string. No group is called `other` (that word marks a plural message).
// Sentences stay whole: where a page puts markup inside one (a name in bold, a link), the placeholder marks it.

// Each step's words are in their own file here (./network.ts, ./ports.ts …), so converting one step touches no
// other file; the shell's, Find's, the device card's and the error catalogue's are below.
import { network } from './network';
import { staticIp } from './static-ip';
import { ports } from './ports';
import { rules } from './rules';
import { upnp } from './upnp';
import { internet } from './internet';
import { ddns } from './ddns';
import { vpn } from './vpn';
import { verify } from './verify';
import { security } from './security';
import { checklist } from './checklist';
import { checklistPdf } from './checklist-pdf';
import { cli } from './cli';
import { wizard } from './wizard';
import { components } from './components';

export const en = {
  network,
  staticIp,
  ports,
  rules,
  upnp,
  internet,
  ddns,
  vpn,
  verify,
  security,
  checklist,
  checklistPdf,
  cli,
  wizard,
  components,

  app: {
    skipToContent: 'Skip to content',
    browserMode: 'browser mode',
    browserModeTitle: "Running in your browser against the app's local service",
    version: 'Version {version} · {platform}',
    savedNote: 'Your setup is saved on this computer as you go; passwords are never stored in it.',
  },

  common: {
    checking: 'Checking…',
  },

  find: {
    emptyText: 'Nothing searched yet.',
    verifiedText: 'Your NVR answered the app’s ONVIF login.',
    intro:
      'The app asks your network which cameras and recorders are on it, the way their makers’ own tools do. Then you tell it which one is your NVR.',
    searchFailed: 'The search did not work.',
    foundBeforeKept: 'The devices found before are still shown.',
    searchingThrough: 'Searching through {interface}',
    searchedThrough: 'Searched {time} through {interface}',
    searchedAt: 'Searched {time}',
    savedThrough: 'Saved from the search of {time} through {interface}',
    savedAt: 'Saved from the search of {time}',
    readingLast: 'Reading the last search…',
    count: {
      searchingNone: 'Searching… devices appear here as they answer.',
      soFar: { one: '{count} device found so far.', other: '{count} devices found so far.' },
      found: { one: '{count} device found.', other: '{count} devices found.' },
      foundLikely: {
        one: '{count} device found; {likely} of them answered like a camera or recorder (listed first).',
        other: '{count} devices found; {likely} of them answered like a camera or recorder (listed first).',
      },
    },
    ignored: {
      summary: { one: '{count} odd answer ignored', other: '{count} odd answers ignored' },
      aside: '— not used, shown for the curious',
      why: 'These answers were malformed or pointed outside your network, so the app did not follow them.',
    },
    verify: {
      proof:
        'Picking it is not proof yet: the proof is the NVR answering the app over ONVIF with your user name and password. The app tries once and never guesses.',
      logInAndProof:
        'Log in to your NVR to confirm the app can talk to it. Picking it is not proof yet: the proof is the NVR answering the app over ONVIF with your user name and password. The app tries once and never guesses.',
      loggingIn: 'Logging in…',
      logInTo: 'Log in to {name}',
      pressLogIn: 'Press “Log in” on your NVR’s card above.',
    },
    loggedIn: 'Logged in to {name}. It is your NVR now.',
    loggedInRemembered: 'Logged in to {name}. It is your NVR now. Its password is remembered on this computer.',
    forgotten: 'The password of {name} is forgotten on this computer.',
    deviceAt: 'the device at {address}',
    theDevice: 'the device',
    aDevice: 'A device',
    itsAddress: 'its address',
    listLegend: 'Devices found; pick your NVR',

    search: {
      heading: '1. Search this network',
      goesThrough: 'The search goes through {interface}{addresses}',
      goesThroughSuggested: 'The search goes through {interface}{addresses} — the suggested connection.',
      noneChosen: 'No connection is chosen yet; the app uses the one it suggests on {networkStep}.',
      networkStep: 'Your network',
      change: 'Change',
      close: 'Close',
      pickConnection: 'Pick the connection on the same network as your NVR:',
      noUsableConnection: 'No connection here can be used to search. Connect this computer to the NVR’s network first.',
      saving: 'saving…',
      search: 'Search',
      searchAgain: 'Search again',
      searching: 'Searching…',
      cancel: 'Cancel',
      duration: { one: 'Takes about {count} second.', other: 'Takes about {count} seconds.' },
      sweep: 'Also check every address (slower; for networks that block discovery)',
      sweepTooBig: 'This network (/{prefix}) is too big to check every address; only the usual search runs.',
      progress: 'Search progress',
    },

    listening: {
      on: 'Listening for devices that switch on…',
      onTitle: 'The app hears ONVIF devices announce themselves on {interface}; it sends nothing for this.',
      off: 'Not listening for devices that switch on: {reason}',
    },

    add: {
      heading: 'Not in the list? Add it by its address',
      help: 'Type your NVR’s IPv4 address (shown on its own screen under Network, or in your router’s list of devices) or its name on your network. The port is its ONVIF port; leave it empty and the app tries the usual ones.',
      address: 'Address or name',
      addressPlaceholder: 'e.g. 192.168.1.64',
      port: 'Port',
      optional: '(optional)',
      add: 'Add',
      adding: 'Adding…',
      failed: 'It could not be added.',
      added: 'Added {name} at {addresses}: it is in the list above, marked “manual”.',
    },

    chosen: {
      heading: '2. Tell the app which one is your NVR',
      help: 'Press “This is my NVR” on its card, or “Log in” (logging in also makes it your NVR). Recorders usually answer ONVIF and their maker’s search (SADP for Hikvision, DHIP for Dahua); match the address or MAC with the label on the box or the NVR’s own screen.',
      summary: 'Your NVR: {name} at {addresses}{mac}, chosen {time}.',
      summaryNotInLatest: 'Your NVR: {name} at {addresses}{mac}, chosen {time}. It did not answer the latest search.',
      mac: 'MAC {mac}',
      logIn: 'Log in',
      logInAgain: 'Log in again',
      loggingIn: 'Logging in…',
      none: 'Not chosen yet.',
    },

    empty: {
      stopped: 'The search was stopped before any device answered.',
      nothing: 'No device answered the search.',
      toCheck: 'Things to check:',
      checkPower: 'The NVR is switched on, and its network cable goes to the same router or switch as this computer.',
      checkSameNetwork:
        'This computer is on the same network as the NVR. On Wi-Fi, a guest network or “client isolation” (also called AP isolation) keeps Wi-Fi devices from seeing wired ones: use the main Wi-Fi or a cable.',
      checkSplit:
        'The network is not split into separate parts (VLANs, or a second router in front of the NVR). If it is, search from a computer on the NVR’s part.',
      sweepTitle: 'Networks that block discovery',
      sweepWhy:
        '{networks} (VLANs, Docker, Wi-Fi client isolation) hide devices from the search. Checking every address on the network still finds them; it takes a few seconds more.',
      sweepButton: 'Search again, checking every address',
      sweptNothing: 'Every address on the network was checked too, and nothing answered.',
      silentNvrs:
        'Some NVRs do not answer searches at all. If you know your NVR’s address (on its own screen under Network, or in your router’s list of devices), add it under “Not in the list? Add it by its address” below.',
      noSearch: 'No search yet.',
      noSearchHelp:
        'Press “Search” below to look for your NVR on this network, or add it by its address if you know it.',
    },
  },

  device: {
    source: {
      onvif: { label: 'ONVIF', title: 'Answered the ONVIF search that cameras and recorders speak' },
      ssdp: { label: 'SSDP', title: 'Announced itself over UPnP (SSDP)' },
      sadp: { label: 'SADP', title: 'Answered Hikvision’s own search (SADP)' },
      dhip: { label: 'DHIP', title: 'Answered Dahua’s own search (DHIP)' },
      sweep: { label: 'sweep', title: 'Found by asking each address on the network' },
      manual: { label: 'manual', title: 'Added by you, by its address' },
    },
    brandSource: {
      scopes: 'its ONVIF answer',
      sadp: 'its SADP answer',
      dhip: 'its DHIP answer',
      ssdp: 'its UPnP description',
      oui: 'the maker part of its MAC',
      banner: 'its web page',
    },
    yes: 'yes',
    no: 'no',
    notKnown: 'not known',
    noAddress: 'no address',
    deviceAt: 'Device at {address}',
    nameAt: '{name} at {address}',
    fact: {
      address: 'Address',
      mac: 'MAC',
      firmware: 'Firmware',
      serial: 'Serial',
      dhcp: 'Address from DHCP',
      onvif: 'ONVIF address',
      onvifNone: 'none announced',
      endpoint: 'Identity it announced',
      endpointNone: 'none',
      brand: 'Brand told by',
      brandNone: 'nothing yet',
      activated: 'Activated',
      interface: 'Found through',
      seen: 'Last seen',
    },
    makerUnknown: 'unknown maker',
    makerUnknownTitle: 'It did not say who made it. Logging in (if it speaks ONVIF) or its MAC on the label can tell.',
    yourNvr: 'your NVR',
    logIn: 'Log in',
    logInAgain: 'Log in again',
    loggingIn: 'Logging in…',
    logInLabel: 'Log in to {name}',
    logInAgainLabel: 'Log in again to {name}',
    choose: 'This is my NVR',
    chooseLabel: 'This is my NVR: {name}',
    saving: 'Saving…',
    foundBy: 'Found by: ',
    portsDeclared: 'Ports it declares:',
    upnpOn: 'UPnP on',
    notActivated: 'not activated',
    upnpHint:
      'It announces itself over UPnP, so its automatic port opening may be on. The UPnP step checks your router for the openings it made.',
    notActivatedHint:
      'It has no admin password yet (not activated). Set one in the maker’s tool or web page before going on.',
    more: 'More about this device',
  },

  // The error catalogue (src/shared/ipc/errors.ts's ERROR_MESSAGES is this group): every failure that crosses a
  // boundary has one of these codes and a plain-language message. Exception text, file paths and credentials
  // never cross.
  errors: {
    BAD_REQUEST: 'The request was not in the expected form.',
    UNKNOWN_CHANNEL: 'The app does not know that request.',
    FORBIDDEN: 'This request was refused because it did not come from the app itself.',
    INTERNAL:
      'Something went wrong inside the app. Nothing was changed. Try again; if it happens again, restart the app.',
    CANCELLED: 'The operation was cancelled.',
    JOB_NOT_FOUND: 'That task has already finished or never existed.',
    TIMEOUT: 'The device or network did not answer in time.',
    NETWORK_LOST:
      'This computer lost its connection to the network in the middle of the check (the cable, Wi-Fi or VPN dropped?). Reconnect it and check again; the last complete measurement is kept.',
    INTERFACE_NOT_FOUND:
      'That network interface is not on this computer (any more). Refresh the list and pick another one.',
    INTERFACE_UNUSABLE:
      'That network interface has no IPv4 address or is down, so the app cannot search the network through it.',
    SETUP_WRITE_FAILED:
      'Your progress could not be saved to disk. Check that the disk is not full and that the app may write to its settings folder.',
    SETUP_BUSY:
      'Another copy of the app (or the command line) is saving your progress right now. Try again in a moment.',
    // Its AppFailure names the damaged file and its folder: the one message with paths, since that file is what to fix.
    SETUP_DAMAGED_READ_ONLY:
      'Your saved progress is damaged and the app’s settings folder cannot be written. Make the folder writable or move the file away, then start the app again.',
    DEVICE_NOT_FOUND: 'That device is not in the list of devices found. Search again, or add it by its address.',
    DEVICE_UNREACHABLE: 'The device did not answer at that address. Check that it is switched on and on this network.',
    NOT_ONVIF:
      'Something answered at that address, but it does not speak ONVIF there. Check the address and port, and that ONVIF is switched on in the NVR’s settings.',
    LOGIN_WRONG_PASSWORD:
      'The NVR refused the user name or password. Check them (they are case-sensitive); the app tried only once, so the account is not locked by this.',
    LOGIN_LOCKED:
      'The NVR has locked this account after too many wrong passwords. Wait (often 30 minutes) or unlock it on the NVR itself, then try again.',
    LOGIN_UNSUPPORTED_AUTH:
      'The NVR asked for a kind of login the app does not support. Enable ONVIF (and digest or WS-UsernameToken authentication) in the NVR’s settings.',
    LOGIN_CLOCK_SKEW:
      'The NVR rejected the login because its clock is too far from the real time. Set the NVR’s date and time (or NTP) and try again.',
    ONVIF_USER_NEEDED:
      'Many NVRs need a separate ONVIF user. Create one in the NVR’s settings (Network › ONVIF, or Integration Protocol) and use it here.',
    ADDRESS_NOT_LOCAL:
      'The app only talks to devices on your own network (addresses like 192.168.x.x, 10.x.x.x or 172.16–31.x.x). Enter the NVR’s local address.',
    HOST_NOT_FOUND: 'That name could not be found on your network. Enter the NVR’s IP address instead.',
    PLATFORM_UNSUPPORTED: 'This check is not available on this operating system yet.',
    PORTS_LOGIN_NEEDED:
      'Log in to the NVR first (step “Find your NVR”, or `nvr-assist identify`): the app needs its ONVIF login to change its ports. Nothing was changed.',
    PORTS_NOT_MEASURED: 'Measure the device’s ports first; the plan is made from what was measured.',
    PORTS_NOT_SUPPORTED:
      'The NVR does not let the app read or change its ports over ONVIF. Change them in the NVR’s web page instead (the Ports step lists the steps). Nothing was changed.',
    PORTS_SERVICE_UNAVAILABLE:
      'The NVR does not have that service, or it is switched off, so the app cannot move its port. Nothing was changed.',
    // Raised by the change gate (services/ports/change-gate.ts); the message names each port and the reason.
    PORTS_CHANGE_REFUSED: 'The app did not send that port change. Pick another port. Nothing was changed.',
    PORTS_CHANGE_UNCONFIRMED:
      'The app did not send that port change: it would work, but the app would not have proposed it. Confirm it to send it anyway, or pick another port. Nothing was changed.',
    STATIC_IP_LOGIN_NEEDED:
      'Log in to the NVR first (step “Find your NVR”, or `nvr-assist identify`): the app needs its ONVIF login to change its address. Nothing was changed.',
    STATIC_IP_NOT_SUPPORTED:
      'The NVR does not let the app read or change its address over ONVIF. Set a static address in the NVR’s own network page, or reserve its address in the router (the step shows how). Nothing was changed.',
    // Raised before anything is sent; the message names each problem with the address, gateway or DNS typed.
    STATIC_IP_REFUSED: 'The app did not send that address: it cannot work on this network. Nothing was changed.',
    STATIC_IP_UNCONFIRMED:
      'The app did not send that address: it may work, but the app would not have proposed it. Confirm it to send it anyway, or pick another address. Nothing was changed.',
    STATIC_IP_ADDRESS_IN_USE:
      'Something on your network already answers at that address, so giving it to the NVR would cause a conflict. Pick another address. Nothing was changed.',
    STATIC_IP_DEVICE_REFUSED:
      'The NVR refused the new address settings. Nothing was changed; check the address in the NVR’s own network page.',
    STATIC_IP_BAD_POOL:
      'That DHCP range is not in the form 192.168.1.100-192.168.1.199 on this network. Copy it from the router’s DHCP page.',
    SECURITY_LOGIN_NEEDED:
      'Log in to the NVR first (step “Find your NVR”, or give --user and the current password): the app changes the password of the login it uses. Nothing was changed.',
    // Raised before anything is sent; the message names what is wrong with the new password.
    SECURITY_PASSWORD_WEAK:
      'The app did not send that password: it is not strong enough by the app’s own rule. Nothing was changed.',
    SECURITY_PASSWORD_NOT_ADMIN:
      'This login may not change passwords on the NVR (it needs an Administrator). Nothing was changed; log in with an administrator, or change it in the NVR’s web page.',
    SECURITY_PASSWORD_NO_LEVEL:
      'The NVR did not tell the app this user’s level (ONVIF GetUsers), and changing the password without it could change the user’s rights. Nothing was changed; set the password in the NVR’s web page.',
    SECURITY_HTTPS_LOGIN_NEEDED:
      'Log in to the NVR first (step “Find your NVR”, or `nvr-assist security --https-on --user-consent --user admin --password-stdin`): the app needs its ONVIF login to turn HTTPS on. Nothing was changed.',
    SECURITY_HTTPS_UNREADABLE:
      'The NVR did not tell the app its network protocols (ONVIF GetNetworkProtocols), so it cannot tell whether HTTPS is on. Nothing was changed; turn HTTPS on in the NVR’s web page.',
    SECURITY_HTTPS_UNSUPPORTED:
      'The NVR does not list HTTPS among its network protocols over ONVIF, so the app cannot turn it on. Nothing was changed; look for HTTPS in the NVR’s web page.',
    RULES_NO_NVR: 'Choose your NVR first (Find your NVR): the rules point at its address.',
    RULES_BAD_SOURCE:
      'An allowed address is not an internet address or network in the form 198.51.100.7 or 198.51.100.0/24.',
    RULES_NO_PLAN: 'Make the plan first (what you want to reach from outside); the commands are written from it.',
    RULES_BAD_OPTION: 'The router option is not in the expected form (an interface name such as eth1 or wan).',
  },
} as const;
