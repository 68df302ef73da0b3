// The components group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
// The shared components of the pages (src/renderer/components/) and the words of the renderer's stores and helpers.
export const components = {
  // Words several components and stores say.
  cancel: 'Cancel',
  /** A job's progress line until main says more (composables/useJob.ts). */
  starting: 'Starting…',
  working: 'Working…',
  yourNvr: 'your NVR',
  appName: 'NVR Remote-Access Assistant',

  applyRefused: {
    logIn: 'Log in to {name}',
    pressAgain: 'Then press “{button}” again.',
  },

  // CheckState: `{what}` is the check's name as the page gives it ("port"); the first letter of a line is made upper case.
  checkState: {
    progress: '{what} check progress',
    cancelled: 'The check was stopped; the last complete {last} is shown.',
    /** What a Cancel leaves on show unless the page names it. */
    lastCheck: 'check',
    failed: 'The {what} check did not work.',
    reading: 'Reading the last {what} check…',
    notChecked: 'Not checked yet.',
  },

  choiceRefused: '{error} Your previous choice is kept.',

  copyBlock: { copy: 'Copy' },

  deviceLogin: {
    fact: {
      maker: 'Maker',
      model: 'Model',
      firmware: 'Firmware',
      serial: 'Serial',
      auth: 'Login method',
    },
    notSaid: 'not said',
    authDigest: 'HTTP digest',
    loggedIn: 'logged in',
    identity: 'It answered the app’s ONVIF login and says about itself:',
    clockWrong: 'Its clock is wrong.',
    clockAhead:
      'The NVR’s clock is {duration} ahead of this computer’s, so its recordings carry the wrong time. Set its date and time from the network (NTP) in its settings. The login still worked because the app signed it with the NVR’s own time.',
    clockBehind:
      'The NVR’s clock is {duration} behind this computer’s, so its recordings carry the wrong time. Set its date and time from the network (NTP) in its settings. The login still worked because the app signed it with the NVR’s own time.',
    minutes: { one: '{count} minute', other: '{count} minutes' },
    hours: { one: '{count} hours', other: '{count} hours' },
    days: { one: '{count} days', other: '{count} days' },
    unknownDevice: 'Unknown device',
    remembered: 'password remembered',
    rememberedText: 'Kept on this computer, encrypted by the system keychain.',
    forgetLabel: 'Forget the password of {name}',
    forget: 'Forget',
    forgetting: 'Forgetting…',
    forgetFailed: 'The password could not be forgotten.',
    loginFailed: 'The last login did not work.',
  },

  loginDialog: {
    title: 'Log in to {name}',
    intro: 'The app asks the device at {address} over ONVIF who it is, with the user name and password you type here.',
    username: 'User name',
    password: 'Password',
    enterUsername: 'Enter the user name.',
    usernameTooLong: {
      one: 'That user name is longer than NVRs allow ({count} character).',
      other: 'That user name is longer than NVRs allow ({count} characters).',
    },
    enterPassword: 'Enter the password.',
    passwordTooLong: {
      one: 'That password is longer than the app can send ({count} character).',
      other: 'That password is longer than the app can send ({count} characters).',
    },
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    show: 'Show',
    hide: 'Hide',
    remember: 'Remember on this computer (encrypted by the system keychain)',
    keptWhileRunning: 'The password is kept only while the app runs.',
    locked:
      'Logging in is paused for {user}: trying again now would only make the lock longer. Use another user name, or come back when the lock is over.',
    lockOver: 'The lock is over — let me try once more',
    loggingIn: 'Logging in…',
    logIn: 'Log in',
  },

  loginHint: {
    onvifUser:
      '{lead} — the login of their web page is refused over ONVIF. Create one in the NVR’s settings if this one does not work:',
    onvifUserLead: 'Many NVRs need a separate ONVIF user',
    hikvision:
      'Hikvision: Configuration › Network › Advanced Settings › Integration Protocol (turn ONVIF on, add a user).',
    dahua: 'Dahua: the ONVIF settings under Network (or Account › ONVIF User, depending on the version).',
    others: 'Other makers: look for “ONVIF” in the network or user settings.',
    once: 'The app tries what you type once and never guesses, so it does not lock your account. The password goes to the app’s background service only and is cleared from this form as soon as it is sent.',
    savedIfRemember: 'It is saved on disk only if you tick “Remember”, and then only encrypted by the system keychain.',
    notSaved: 'It is not saved on disk.',
  },

  evidence: {
    summary: 'How the app knows',
    source: 'Source: {source}',
  },

  findings: {
    title: 'What this means',
    none: 'Nothing to report.',
    severity: { problem: 'problem', warning: 'warning', ok: 'fine', info: 'note' },
  },

  nvrFrame: {
    noNvr:
      'No NVR is chosen yet, so {nothingYet}. Go to {findStep}, pick your NVR and log in to it, then come back here.',
    itsAddress: 'its address',
  },

  nvrSubject: {
    at: 'Your NVR: {title} at {address}.',
    plain: 'Your NVR: {title}.',
  },

  planActions: { back: 'Back to the app’s proposal' },

  problems: { error: 'Problem:', warning: 'Note:' },

  recheck: {
    lastChecked: 'Last checked',
    /** "<label> <time>": the label is the page's ("Last checked", "Measured"). */
    lastAt: '{label} {time}',
  },

  notApplicable: {
    stillUsable: 'You can still use this page.',
    change: 'Change the way on {networkStep}',
  },

  textField: { optional: '(optional)' },

  noticeBanner: {
    loadFailed: 'The app could not load your setup.',
    tryAgain: 'Try again',
    fresh: 'The setup starts fresh — nothing was deleted.',
    backupFile: 'Backup file: {file}',
    fullPath: 'Show the full path',
    dismiss: 'Dismiss',
  },

  /** What the pages say for a catalogued error whose words fit a page better than main's (page-words.ts), by code. */
  pageWords: {
    PORTS_LOGIN_NEEDED:
      'Log in to the NVR first: the app needs its ONVIF login to change its ports. Press “Log in to …” below (or log in on the “{findStep}” step). Nothing was changed.',
    PORTS_NOT_MEASURED: 'Press “Check the ports” first: the proposal is made from what the check finds.',
  },

  /** The add-by-address form's checks (address-input.ts). */
  address: {
    empty: 'Enter the NVR’s address, for example 192.168.1.64.',
    withScheme: 'Enter only the address, without “http://” or anything after it, for example 192.168.1.64.',
    withPort: 'Put the port in the Port box, not after the address.',
    notIpv4: 'That is not a complete IPv4 address: four numbers from 0 to 255 with dots between, like 192.168.1.64.',
    notName: 'That is neither an IPv4 address nor a network name. Names use only letters, digits, dots and hyphens.',
    badPort: 'The port is a whole number from 1 to 65535. Leave it empty to try the usual ONVIF ports.',
  },

  /** The search's store (stores/discovery.ts) and what a device's announcement changed, for screen readers. */
  discovery: {
    starting: 'Starting the search…',
    searching: 'Searching…',
    aDevice: 'A device',
    unknownAddress: 'an unknown address',
    goodbye: '{name} at {address} {note}',
    added: '{name} switched on at {address} and was added to the list.',
    moved: '{name} is now at {address}.',
    announced: '{name} at {address} announced itself.',
  },
} as const;
