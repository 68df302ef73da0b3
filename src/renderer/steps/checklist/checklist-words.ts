import type { StepId } from '../../../shared/domain/steps';

/**
 * What to do for each step the checklist lists as to do, in a line: where to go and what finishes it. A step not
 * listed here (a new one) says to open its page (ChecklistTodo): adding a step needs no edit here.
 */
export const TODO_HOW: Partial<Record<StepId, string>> = {
  network: 'Check which network this computer is on and choose how you will reach the NVR (a VPN is the safest way).',
  find: 'Find your NVR on the network and choose it; log in once so the app can read its model and firmware.',
  'static-ip':
    'Give the NVR an address that does not change: a static address set on the NVR, or a reservation in the router.',
  ports: 'Measure the NVR’s ports, move the default ones and close what is not needed from outside.',
  security:
    'Check the NVR’s security: the score and the fixes worth most first (default passwords, firmware with known flaws, risky services), and how strong its password is.',
  upnp: 'See what UPnP opened on your router, delete the mappings to the NVR and turn UPnP off on the NVR and the router.',
  internet: 'Check the address the internet sees, then test from outside that only the planned ports answer.',
  ddns: 'Point a DDNS name at your public address and check that it does.',
  rules: 'Make the fewest forward rules for what you need and enter them in your router.',
  vpn: 'Set up the VPN, so you reach the NVR without forwarding any of its ports.',
  verify:
    'Re-check everything the steps saved (address, ports, UPnP, public address, DDNS, the test from outside); run it again from time to time.',
  checklist: 'Download this checklist (PDF or JSON) and keep it; download it again after any change.',
};

/** How an NVR's address is kept, in words. */
export const ADDRESS_KIND_WORDS: Record<string, string> = {
  static: 'static',
  reserved: 'reserved in the router',
  dhcp: 'from DHCP (may change)',
  unknown: 'not checked yet',
};
