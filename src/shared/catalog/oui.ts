/**
 * MAC prefixes (OUI) of camera/NVR makers, used only as the weakest brand hint (after what the device says
 * about itself). Source: the IEEE MA-L registry entries as reproduced in public OUI tables; confidence M.
 * OEM boxes often carry the chip or module maker's OUI, so a miss means nothing.
 */
export const CAMERA_OUIS: Readonly<Record<string, string>> = {
  'c0:56:e3': 'Hikvision',
  '44:19:b6': 'Hikvision',
  '54:c4:15': 'Hikvision',
  '3c:ef:8c': 'Dahua',
  'a0:bd:cd': 'Dahua',
  '00:40:8c': 'Axis',
  'ac:cc:8e': 'Axis',
};

export function brandFromMac(mac: string | null): string | null {
  if (!mac) return null;
  return CAMERA_OUIS[mac.toLowerCase().slice(0, 8)] ?? null;
}

/** Brand names we recognise inside free text (scopes, SSDP manufacturer, HTTP Server headers). */
const BRAND_PATTERNS: Array<[RegExp, string]> = [
  [/hikvision|hik-?connect|\bhik\b/i, 'Hikvision'],
  [/dahua/i, 'Dahua'],
  [/amcrest/i, 'Amcrest'],
  [/lorex/i, 'Lorex'],
  [/reolink/i, 'Reolink'],
  [/uniview|\bunv\b/i, 'Uniview'],
  [/\baxis\b/i, 'Axis'],
  [/hanwha|wisenet|samsung techwin/i, 'Hanwha'],
  [/annke/i, 'Annke'],
  [/swann/i, 'Swann'],
  [/ubiquiti|unifi/i, 'Ubiquiti'],
  [/synology/i, 'Synology'],
  [/tp-?link|tapo/i, 'TP-Link'],
  [/xiongmai|xmeye/i, 'XM'],
];

export function brandFromText(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const [re, brand] of BRAND_PATTERNS) if (re.test(text)) return brand;
  return null;
}
