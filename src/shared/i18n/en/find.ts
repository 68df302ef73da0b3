// The find group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The Find your NVR step (src/renderer/steps/find/).
export const find = {
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
    noSearchHelp: 'Press “Search” below to look for your NVR on this network, or add it by its address if you know it.',
  },
  /** main's progress line as each way of searching finishes (discovery.ts). */
  progress: {
    finished: '{way} finished; {devices} device(s) so far',
  },
} as const;
