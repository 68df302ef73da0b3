// The vendors' factory administrator user name, by brand: what the login dialog offers in its "User name" field
// before the user has typed one for the device. User names only, never a password: the passwords of
// default-credentials.ts stay in main, so that catalogue is not imported here (the renderer reads this one).
// Source: ../shared/reference/INTERNET-SECURITY.md §4.1, the same rows as default-credentials.ts (each brand's
// first-listed account there; a unit test keeps the two alike). Pure data.

import { brandFromText } from './oui';

/**
 * The administrator account a brand ships with, where it is not `admin`. Old Axis products shipped `root` (`root` /
 * `pass`), and later Axis firmware still has the user set the `root` account's password on first access
 * (INTERNET-SECURITY.md §4.1, M: Axis manuals, mirrors).
 */
const NOT_ADMIN: Readonly<Record<string, string>> = { Axis: 'root' };

/**
 * Every other brand of §4.1 names its administrator `admin`: Hikvision (old `admin`/`12345`, and the account a
 * newer NVR's activation sets the password of), Dahua (old `admin`/`admin`, and the account its initialization
 * sets), Amcrest, Reolink, Uniview, Hanwha/Samsung, Lorex, Xiongmai (XM) and its OEMs. For a brand the catalogue
 * does not know (or an unknown brand), `admin` is still the likeliest: it is the factory administrator of each of
 * those brands. The user sees it and can change it; nothing is sent before they type the password.
 */
export const FACTORY_ADMIN_USER = 'admin';

/** The factory administrator's user name for a brand as a device or the search named it ('AXIS', 'Hikvision', …). */
export function factoryAdminUser(brand: string | null | undefined): string {
  const trimmed = brand?.trim();
  if (!trimmed) return FACTORY_ADMIN_USER;
  const name = (brandFromText(trimmed) ?? trimmed).toLowerCase();
  const known = Object.entries(NOT_ADMIN).find(([b]) => b.toLowerCase() === name);
  return known ? known[1] : FACTORY_ADMIN_USER;
}
