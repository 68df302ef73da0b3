// The ports group's `said` (see ../ports.ts): main's words said by key, in a file of their own so that ports.ts stays
// short. The group holds it (`ports.said`); the pages load it with the group.
import { portsManualSaid } from './ports-manual';

/**
 * What main says about the ports, said by key (issue 16 item 4): main keeps its English sentence beside the key and
 * values (the JSON, the record), the page and the CLI say them in the user's language. A port's recommendation, its
 * risk reasons and purpose (src/main/services/ports/port-judgement.ts: the catalogue's own risk reasons,
 * src/shared/catalog/ports.ts, stay English data; its purposes are said by `ports.purposes`), the plan's "why" lines (port-proposal.ts, port-plan.ts) and its problems
 * (port-proposal-check.ts), and the step's verdict after a change (port-verdict.ts). A port's service is said by its
 * name (`ports.role`, filling {role}); ports are passed as strings.
 */
export const portsSaid = {
  /** What to do about a port (recommendationFor). */
  advice: {
    declaredClosed:
      'Nothing answers here although the device says it uses this port: the service is switched off (fine) or moved. Do not forward it.',
    closed: 'Closed: nothing to do.',
    backdoor:
      'Close it: this is a hidden service the owner cannot turn off. Update the firmware, never forward it, and prefer the VPN.',
    telnet:
      'Close it: telnet sends passwords in plain text. Turn telnet off in the NVR’s settings (or update the firmware) and never forward it.',
    ftp: 'Close it: FTP sends passwords and files in plain text. Turn FTP off unless you use it on your own network, and never forward it.',
    ssh: 'Do not forward: SSH is for maintenance on your own network. Turn it off if you do not use it.',
    lanOnly: 'Never forward: it only works on your own network.',
    onvif: 'Do not forward: ONVIF is for setting up and viewing on your own network.',
    sdkCve: 'Do not forward: vendor SDK port with a history of serious flaws — use the VPN or the vendor app.',
    sdkHigh:
      'Do not forward: the vendor’s own SDK port, one that scanners know belongs to this brand — use the VPN or the vendor app.',
    sdk: 'Do not forward unless you watch through the vendor’s app by address; the VPN or the vendor’s cloud app is safer. If you must, move it to a non-standard port first.',
    unknown:
      'Find out what this is: an open port nothing here recognises. If you do not use it, turn it off in the NVR’s settings; never forward it.',
    httpNoLogin:
      'Protect it first: the web page opened without a login. Set an admin password, then never forward plain HTTP — forward only as HTTPS on a non-standard port.',
    httpNoPage:
      'Do not forward: plain HTTP with no web page at its address. Find out what uses it; if nothing you need does, turn it off in the NVR’s settings.',
    httpDefault:
      'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port (move it below), or use the VPN.',
    http: 'Do not forward plain HTTP: passwords would cross the internet readable. Forward only as HTTPS on a non-standard port, or use the VPN.',
    httpsNoLogin:
      'Protect it first: the web page opened without a login. Set an admin password before anything else; then forward it only as HTTPS on a non-standard port, or use the VPN.',
    httpsCve:
      'Do not forward: this brand’s web server has a history of serious flaws. Update the firmware and use the VPN.',
    httpsHigh: 'Do not forward it as it is (see the risks listed). Use the VPN.',
    httpsDefault:
      'Forward only as HTTPS on a non-standard port: move it from the factory number first (below). The VPN is safer still.',
    https: 'If you forward the web page, forward this HTTPS port (same number outside). The VPN is safer still.',
    rtspNoAuth:
      'Turn on RTSP authentication first: the video plays for anyone who connects. Then forward it only if a player outside needs it.',
    rtspDefault:
      'Forward only if a player or recorder outside needs the stream, on a non-standard port (move it below) and over TCP; better, watch through the VPN.',
    rtsp: 'Forward only if a player or recorder outside needs the stream, over TCP; better, watch through the VPN.',
    otherwise: 'Do not forward it unless you know you need it from outside.',
  },
  /** Why a port is a risk, from its role and what was measured (riskFor). */
  risk: {
    backdoor: 'A hidden service the owner cannot turn off.',
    telnet: 'Telnet sends the login in plain text.',
    ftp: 'FTP sends the login and files in plain text.',
    ssh: 'A remote shell on the device.',
    onvif: 'ONVIF lets a logged-in program change the device settings. Keep it on the home network.',
    lanOnly: 'A home-network protocol: it is of no use from outside and must never be forwarded.',
    sdk: "The vendor's own binary protocol for its apps and PC software: never forward it straight to the internet.",
    httpAdmin: 'The admin web page, unencrypted: passwords cross the network readable.',
    httpsAdmin: 'The admin web page (encrypted).',
    rtsp: 'Live video; RTSP is unencrypted.',
    rtspNoAuth: 'The video stream plays without a password.',
    noLogin: 'The web page opened without a login.',
    expired: 'Its certificate has expired.',
    httpNoPage: 'Plain HTTP answers here, with no web page at its address: something else uses it.',
    unrecognised: 'Something unrecognised listens here.',
  },
  /** What a port is for, where the catalogue has no fact about it (purposeFor); {product}: what answered. */
  purpose: {
    http: 'Web page (admin and live view)',
    httpProduct: 'Web page (admin and live view) ({product})',
    https: 'Encrypted web page (admin and live view)',
    httpsProduct: 'Encrypted web page (admin and live view) ({product})',
    rtsp: 'Video streams for players and recorders (RTSP)',
    onvif: 'ONVIF device service (set-up and video for ONVIF programs)',
    sdk: "The vendor's own port for its apps and PC software",
    sdkProduct: "The vendor's own port for its apps and PC software ({product})",
    service: '{service} service',
    serviceProduct: '{service} service ({product})',
    unknown: 'Unknown: nothing here recognised what answered',
    role: '{role}',
    roleProduct: '{role} ({product})',
    /** After the purpose, where the ONVIF device service shares the port (joined with "; "). */
    onvifToo: 'the ONVIF device service answers here too',
  },
  /** The plan's reasons, one sentence each (a proposal's are joined with a space). */
  why: {
    keep: '{role}: keep {port}: it is already a port scanners do not look for, and no other service uses it.',
    move: '{role}: move it from {from} to {to}, a port scanners do not look for and no other service uses.',
    sharedWith: 'It stays shared with {others}.',
    nextPort: 'It stays one above the network port, as the device expects.',
    samePortRequiredBy: 'Forward it with the same number outside; {brand} requires it.',
    samePortRequired: 'Forward it with the same number outside; the vendor requires it.',
    samePortRecommended: "Forward it with the same number outside: the vendor's apps learn the port from the device.",
    youKeep: '{role}: you chose to keep {port}.',
    youMove: '{role}: move it from {from} to {to} (your choice).',
  },
  /** What is wrong with a port in the plan (validateProposal, buildPortPlan). */
  problem: {
    notPort: '{role}: {port} is not a port number. Use a whole number from {min} to {max}.',
    notPortOutside: '{role}: the outside port {port} is not a port number. Use a whole number from {min} to {max}.',
    wellKnown:
      '{role}: {port} is below 1024. Those ports belong to standard services and are the first ones scanners try. Use a whole number from {min} to {max}.',
    wellKnownKeep:
      '{role}: {port} is below 1024. Those ports belong to standard services and are the first ones scanners try. Use a whole number from {min} to {max}. It is the port the device uses now: keeping it works, but moving it is safer.',
    wellKnownOutside:
      '{role}: the outside port {port} is below 1024. Those ports belong to standard services and are the first ones scanners try. Use a whole number from {min} to {max}.',
    ephemeral:
      '{role}: {port} is 32768 or above. Computers and routers take ports from there for their own outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. Use a whole number from {min} to {max}.',
    ephemeralKeep:
      '{role}: {port} is 32768 or above. Computers and routers take ports from there for their own outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. Use a whole number from {min} to {max}. It is the port the device uses now: keeping it works, but moving it is safer.',
    ephemeralOutside:
      '{role}: the outside port {port} is 32768 or above. Computers and routers take ports from there for their own outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. Use a whole number from {min} to {max}.',
    duplicate: '{role} and {other} both use {port}/{transport}. Each service needs its own port.',
    inUseDevice: '{role}: {port} is already used by another service on this device.',
    inUseDeviceBy: '{role}: {port} is already used by another service on this device ({where}).',
    inUseFactory:
      '{role}: {port} is also used by {where}, as factory ports often are. A router can forward an outside port to only one device: keep this one unforwarded, or pick another port.',
    inUseOther: '{role}: {port} is already used by {where}. A router can forward an outside port to only one device.',
    /** Fills {where} when the other device's name is not known. */
    anotherDevice: 'another device on your network',
    mustMatchBy:
      '{role}: the outside port ({outside}) must be the same as the port on the device ({port}); {brand} requires it.',
    mustMatch:
      '{role}: the outside port ({outside}) must be the same as the port on the device ({port}); the vendor requires it.',
    keepMatching:
      "{role}: keep the outside port ({outside}) the same as the port on the device ({port}); the vendor's apps learn the port from the device.",
    nextPortTaken: '{role}: the device also uses the next port ({next}), and it is not free. Pick another number.',
    vendorDefault:
      '{role}: {port} is a known factory port ({service} of {brands}). Scanners look for it; a less common number is safer.',
    vendorDefaultTwo:
      '{role}: {port} is a known factory port ({service} of {brands}; {service2} of {brands2}). Scanners look for it; a less common number is safer.',
    commonlyScanned:
      '{role}: {port} is a popular alternate port that internet scanners sweep. A less common number is safer.',
    notOnDevice:
      '{role}: the device has no such port open, so there is nothing to move. Measure again if you just switched it on.',
  },
  /** The step's verdict after a change (portsStepVerdict): the factory ports left, by service. */
  verdict: {
    factoryPortLeft: 'The change was verified, but factory ports remain: {role} on {port}. Move them too.',
    factoryPortsLeftTwo:
      'The change was verified, but factory ports remain: {role} on {port}, {role2} on {port2}. Move them too.',
    factoryPortsLeftThree:
      'The change was verified, but factory ports remain: {role} on {port}, {role2} on {port2}, {role3} on {port3}. Move them too.',
  },
  /** RTSP over TCP (port-proposal.ts, RTSP_TRANSPORT_ADVICE): the plan's advice under the manual steps. */
  rtspAdvice: {
    title: 'Watch RTSP over TCP',
    text: 'Set your player or recorder to "RTSP over TCP" (in ffmpeg: -rtsp_transport tcp). Then the video travels inside the one RTSP connection. With RTP over UDP the camera sends the video from extra UDP ports (pairs such as 5556–5559 on Vivotek), and a home router (NAT) does not pass those back to you: the picture stays black or freezes unless every one of them is forwarded too. Better still, watch through a VPN and forward no RTSP port at all.',
  },
  /**
   * main's progress lines while it measures the ports (ports-service.ts), changes them (port-change.ts) or measures
   * them again after a change (features/ports). Counts and ports are values (strings, as they came).
   */
  progress: {
    scanning: 'Checking ports: {done} of {total}, {open} open',
    identifying: 'Identifying what answers on {count} open port(s)…',
    unfinished: 'A port change did not finish last time: finding where the NVR answers now…',
    againScanning: 'Measuring the ports again: Checking ports: {done} of {total}, {open} open',
    againIdentifying: 'Measuring the ports again: Identifying what answers on {count} open port(s)…',
    reading: 'Reading the current ports (ONVIF)…',
    changing: 'Changing the ports…',
    checking: 'Checking the new ports answer (the device may restart its services)…',
    puttingBack: 'Putting the previous ports back…',
    changed: 'Changed, and checked by measurement.',
    /** Each port moved on its own (--each): {n} of {count} ports, {port} the one moving (`port` below). */
    eachReading: '{n} of {count}, {port}: Reading the current ports (ONVIF)…',
    eachChanging: '{n} of {count}, {port}: Changing the ports…',
    eachChecking: '{n} of {count}, {port}: Checking the new ports answer (the device may restart its services)…',
    eachPuttingBack: '{n} of {count}, {port}: Putting the previous ports back…',
    eachChanged: '{n} of {count}, {port}: Changed, and checked by measurement.',
    /** The port moving, filling {port}. */
    port: {
      http: 'the web page (HTTP)',
      https: 'the encrypted web page (HTTPS)',
      rtsp: 'the video streams (RTSP)',
    },
  },
  /**
   * A port change's result (port-change.ts, port-change-words.ts): its message, one sentence each (joined with a
   * space). A service is `progress.port`'s words; `{failure}` (why the change did not take), `{back}` and `{state}`
   * (what answers where now) are the measurement's own words, as they came.
   */
  result: {
    nothing: 'Nothing to change: the device already uses those ports.',
    /** {moved}: a list of `moved`. */
    doneOne: 'Done, and checked: {moved}. The old port is closed and the new one answers.',
    doneMany: 'Done, and checked: {moved}. The old ports are closed and the new ones answer.',
    moved: '{what} from {from} to {to}',
    openAt: 'Open the NVR at {address} from now on.',
    updatePlayers: 'Update the port in your players and recorders.',
    /** {again}: a list of `answersAgain`, joined by `nextSemicolon`. */
    putBack:
      '{failure} The app put the previous ports back and checked them: {again}. Nothing is changed on the device.',
    answersAgain: '{protocol} answers on {port} again',
    pickAnother: 'Pick another port number.',
    tryAgain: 'Try again, or change the port in the NVR’s web page.',
    notBack: '{failure} The app tried to put the previous ports back, but {back}. What the device does now: {state}',
    openWebPage:
      'Open the NVR’s web page on the port that answers and check its port settings; if nothing answers, restart the NVR.',
    /** A change the app did not live to finish, found at the next start: {day} and {time} (UTC) when it started. */
    unfinishedAt:
      'A port change started on {day} at {time} UTC did not finish (the app stopped while it ran). The app measured the NVR now: {state}',
    unfinished:
      'A port change started did not finish (the app stopped while it ran). The app measured the NVR now: {state}',
    tookEffect: 'The change had taken effect: the NVR now lives on the new ports.',
    stillPrevious: 'The NVR still uses its previous ports: nothing changed.',
    openAnyWebPage:
      'Open the NVR’s web page on a port that answers and check its port settings; if nothing answers, restart the NVR.',
    /** Ports moved one at a time: {kept}, a list of `keptOn` joined by `nextAnd`; {moved}, of `moved` joined so. */
    refusedEach:
      'The NVR refused each port on its own too: it keeps {kept}. The app put each back and checked it; nothing is changed on the device.',
    keptOn: '{what} on {port}',
    partialOne:
      'Done, and checked: {moved}. The NVR keeps {kept}: it refused to move it, and the app put it back and checked.',
    partialMany:
      'Done, and checked: {moved}. The NVR keeps {kept}: it refused to move them, and the app put them back and checked.',
    /** What a port the device keeps means for the way in from outside. */
    kept: {
      http: 'Do not forward the web page’s port: reach the NVR’s page from outside through the VPN.',
      https: 'Do not forward the encrypted web page’s port as it is: reach it from outside through the VPN.',
      rtsp: 'Do not forward RTSP: watch the video from outside through the VPN or the maker’s app.',
    },
    /** Two items of a list one after the other ("a; b; c", "a and b and c"). */
    nextSemicolon: '{first}; {next}',
    nextAnd: '{first} and {next}',
  },
  /**
   * main's refusals of a port change (change-gate.ts): the problems the plan's rules found go in {parts}, each said
   * by key where the rules said it so.
   */
  failures: {
    notSent: 'The app did not send that port change. {parts} Pick another port. Nothing was changed.',
    notConfirmed:
      'The app did not send that port change: it would work, but the app would not have proposed it. {parts} Confirm it to send it anyway, or pick another port. Nothing was changed.',
  },
  /** The maker's numbered steps for a port ONVIF cannot move (./ports-manual.ts). */
  manual: portsManualSaid,
} as const;
