// Vendors' factory default logins, by brand, from ../shared/reference/INTERNET-SECURITY.md §4.1 (each row's source
// and confidence as there). Only brands whose factory firmware shipped a fixed password are listed: current
// Hikvision ("activation"), Dahua from about 2017 ("initialization"), later Axis and Hanwha make the user set one at
// first use, so a wrong guess there would only count towards a lockout. The password is used only for the one login
// attempt the Security step makes with the user's consent; it is never saved, logged or shown — a candidate is named
// by its `id` and `label`. Pure data.

export interface DefaultCredential {
  /** Stable name, saved with an attempt instead of the password. */
  id: string;
  /** The brand as the app names it (`brandFromText`, e.g. 'XM' for Xiongmai). */
  brand: string;
  /** Which firmware shipped it, in plain words. */
  era: string;
  user: string;
  /** The factory password ('' = blank). Never leaves main. */
  password: string;
  /** H / M / L as in the reference. */
  confidence: 'H' | 'M' | 'L';
  source: string;
}

const REF = 'INTERNET-SECURITY.md §4.1';

/** In the order they are tried for a brand (the better-sourced first). */
export const DEFAULT_CREDENTIALS: readonly DefaultCredential[] = [
  {
    id: 'xm-admin-blank',
    brand: 'XM',
    era: 'Xiongmai (XM) and OEM recorders; the setup does not force a change',
    user: 'admin',
    password: '',
    confidence: 'M',
    source: `${REF}: NJCCIC and PCMag summaries of SEC Consult, https://www.pcmag.com/news/weak-default-logins-expose-internet-cameras-to-hacking`,
  },
  {
    id: 'xm-default-hidden',
    brand: 'XM',
    era: 'Xiongmai (XM) hidden second account',
    user: 'default',
    password: 'tluafed',
    confidence: 'M',
    source: `${REF}: NJCCIC and PCMag summaries of SEC Consult, https://www.pcmag.com/news/weak-default-logins-expose-internet-cameras-to-hacking`,
  },
  {
    id: 'dahua-old-admin',
    brand: 'Dahua',
    era: 'older Dahua firmware (before about 2017)',
    user: 'admin',
    password: 'admin',
    confidence: 'L',
    source: `${REF}: widely reported, not confirmed by a vendor document`,
  },
  {
    id: 'amcrest-old-admin',
    brand: 'Amcrest',
    era: 'older Amcrest models (current ones require a new password of 8+ characters)',
    user: 'admin',
    password: 'admin',
    confidence: 'L',
    source: `${REF}: widely reported; https://support.amcrest.com/hc/en-us/articles/4405498137101-How-To-Modify-An-Admin-Password-On-An-Amcrest-Camera`,
  },
  {
    id: 'hikvision-old-admin',
    brand: 'Hikvision',
    era: 'older Hikvision firmware (newer firmware has no default: it must be activated)',
    user: 'admin',
    password: '12345',
    confidence: 'M',
    source: `${REF}: Hikvision network camera manual (mirror), http://38.142.81.21:8001/manual/hikvision/ds-2cd4324fwd-izhs8/manual-english/page-147.html`,
  },
  {
    id: 'reolink-old-admin-blank',
    brand: 'Reolink',
    era: 'older Reolink units (current NVRs create the password at setup)',
    user: 'admin',
    password: '',
    confidence: 'L',
    source: `${REF}: reported, not confirmed; https://support.reolink.com/hc/en-us/articles/29164848372505-Introuduction-to-Reolink-NVR-Passwords`,
  },
  {
    id: 'axis-old-root',
    brand: 'Axis',
    era: 'old Axis products (AXIS 2100/2120 era; later firmware asks for a root password first)',
    user: 'root',
    password: 'pass',
    confidence: 'M',
    source: `${REF}: Axis manuals (mirror), https://manualsdump.com/amp/en/manuals/212273/42`,
  },
  {
    id: 'uniview-admin',
    brand: 'Uniview',
    era: 'Uniview NVRs',
    user: 'admin',
    password: '123456',
    confidence: 'M',
    source: `${REF}: https://support.camerasecuritynow.com/kb/a7/creating-a-new-user.aspx`,
  },
  {
    id: 'hanwha-old-admin',
    brand: 'Hanwha',
    era: 'older Samsung/Hanwha NVRs (e.g. SRN-1000; later ones ask for a password first)',
    user: 'admin',
    password: '4321',
    confidence: 'M',
    source: `${REF}: Samsung SRN-1000 manual (mirror), http://www.manualslib.com/manual/725981/Samsung-Srn-1000.html?page=53`,
  },
  {
    id: 'lorex-admin',
    brand: 'Lorex',
    era: 'many Lorex DVR/NVR models',
    user: 'admin',
    password: '000000',
    confidence: 'M',
    source: `${REF}: Lorex NVR manual (mirror), https://manualsdump.com/en/manuals/lorex-16_channel_security_nvr_with_poe_switch/294106/56`,
  },
];
