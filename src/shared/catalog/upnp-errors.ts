// UPnP IGD error codes in plain words. Source: shared/reference/PROTOCOLS.md §3.3 (miniupnpc `upnperrors.c`, the
// UPnP IGD WANIPConnection service description); what each means for the user is ours, in the catalogue
// (upnp.upnpError). Main-side only (it makes main's English sentence: i18n/english.ts).
import { english } from '../i18n/english';
import { said, saidWords, type Said, type SaidWords } from '../i18n/said';

export interface UpnpErrorWords {
  /** The name in the specification (for the technical detail line). */
  name: string;
  /** What happened, in plain words (by the catalogue's key). */
  words: SaidWords;
}

export const UPNP_ERRORS: Readonly<Record<number, UpnpErrorWords>> = {
  401: { name: 'Invalid Action', words: saidWords('upnp.upnpError.invalidAction') },
  402: { name: 'Invalid Args', words: saidWords('upnp.upnpError.invalidArgs') },
  501: { name: 'Action Failed', words: saidWords('upnp.upnpError.actionFailed') },
  606: { name: 'Action not authorized', words: saidWords('upnp.upnpError.notAuthorized') },
  713: { name: 'SpecifiedArrayIndexInvalid', words: saidWords('upnp.upnpError.noMoreEntries') },
  714: { name: 'NoSuchEntryInArray', words: saidWords('upnp.upnpError.noSuchEntry') },
  715: { name: 'WildCardNotPermittedInSrcIP', words: saidWords('upnp.upnpError.noWildcardSource') },
  716: { name: 'WildCardNotPermittedInExtPort', words: saidWords('upnp.upnpError.noWildcardExternalPort') },
  718: { name: 'ConflictInMappingEntry', words: saidWords('upnp.upnpError.conflict') },
  724: { name: 'SamePortValuesRequired', words: saidWords('upnp.upnpError.samePortRequired') },
  725: { name: 'OnlyPermanentLeasesSupported', words: saidWords('upnp.upnpError.onlyPermanent') },
  726: { name: 'RemoteHostOnlySupportsWildcard', words: saidWords('upnp.upnpError.noRemoteHost') },
  727: { name: 'ExternalPortOnlySupportsWildcard', words: saidWords('upnp.upnpError.onlyWildcardExternalPort') },
  728: { name: 'NoPortMapsAvailable', words: saidWords('upnp.upnpError.noRoom') },
  729: { name: 'ConflictWithOtherMechanisms', words: saidWords('upnp.upnpError.otherMechanism') },
  732: { name: 'WildCardNotPermittedInIntPort', words: saidWords('upnp.upnpError.noWildcardInternalPort') },
};

/** A UPnP error code said by key: its plain words, with the code and its name for the technical line. */
export function upnpErrorSaid(code: number): Said {
  const known = UPNP_ERRORS[code];
  return known
    ? said('upnp.upnpError.known', { words: known.words, code: String(code), name: known.name })
    : said('upnp.upnpError.unknown', { code: String(code) });
}

/** Plain words for a UPnP error code (main's English sentence), with the code and its name for the technical line. */
export function upnpErrorWords(code: number): string {
  return english(upnpErrorSaid(code));
}
