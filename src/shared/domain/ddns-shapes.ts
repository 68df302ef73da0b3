// DDNS's shapes and rules that say nothing (the providers, their requests, the record's and the check's shapes): what
// the contract and the pages import. The rules that say main's words (ddns-answers.ts, ddns-check.ts) load the
// English catalogue, which the pages never load whole: they are in ./ddns.ts, main's.
export * from './ddns-providers';
export * from './ddns-check-shapes';
