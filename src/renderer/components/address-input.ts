/** Checks for the add-by-address form, before anything is sent. Main checks again (and that the address is local). */

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}))*\.?$/;

/** An IPv4 address or a name on the network, trimmed; or a plain reason it cannot be one. */
export function checkHost(text: string): Checked<string> {
  const host = text.trim();
  if (!host) return { ok: false, error: 'Enter the NVR’s address, for example 192.168.1.64.' };
  if (host.includes('://') || host.includes('/'))
    return {
      ok: false,
      error: 'Enter only the address, without “http://” or anything after it, for example 192.168.1.64.',
    };
  if (host.includes(':')) return { ok: false, error: 'Put the port in the Port box, not after the address.' };
  if (/^[\d.]+$/.test(host)) {
    const parts = host.split('.');
    const valid = parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
    return valid
      ? { ok: true, value: host }
      : {
          ok: false,
          error:
            'That is not a complete IPv4 address: four numbers from 0 to 255 with dots between, like 192.168.1.64.',
        };
  }
  if (host.length > 253 || !NAME.test(host))
    return {
      ok: false,
      error: 'That is neither an IPv4 address nor a network name. Names use only letters, digits, dots and hyphens.',
    };
  return { ok: true, value: host };
}

/** An optional port: empty means "try the usual ONVIF ports". */
export function checkPort(text: string): Checked<number | undefined> {
  const port = text.trim();
  if (!port) return { ok: true, value: undefined };
  const n = /^\d{1,5}$/.test(port) ? Number(port) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    return {
      ok: false,
      error: 'The port is a whole number from 1 to 65535. Leave it empty to try the usual ONVIF ports.',
    };
  return { ok: true, value: n };
}
