// The checklist's phone test (issue 15 item 3: "a QR code of the DDNS name for a phone test"): what a phone on mobile
// data opens to prove remote access from a real outside network — the one test the app cannot make itself. Pure: the
// PDF draws it as a QR code and prints it in words beside it.
import type { Checklist } from './checklist-schema';

export interface PhoneTest {
  /** What the QR code holds: the NVR's web page through the HTTPS rule, else the DDNS name alone. */
  text: string;
  /** What the user does with it, in plain words. */
  words: string;
}

/**
 * The phone test of a checklist, or null without a DDNS name. The name is the one the provider last took (else the
 * first); the page is the planned HTTPS rule's outside port (a rule to the NVR's port 443, or named HTTPS). Plain HTTP
 * is never forwarded, so never offered: without an HTTPS rule, the code holds the name for the maker's app.
 */
export function phoneTest(c: Pick<Checklist, 'ddns' | 'forwardRules'>): PhoneTest | null {
  const names = c.ddns.names;
  const name = (names.find((n) => n.outcome === 'updated' || n.outcome === 'unchanged') ?? names[0])?.host;
  if (!name) return null;
  const https = c.forwardRules?.rules.find(
    (r) => r.protocol === 'tcp' && r.portCount === 1 && (r.internalPort === 443 || /https/i.test(r.name)),
  );
  if (https) {
    const text = `https://${name}${https.externalPort === 443 ? '' : `:${https.externalPort}`}/`;
    return {
      text,
      words: `Scan it with your phone on mobile data (Wi-Fi off): it opens ${text}, and the NVR’s login page should answer (the browser warns once about its own certificate).`,
    };
  }
  return {
    text: name,
    words: `Scan it with your phone on mobile data (Wi-Fi off) and give ${name} to the NVR maker’s app as the device’s address: it should show the cameras.`,
  };
}
