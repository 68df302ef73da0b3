// The error catalogue (src/shared/ipc/errors.ts's ERROR_MESSAGES is this group): every failure that crosses a
// boundary has one of these codes and a plain-language message. Exception text, file paths and credentials
// never cross. Its own file, so that the pages carry these words without the rest of the catalogue, and the CLI's
// head start (which may fail with NETWORK_LOST) without every page's words.
export const errors = {
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
  SETUP_BUSY: 'Another copy of the app (or the command line) is saving your progress right now. Try again in a moment.',
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
} as const;
