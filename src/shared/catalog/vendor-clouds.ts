// The vendor-cloud way (issue 14 item 1: "the maker's P2P switched on, UPnP off, security, no forward at all"): what
// each maker's cloud (P2P) is, and what to watch, from ../shared/reference/INTERNET-SECURITY.md §5 with its
// confidence. The reference's own order puts a maker's P2P app third: "only on patched firmware with a strong unique
// password, and not for XM devices" — so XM's entry says to take another way.
import { portsForBrand } from './ports';

const REF = '../shared/reference/INTERNET-SECURITY.md §5';

export interface VendorCloud {
  /** The service, as its maker's app calls it. */
  service: string;
  /** How it connects, in plain words. */
  how: string;
  /** What to watch with it. */
  watch: string;
  /** False: do not use this cloud, take the VPN way instead. */
  use: boolean;
  confidence: 'H' | 'M' | 'L';
  source: string;
}

/** By the port catalogue's brand id (portsForBrand), so the brand names devices give all find their entry. */
export const VENDOR_CLOUDS: Readonly<Record<string, VendorCloud>> = {
  hikvision: {
    service: 'Hik-Connect',
    how: 'An account in the Hik-Connect app; the NVR is added by its serial number and verification code, and reaches Hikvision’s cloud by itself.',
    watch:
      'Hikvision’s own app once told users to forward ports to get past slow streams: that undoes the point of the cloud — forward nothing, and leave UPnP off even if the app asks for it.',
    use: true,
    confidence: 'M',
    source: `${REF} (https://ipvm.com/reports/hik-app-pf)`,
  },
  dahua: {
    service: 'Dahua P2P (the DMSS app)',
    how: 'The app connects to the NVR by its serial number through Dahua’s P2P servers.',
    watch:
      'The serial number is the only “address”: keep it out of photos and posts (it is on the label and in the app’s screens).',
    use: true,
    confidence: 'M',
    source: `${REF} (the open-source dh-p2p, which tunnels RTSP over it)`,
  },
  reolink: {
    service: 'Reolink UID',
    how: 'The app finds the NVR by its UID through p2p.reolink.com and connects with UDP hole punching.',
    watch:
      'Its traffic is only obfuscated with a shared key, and ICS-CERT advisory ICSA-21-019-02 covers its weaknesses: keep the firmware current.',
    use: true,
    confidence: 'M',
    source: `${REF} (https://kaspars.net/blog/reolink-battery-camera-remote-protocol)`,
  },
  xm: {
    service: 'XMEye P2P',
    how: 'Cloud IDs derived from the device’s MAC address.',
    watch:
      'Do not use it: the IDs can be enumerated, the logins are blank or hidden defaults, and firmware updates are unsigned. Turn XMEye off and take the VPN way.',
    use: false,
    confidence: 'M',
    source: `${REF} (SEC Consult 2018, via https://www.cyber.nj.gov/alerts-and-advisories/20181011/nine-million-xiongmai-iot-devices-vulnerable-to-hacking)`,
  },
};

/** What every maker's cloud needs, whatever the brand (the reference's recommendation 3). */
export const VENDOR_CLOUD_RULES: readonly string[] = [
  'Switch the cloud on in the NVR (or its app) and add the NVR in the maker’s app.',
  'Only on current firmware with a strong password of its own: the Security step checks both.',
  'No port forward and UPnP off: the NVR connects out by itself (the UPnP step turns UPnP off).',
  'UID-based P2P kits have had connection-hijack bugs (TUTK Kalay, CVE-2021-28372): keep the app and firmware updated.',
];

/** The maker's cloud for the brand the app found (null: none known). */
export function vendorCloudFor(brand: string | null | undefined): VendorCloud | null {
  const id = portsForBrand(brand)?.id;
  return id !== undefined && Object.hasOwn(VENDOR_CLOUDS, id) ? VENDOR_CLOUDS[id]! : null;
}
