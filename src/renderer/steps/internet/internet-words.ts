// What the Internet side page shows as it is, in every language: data, not words (the words are src/shared/i18n's
// `internet` group, and these go into their placeholders).
import type { ProofRow } from '../../../shared/domain/outside-proof';

/** Running one's own address checker (echoip, with its port test) on a server outside the home, and its address. */
export const OWN_CHECKER = {
  command: 'docker run -p 8080:8080 mpolden/echoip -p',
  url: 'http://your-server:8080',
} as const;

/** How long the check of the internet side takes, about (said beside its button). */
export const CHECK_SECONDS = 5;

/** A proof row's badge: reached as planned (ok), not (danger), or not known (muted). */
export const proofRowTone = (r: Pick<ProofRow, 'ok'>) => (r.ok === true ? 'ok' : r.ok === false ? 'danger' : 'muted');
/** A proof row's `data-ok`: true, false or unknown. */
export const proofRowOk = (r: Pick<ProofRow, 'ok'>) => (r.ok === null ? 'unknown' : String(r.ok));
