// The DDNS clients built into NVRs (issue 13 item 2: "where the NVR or router has a built-in DDNS client: its steps,
// brand/router family, sourced"), because this app is not a background service and something that stays on must keep
// the name current. From ../shared/reference/INTERNET-SECURITY.md §1.6; the routers' clients and their menu steps are
// in router-ddns.ts. Confidence: H vendor documentation or source, M one secondary source or an inferred path, L
// believed and unconfirmed (shown as "reportedly", never as fact).
import { portsForBrand } from './ports';

const REF = '../shared/reference/INTERNET-SECURITY.md §1.6';

export interface BuiltInDdns {
  /** The product, as the page names it. */
  product: string;
  /** What it offers, in plain words. */
  offers: string;
  /** What to do with it for the name made here (empty: nothing beyond `offers`). */
  use: string;
  confidence: 'H' | 'M' | 'L';
  source: string;
}

/** NVR makers' built-in clients, by the port catalogue's brand id (portsForBrand: every name a device gives). */
export const NVR_DDNS: Readonly<Record<string, BuiltInDdns>> = {
  hikvision: {
    product: 'Hikvision (Hik-Connect)',
    offers:
      'Hik-Connect, Hikvision’s cloud service, “integrates DDNS along with an alarm push notification service”; Hikvision’s own bulletin still asks for UPnP or a port forward to use it. The older HiDDNS service’s status is not confirmed.',
    use: 'Hik-Connect gives its own name, not the one made here: keep the name here current with the router’s client or the cron line, and leave UPnP off on the NVR.',
    confidence: 'M',
    source: `${REF} (Hikvision technical bulletin “Adding a Device to a Hik-Connect Account” v2.0)`,
  },
  dahua: {
    product: 'Dahua (Dahua DDNS, NO-IP, DynDNS)',
    offers:
      'Dahua DDNS (www.dahuaddns.com) gives each device a name from its MAC, or a name of your own, with no account; keep more than 60 s between registrations, and a name idle for a year may be taken back. The same list offers CN99, NO-IP, DynDNS and sysdns.',
    use: 'For a No-IP or dyndns2 name made here, choose NO-IP or DynDNS in the NVR’s DDNS list and type the same name, user and password.',
    confidence: 'M',
    source: `${REF} (Dahua-OEM manual, IC Realtime NVR manual p. 61)`,
  },
  amcrest: {
    product: 'Amcrest (AmcrestDDNS, NO-IP, DynDNS)',
    offers:
      'Amcrest lists Quick DDNS, NO-IP, CN99 and DynDNS; AmcrestDDNS is free but must be renewed every year (a reminder goes to the e-mail in the user name field).',
    use: 'For a No-IP or dyndns2 name made here, choose NO-IP or DynDNS in the NVR’s DDNS list and type the same name, user and password.',
    confidence: 'M',
    source: `${REF} (https://www.easymanua.ls/amcrest/ip4m-1041b/manual?p=30)`,
  },
  reolink: {
    product: 'Reolink',
    offers:
      'Reolink’s remote access is mainly by the device’s UID through Reolink’s P2P relay; a Reolink DDNS service is not confirmed.',
    use: 'Keep the name current with the router’s client or the cron line.',
    confidence: 'M',
    source: `${REF} (https://kaspars.net/blog/reolink-battery-camera-remote-protocol)`,
  },
};

/** ONVIF's own DynamicDNS setting is not one of these services: said once, on the page. */
export const ONVIF_DDNS_NOTE =
  'The NVR’s ONVIF “Dynamic DNS” setting is RFC 2136 (a signed update to a DNS server you run), not DuckDNS, No-IP or the others: the app does not use it.';

/** The NVR's built-in client for a brand the app found (null: none known). */
export function nvrDdnsFor(brand: string | null | undefined): BuiltInDdns | null {
  const id = portsForBrand(brand)?.id;
  return id !== undefined && Object.hasOwn(NVR_DDNS, id) ? NVR_DDNS[id]! : null;
}
