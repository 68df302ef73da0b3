import type { Approach } from '../domain/setup';

/**
 * The three ways to reach an NVR from outside, in the order the assistant recommends them.
 * Sources: shared/reference/INTERNET-SECURITY.md §0 and §5 (recommendation order), §3 (CVEs), §2.3 (CGNAT).
 */
export interface ApproachGuide {
  id: Approach;
  title: string;
  summary: string;
  pros: string[];
  cons: string[];
  recommended: boolean;
}

export const APPROACH_GUIDES: readonly ApproachGuide[] = [
  {
    id: 'vpn',
    title: 'VPN (recommended)',
    summary:
      'Your phone or laptop joins your home network through an encrypted tunnel (WireGuard, Tailscale or ZeroTier). ' +
      'The NVR stays invisible to the internet: nobody can even try its password.',
    pros: [
      'Nothing on the NVR is exposed to the internet, so its security holes cannot be reached from outside.',
      'Tailscale and ZeroTier work even when your internet provider shares one public address between customers (CGNAT).',
      'One tunnel covers every camera, the NVR and its apps.',
    ],
    cons: [
      'Each phone or laptop that watches the cameras needs the VPN app.',
      'A WireGuard server on your router needs one UDP port forwarded and a public IPv4 address.',
    ],
    recommended: true,
  },
  {
    id: 'port-forwarding',
    title: 'Port forwarding, with care',
    summary:
      'The router sends chosen internet ports to the NVR. It works with every viewing app, but the NVR is then ' +
      'reachable by anyone who scans the internet, and NVR firmware has a long history of serious holes.',
    pros: ['Works with the vendor apps and any browser, without extra software on the phone.'],
    cons: [
      'Never forward web port 80 or 443 straight through: bots scan those ports all day and try default passwords and known exploits.',
      'Never forward the vendor SDK port (8000, 37777, 9000), RTSP (554) or telnet: they were built for the local network.',
      'Only on current firmware, with a strong unique password, HTTPS only, on a non-standard external port.',
      'Does not work at all when your provider uses CGNAT; the app checks this for you.',
    ],
    recommended: false,
  },
  {
    id: 'vendor-cloud',
    title: 'Vendor cloud (P2P)',
    summary:
      "The NVR keeps a connection open to the maker's servers (Hik-Connect, Dahua P2P, Reolink UID) and the app " +
      'connects through them. Easy, and no router change is needed.',
    pros: ['No port forwarding and no router settings.', 'Works behind CGNAT.'],
    cons: [
      "You trust the maker's servers with access to your cameras; some P2P systems have had hijacking bugs.",
      'Not for XMEye/XM devices: their P2P IDs can be guessed.',
      'Only with current firmware and a strong unique password.',
    ],
    recommended: false,
  },
];

/** Why the assistant removes UPnP mappings, in plain words (shown on the network step and the UPnP step). */
export const UPNP_WARNING =
  'Many NVRs use UPnP to open router ports by themselves, without asking you. Those holes are easy to forget and ' +
  'often expose the web, SDK and video ports directly. The assistant lists them and helps you close them.';
