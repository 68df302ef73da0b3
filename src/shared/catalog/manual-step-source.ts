// The shape of a document the manual port steps rest on (manual-steps.ts), in a file of its own: the contract's
// schemas (src/shared/domain/ports.ts), which the pages load, take it from here, while the steps themselves are made
// on main's side (their English comes from the whole catalogue, src/shared/i18n/english.ts).
import { z } from 'zod';
import { confidenceSchema } from './ports';

/** Where a brand's manual port steps come from: H = the vendor's own document, M = an OEM/partner one, L = other. */
export const manualStepSourceSchema = z.object({
  /** What the source is, in plain words (e.g. "Dahua NVR user's manual V2.7.0, p. 274"). Evidence: stays English. */
  title: z.string().min(1).max(200),
  url: z.string().url().max(300).optional(),
  confidence: confidenceSchema,
  /** Which part of the steps it backs (the menu path, the same-port rule, …). Evidence, often a quote: English. */
  supports: z.string().min(1).max(300),
});
export type ManualStepSource = z.infer<typeof manualStepSourceSchema>;
