// DDNS, for its users: the providers and their requests (ddns-providers.ts), how their answers are read
// (ddns-answers.ts), and the record, the sending rules and the check (ddns-check.ts).
export * from './ddns-providers';
export * from './ddns-answers';
export * from './ddns-check';
