// The network group of the English catalogue (see ./index.ts): its own file so that converting one step touches no other.
export const network = {} as const;
