// The vendor-cloud way (issue 14 item 1: "the maker's P2P switched on, UPnP off, security, no forward at all"): what
// each maker's cloud (P2P) is, and what to watch, from ../shared/reference/INTERNET-SECURITY.md §5 with its
// confidence. The reference's own order puts a maker's P2P app third: "only on patched firmware with a strong unique
// password, and not for XM devices" — so XM's entry says to take another way.
import type { Translator } from '../i18n/translator';
import type { MessageKey } from '../i18n/types';
import { portsForBrand } from './ports';
import { readableSource } from './source-text';

const REF = '../shared/reference/INTERNET-SECURITY.md §5';

export interface VendorCloud {
  /** The service, as its maker's app calls it (a name, as it is; in English where our words are in it). */
  service: string;
  /** Where the name holds our words ("the DMSS app"): the names, said by `security.cloud.serviceApp`. */
  serviceApp?: { service: string; app: string };
  /** How it connects, in plain words (the catalogue's, `security.cloud.brands.<id>.how`). */
  how: Extract<MessageKey, `security.cloud.brands.${string}.how`>;
  /** What to watch with it (`security.cloud.brands.<id>.watch`). */
  watch: Extract<MessageKey, `security.cloud.brands.${string}.watch`>;
  /** False: do not use this cloud, take the VPN way instead. */
  use: boolean;
  confidence: 'H' | 'M' | 'L';
  source: string;
  /**
   * Where the source after the reference is our words about it (in English in `source`): the catalogue's
   * `security.cloud.brands.<id>.source`, with a project's name.
   */
  sourceSaid?: { key: Extract<MessageKey, `security.cloud.brands.${string}.source`>; project: string };
}

/**
 * By the port catalogue's brand id (portsForBrand), so the brand names devices give all find their entry. The words
 * are the catalogue's under the same id (src/shared/i18n/en/security.ts, `security.cloud.brands`); the facts and the
 * source stay here.
 */
export const VENDOR_CLOUDS: Readonly<Record<string, VendorCloud>> = {
  hikvision: {
    service: 'Hik-Connect',
    how: 'security.cloud.brands.hikvision.how',
    watch: 'security.cloud.brands.hikvision.watch',
    use: true,
    confidence: 'M',
    source: `${REF} (https://ipvm.com/reports/hik-app-pf)`,
  },
  dahua: {
    service: 'Dahua P2P (the DMSS app)',
    serviceApp: { service: 'Dahua P2P', app: 'DMSS' },
    how: 'security.cloud.brands.dahua.how',
    watch: 'security.cloud.brands.dahua.watch',
    use: true,
    confidence: 'M',
    source: `${REF} (the open-source dh-p2p, which tunnels RTSP over it)`,
    sourceSaid: { key: 'security.cloud.brands.dahua.source', project: 'dh-p2p' },
  },
  reolink: {
    service: 'Reolink UID',
    how: 'security.cloud.brands.reolink.how',
    watch: 'security.cloud.brands.reolink.watch',
    use: true,
    confidence: 'M',
    source: `${REF} (https://kaspars.net/blog/reolink-battery-camera-remote-protocol)`,
  },
  xm: {
    service: 'XMEye P2P',
    how: 'security.cloud.brands.xm.how',
    watch: 'security.cloud.brands.xm.watch',
    use: false,
    confidence: 'M',
    source: `${REF} (SEC Consult 2018, via https://www.cyber.nj.gov/alerts-and-advisories/20181011/nine-million-xiongmai-iot-devices-vulnerable-to-hacking)`,
  },
};

/** What every maker's cloud needs, whatever the brand (the reference's recommendation 3; `security.cloud.rules`). */
export const VENDOR_CLOUD_RULES = [
  'security.cloud.rules.switchOn',
  'security.cloud.rules.current',
  'security.cloud.rules.noForward',
  'security.cloud.rules.hijack',
] as const satisfies readonly MessageKey[];

/** The maker's cloud for the brand the app found (null: none known). */
export function vendorCloudFor(brand: string | null | undefined): VendorCloud | null {
  const id = portsForBrand(brand)?.id;
  return id !== undefined && Object.hasOwn(VENDOR_CLOUDS, id) ? VENDOR_CLOUDS[id]! : null;
}

type T = Pick<Translator, 't'>;

/** A cloud's service name in the translator's language (our words in it said by key; the names as they are). */
export function cloudServiceIn({ t }: T, cloud: VendorCloud): string {
  return cloud.serviceApp ? t('security.cloud.serviceApp', cloud.serviceApp) : cloud.service;
}

/** A cloud's source as a user can follow it, our words about it in the translator's language ('' when none). */
export function cloudSourceIn({ t }: T, cloud: VendorCloud): string {
  return cloud.sourceSaid
    ? t(cloud.sourceSaid.key, { project: cloud.sourceSaid.project })
    : readableSource(cloud.source);
}
