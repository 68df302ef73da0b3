// The ports group's `said.manual` (see ./ports.ts): the numbered steps for a port ONVIF cannot move
// (src/shared/catalog/manual-steps.ts), said by key so the page and the CLI say them in the user's language.
// The menu paths ({path}) and the settings' names as the device's own page shows them ("HTTP Port", "Media Port") are
// the device's words: they are passed as values, as they are. A setting's name with words of ours ("Server Port (the
// SDK port)") is said by key (`field`); the app's own name for the port fills {label} (`ports.role`). Ports are
// passed as strings. The documents the steps rest on (a source's title and what it supports) stay English: evidence.

export const portsManualSaid = {
  /** The first step: where to open the settings and log in. */
  open: {
    nvr: 'Open the NVR’s web page in a browser and log in as the admin user.',
    device: 'Open the device’s web page in a browser and log in as the admin user.',
    reolink: 'Open the Reolink Client on a computer (or the recorder’s web page) and log in as the admin user.',
    swann: 'On the recorder’s own screen menu, log in as the admin user.',
  },
  /** The second step: the page the port is set on, and how sure that is. */
  where: {
    hikvision:
      'Go to {path}. Third-party guides give this path for current web pages; we found no Hikvision document confirming it for every firmware, so if your page differs, look for a Port page under Network.',
    dahua:
      'Open the Network settings and find the page that lists the TCP Port and UDP Port. Dahua’s manual puts port mapping (UPnP, with the HTTP, TCP and UDP ports) under Network; we found no Dahua document naming the page for every firmware.',
    reolink: 'Go to {path}. In the Reolink phone app it is {appPath}.',
    /** The phone app's path: its first and last menus, with the box between them said in words. */
    reolinkAppPath: '{first} › (the box with the camera model) › {last}',
    uniview:
      'Click {path}. That is the path a Vicon camera manual gives for what looks like Uniview firmware; Uniview recorders and other firmware may name it differently.',
    swann:
      'Open the Network settings, then Advanced: the DVR4-3000 manual describes the Server Port and HTTP Port next to DDNS, NTP, Email Settings and IP Filter, which it files under Network: Advanced. Other Swann models may differ.',
    general:
      'Find its port settings: look under Network (or Advanced) for a Port page. The menu varies between makers and firmware, and we do not know the exact menu for this model; its manual names it.',
  },
  /** The step that sets the number ({field}: the setting's name; {label}: the app's name for the port). */
  set: 'Set the {field} to {port} and save (it is the “{label}” row in our table).',
  setLeaveOn:
    'Set the {field} to {port} and save (it is the “{label}” row in our table). Ports on that page can be switched off: leave this one switched on.',
  /** Said when the web page itself moves, so the user is not surprised that the old address stops answering. */
  webMoves: 'The page then answers on port {port}: open it again at that port (for example http://address:{port}).',
  /** The same number outside as inside, for the ports the vendor's apps use. */
  samePort:
    'In the router, forward the same number outside as inside (internal = external). We recommend it because the vendor’s apps learn the port from the device.',
  samePortDahua:
    'In the router, forward the same number outside as inside (internal = external): Dahua’s manual requires the internal and external port to be the same for the TCP and UDP ports.',
  samePortSwann:
    'In the router, forward the same number outside as inside (internal = external), so the number you type in the apps is the recorder’s own.',
  /** A brand's same-port rule (from Dahua's manual, whose words fill {quote}), by the brand it is said for. */
  samePortRule: {
    amcrest:
      'In the router: Forward the SDK ports with the same number outside and inside (Dahua’s manual: "{quote}") (Dahua rule; Amcrest runs Dahua firmware).',
    lorex:
      'In the router: Forward the SDK ports with the same number outside and inside (Dahua’s manual: "{quote}") (Dahua rule, for Dahua-based Lorex lines).',
  },
  /** Another brand's rule, in the catalogue's English (ports.ts). */
  samePortOther: 'In the router: {rule}',
  /** Where the vendor's apps keep the port. */
  apps: {
    hikvision:
      'If iVMS-4200 or Hik-Connect reach the NVR by its address, edit the saved device and enter the new port.',
    dahua: 'If DMSS or SmartPSS reach the NVR by its address, enter the new port there too.',
    swann:
      'The SwannView app and MyDVR ask for the Server Port when they connect from outside: enter the new number there.',
    general: 'If the vendor’s app or PC software connects through this port, enter the new port there too.',
  },
  recheck: 'Come back here and measure the ports again to check the change.',
  /** A setting's name where it holds words of ours (the others are the device's labels, passed as they are). */
  field: {
    hikvisionSdk: 'Server Port (the SDK port)',
    dahuaSdk: 'TCP Port (the SDK port)',
    swannApp: 'Server Port (the phone-app port)',
    sdk: 'SDK port (the one the vendor’s apps use)',
    mobile: 'Mobile (phone-app) Port',
    /** A port with no usual setting name: the app's name for it ({role}, `ports.role`). */
    role: '{role} port',
  },
} as const;
