// The English catalogue: every user-facing string of the converted parts, in one place. It is the single source:
// its shape is every other language's type (`Messages`, types.ts), so a key added here and missing in another
// language fails the typecheck. Placeholders are `{name}`; a message that depends on a number is an object with one
// form per plural category (`one`, `other` in English; `Intl.PluralRules` picks the form and `{count}` is written
// with the locale's digits). A number passed to a placeholder is formatted by the locale (`1,234`); pass an
// identifier (a port, a prefix length) as a string. No group is called `other` (that word marks a plural message).
// Sentences stay whole: where a page puts markup inside one (a name in bold, a link), the placeholder marks it.

// Each step's words are in their own file here (./network.ts, ./ports.ts …), so converting one step touches no
// other file; the shell's, Find's and the device card's are below. The error catalogue is ./errors.ts, which
// src/shared/ipc/errors.ts loads alone (the CLI's head start must not load every page's words).
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
import { errors } from './errors';

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

  errors,
} as const;
