// The staticIp group's refusals and progress lines main says by key (see ../static-ip.ts): their own file, so that the
// step's page words stay short. Spread into the group: the keys are staticIp.failures.* and staticIp.progress.*.
export const staticIpSaid = {
  /** main's refusals in its own words (errors with a sentence of their own: address-change.ts, device-network.ts). */
  failures: {
    notSent: 'The app did not send that address: {parts} Nothing was changed.',
    notConfirmed:
      'The app did not send that address: {parts} Confirm it to send it anyway, or pick another address. Nothing was changed.',
    notSupportedKept:
      'The NVR does not let the app change {what} over ONVIF. It kept its own settings; nothing was changed.',
    notSupportedStayed:
      'The NVR does not let the app change {what} over ONVIF. It kept its address, but {stayed} could not be put back as they were: check them in the NVR’s own network page.',
    refusedKept: 'The NVR refused {what} ({why}). It kept its own settings; nothing was changed.',
    refusedStayed:
      'The NVR refused {what} ({why}). It kept its address, but {stayed} could not be put back as they were: check them in the NVR’s own network page.',
    /** What the app was changing (`{what}`) and what stayed changed (`{stayed}`). */
    what: {
      SetDNS: 'the DNS servers',
      SetNetworkDefaultGateway: 'the router address (gateway)',
      SetNetworkInterfaces: 'the new address',
      both: 'the DNS servers and the router address (gateway)',
    },
    /** Why the NVR refused (`{why}`), by its ONVIF fault. */
    why: {
      invalidAddress: 'it says an address is not valid',
      invalidInterface: 'it says the network interface is not valid',
      invalidMtu: 'it says the network settings are not valid',
      notSupported: 'it does not allow that change over ONVIF',
      unknown: 'it gave no reason the app knows',
    },
    rebootNotSupported:
      'The NVR needs a restart to use its new address but does not let the app restart it over ONVIF. Restart it yourself (its power switch or its own web page); the app then looks for it again.',
    rebootRefused:
      'The NVR needs a restart to use its new address but refused the restart. Restart it yourself (its power switch or its own web page); the app then looks for it again.',
  },
  /** main's progress lines while it reads or changes the NVR's address (static-ip-service.ts, address-change.ts). */
  progress: {
    reading: 'Reading the NVR’s network settings over ONVIF…',
    judging: 'Judging the address…',
    checking: 'Checking the address…',
    probing: 'Making sure nothing answers at {address}…',
    giving: 'Giving the NVR the address {address}…',
    looking: 'Looking for the NVR at {address}…',
    lookingRound: 'Looking for the NVR at {address}… ({round}/{rounds})',
    puttingBack: 'The NVR did not take the settings as sent: putting its old settings back…',
    restarting: 'The NVR needs a restart for the new address: restarting it…',
    unfinished: 'An address change did not finish last time: finding where the NVR answers now…',
  },
  /**
   * Where a router family keeps its DHCP reservations (src/shared/catalog/router-reservations.ts): an unconfirmed
   * path is something to look for. The path ({path}) is what the router's own screen shows: a value, as it is.
   */
  reservationPath: {
    lookFor: 'usually {path} (look for it; menus differ by firmware)',
  },
} as const;
