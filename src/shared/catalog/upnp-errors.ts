// UPnP IGD error codes in plain words. Source: shared/reference/PROTOCOLS.md §3.3 (miniupnpc `upnperrors.c`, the
// UPnP IGD WANIPConnection service description); what each means for the user is ours.

export interface UpnpErrorWords {
  /** The name in the specification (for the technical detail line). */
  name: string;
  /** What happened, in plain words. */
  words: string;
}

export const UPNP_ERRORS: Readonly<Record<number, UpnpErrorWords>> = {
  401: { name: 'Invalid Action', words: 'The router does not know this request.' },
  402: { name: 'Invalid Args', words: 'The router did not accept the values sent with the request.' },
  501: { name: 'Action Failed', words: 'The router could not carry out the request.' },
  606: {
    name: 'Action not authorized',
    words:
      'The router refuses this request over UPnP: most routers only let the device that opened a mapping delete it (others only allow it on their own web page).',
  },
  713: { name: 'SpecifiedArrayIndexInvalid', words: 'There are no more mappings in the router’s list.' },
  714: { name: 'NoSuchEntryInArray', words: 'The router has no such mapping (it may already be gone).' },
  715: {
    name: 'WildCardNotPermittedInSrcIP',
    words: 'The router does not accept “any source address” for this mapping.',
  },
  716: { name: 'WildCardNotPermittedInExtPort', words: 'The router does not accept “any external port”.' },
  718: {
    name: 'ConflictInMappingEntry',
    words: 'The external port is already mapped to another device on the router.',
  },
  724: {
    name: 'SamePortValuesRequired',
    words: 'The router only maps an external port to the same internal port number.',
  },
  725: { name: 'OnlyPermanentLeasesSupported', words: 'The router only accepts mappings that never expire.' },
  726: {
    name: 'RemoteHostOnlySupportsWildcard',
    words: 'The router cannot limit a mapping to one source address.',
  },
  727: { name: 'ExternalPortOnlySupportsWildcard', words: 'The router only accepts “any external port”.' },
  728: { name: 'NoPortMapsAvailable', words: 'The router has no room for more mappings.' },
  729: {
    name: 'ConflictWithOtherMechanisms',
    words: 'The mapping conflicts with a rule set another way on the router (e.g. its own forward page).',
  },
  732: { name: 'WildCardNotPermittedInIntPort', words: 'The router does not accept “any internal port”.' },
};

/** Plain words for a UPnP error code, with the code and its name for the technical line. */
export function upnpErrorWords(code: number): string {
  const known = UPNP_ERRORS[code];
  return known
    ? `${known.words} (UPnP error ${code}, ${known.name})`
    : `The router answered with an error the assistant does not know (UPnP error ${code}).`;
}
