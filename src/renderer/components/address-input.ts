/** Checks for the add-by-address form, before anything is sent. Main checks again (and that the address is local). */
import { t } from '../composables/useT';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}))*\.?$/;

/** An IPv4 address or a name on the network, trimmed; or a plain reason it cannot be one. */
export function checkHost(text: string): Checked<string> {
  const host = text.trim();
  if (!host) return { ok: false, error: t('components.address.empty') };
  if (host.includes('://') || host.includes('/'))
    return {
      ok: false,
      error: t('components.address.withScheme'),
    };
  if (host.includes(':')) return { ok: false, error: t('components.address.withPort') };
  if (/^[\d.]+$/.test(host)) {
    const parts = host.split('.');
    const valid = parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
    return valid
      ? { ok: true, value: host }
      : {
          ok: false,
          error: t('components.address.notIpv4'),
        };
  }
  if (host.length > 253 || !NAME.test(host))
    return {
      ok: false,
      error: t('components.address.notName'),
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
      error: t('components.address.badPort'),
    };
  return { ok: true, value: n };
}
