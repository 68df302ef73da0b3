/**
 * The ARIA of a text field that may have a problem: marked invalid while it has one, and described by its help (if
 * it has one) and then by its problem (the sentence with id `problemId`, shown only while there is one).
 */
export function fieldAria(
  problem: string | null | undefined,
  problemId: string,
  helpId?: string,
): { 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined } {
  const ids = [helpId, problem ? problemId : undefined].filter(Boolean);
  return { 'aria-invalid': problem ? 'true' : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
}
