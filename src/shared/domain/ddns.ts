// DDNS, for its users: the providers and their requests (ddns-providers.ts), how their answers are read
// (ddns-answers.ts), and the record, the sending rules and the check (ddns-check-shapes.ts, ddns-check.ts).
// main side: answers and check say main's words (they load the English catalogue); the contract and the pages
// import ddns-shapes.ts instead.
export * from './ddns-providers';
export * from './ddns-answers';
export * from './ddns-check-shapes';
export * from './ddns-check';
