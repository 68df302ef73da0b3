// Talking to one IGD's WAN connection service: a control action, the whole mapping list (bounded), a deletion.
// Every request is bounded in time and size; the control URL was resolved on the gateway's own address
// (protocol/upnp-igd.ts), so nothing here can be sent anywhere else.
import { MAX_UPNP_MAPPINGS, type RawUpnpMapping, type UpnpListEnd } from '../../../shared/domain/upnp';
import { upnpErrorSaid } from '../../../shared/catalog/upnp-errors';
import { saidInEnglish } from '../../../shared/i18n/english';
import { said, saidSchema, type Said } from '../../../shared/i18n/said';
import {
  buildIgdRequest,
  mappingFromValues,
  readIgdReply,
  readPortListing,
  type IgdControl,
  type IgdReply,
} from '../../protocol/upnp-igd';
import { HttpLimitError, type HttpTransport } from '../../transport/http';

/** One control request's bound (a router answers in milliseconds; a busy one within a second or two). */
export const IGD_CALL_TIMEOUT_MS = 4000;
/** The whole list's bound: a router that answers slowly entry after entry still ends here. */
export const IGD_LIST_TIMEOUT_MS = 20_000;

export type IgdCallResult = IgdReply | { kind: 'unreachable'; error: string };

/** One action on the IGD's connection service. Never throws. */
export async function callIgd(
  http: HttpTransport,
  igd: Pick<IgdControl, 'serviceType' | 'controlUrl'>,
  action: string,
  args: ReadonlyArray<readonly [string, string | number]> = [],
  signal?: AbortSignal,
): Promise<IgdCallResult> {
  const { body, soapAction } = buildIgdRequest(igd.serviceType, action, args);
  try {
    const res = await http.request(igd.controlUrl, {
      method: 'POST',
      // A length, not chunks: routers' small HTTP servers (miniupnpd among them) do not read a chunked body.
      headers: {
        'content-type': 'text/xml; charset="utf-8"',
        'content-length': String(Buffer.byteLength(body)),
        soapaction: soapAction,
      },
      body,
      timeoutMs: IGD_CALL_TIMEOUT_MS,
      maxBytes: 128 * 1024,
      signal,
    });
    const reply = readIgdReply(res.body, action);
    // A 200 that is not the action's reply, or a fault on a 200, are read as they are; an error status without a
    // readable fault is the router refusing in its own way.
    if (reply.kind === 'invalid' && res.status !== 200)
      return { kind: 'fault', code: 0, description: `HTTP ${res.status}` };
    return reply;
  } catch (err) {
    const reason = err instanceof HttpLimitError ? err.reason : 'unreachable';
    return { kind: 'unreachable', error: reason };
  }
}

export interface MappingList {
  mappings: RawUpnpMapping[];
  end: UpnpListEnd;
  /** Why it ended early, in plain words (main's English). */
  note?: string;
  /** The same words by the catalogue's key (absent where a value is longer than the contract carries by key). */
  noteSaid?: Said;
}

/** Why the list ended early, said by key, with main's English sentence. */
function listNote(words: Said): { note: string; noteSaid?: Said } {
  const { message, said: noteSaid } = deletionWords(words);
  return noteSaid ? { note: message, noteSaid } : { note: message };
}

const keyOf = (m: Pick<RawUpnpMapping, 'protocol' | 'externalPort' | 'remoteHost'>) =>
  `${m.protocol} ${m.externalPort} ${m.remoteHost}`;

/**
 * Every mapping the IGD lists: GetGenericPortMappingEntry from index 0 until error 713 (the end), at most
 * MAX_UPNP_MAPPINGS entries and IGD_LIST_TIMEOUT_MS in all. An entry seen twice is kept once (a broken IGD that
 * answers every index with the same entry ends at the limit). IGD:2's GetListOfPortMappings is tried first where
 * offered; an IGD that refuses it is read entry by entry.
 */
export async function listMappings(
  http: HttpTransport,
  igd: IgdControl,
  signal: AbortSignal,
  now: () => number = () => performance.now(),
): Promise<MappingList> {
  if (igd.igdVersion === 2 && igd.serviceType.endsWith(':2')) {
    const listed = await listAtOnce(http, igd, signal);
    if (listed) return listed;
  }
  const seen = new Map<string, RawUpnpMapping>();
  const started = now();
  let repeats = 0;
  for (let index = 0; ; index++) {
    if (signal.aborted) return { mappings: [...seen.values()], end: 'cancelled' };
    if (seen.size >= MAX_UPNP_MAPPINGS || index >= MAX_UPNP_MAPPINGS + 32)
      return {
        mappings: [...seen.values()],
        end: 'limit',
        ...listNote(said('upnp.listNoteSaid.tooMany', { max: String(MAX_UPNP_MAPPINGS) })),
      };
    if (now() - started > IGD_LIST_TIMEOUT_MS)
      return { mappings: [...seen.values()], end: 'limit', ...listNote(said('upnp.listNoteSaid.tooSlow')) };
    const reply = await callIgd(http, igd, 'GetGenericPortMappingEntry', [['NewPortMappingIndex', index]], signal);
    if (signal.aborted) return { mappings: [...seen.values()], end: 'cancelled' };
    if (reply.kind === 'fault') {
      // 713 (or 714, which some routers send) after the last entry is the normal end of the list.
      if (reply.code === 713 || reply.code === 714) return { mappings: [...seen.values()], end: 'complete' };
      return { mappings: [...seen.values()], end: 'refused', ...listNote(upnpErrorSaid(reply.code)) };
    }
    if (reply.kind === 'unreachable')
      return {
        mappings: [...seen.values()],
        end: 'unreachable',
        ...listNote(said('upnp.listNoteSaid.stopped', { count: index, error: reply.error })),
      };
    if (reply.kind === 'invalid')
      return {
        mappings: [...seen.values()],
        end: 'unreadable',
        ...listNote(said('upnp.listNoteSaid.entryUnreadable', { index: String(index), error: reply.error })),
      };
    const m = mappingFromValues(reply.values);
    if (!m) continue; // an entry without a port or address: skipped, the next may be fine
    const key = keyOf(m);
    if (seen.has(key)) {
      if (++repeats > 8)
        return {
          mappings: [...seen.values()],
          end: 'unreadable',
          ...listNote(said('upnp.listNoteSaid.repeats')),
        };
      continue;
    }
    seen.set(key, m);
  }
}

/** IGD:2 GetListOfPortMappings for TCP then UDP; null when the IGD does not offer it (then read entry by entry). */
async function listAtOnce(http: HttpTransport, igd: IgdControl, signal: AbortSignal): Promise<MappingList | null> {
  const mappings: RawUpnpMapping[] = [];
  for (const protocol of ['TCP', 'UDP'] as const) {
    const reply = await callIgd(
      http,
      igd,
      'GetListOfPortMappings',
      [
        ['NewStartPort', 1],
        ['NewEndPort', 65535],
        ['NewProtocol', protocol],
        ['NewManage', 1],
        ['NewNumberOfPorts', MAX_UPNP_MAPPINGS],
      ],
      signal,
    );
    if (signal.aborted) return { mappings, end: 'cancelled' };
    // 730 PortMappingNotFound: none of this protocol.
    if (reply.kind === 'fault' && reply.code === 730) continue;
    if (reply.kind !== 'ok') return null;
    const listing = readPortListing(reply.values.NewPortListing ?? '', MAX_UPNP_MAPPINGS - mappings.length);
    if (!listing.ok) return null;
    mappings.push(...listing.mappings);
  }
  return { mappings, end: mappings.length >= MAX_UPNP_MAPPINGS ? 'limit' : 'complete' };
}

/**
 * A deletion's outcome said by key, with main's English sentence (`message`); the English alone where a value (the
 * transport's error) is longer than the contract carries by key.
 */
export function deletionWords(words: Said): { message: string; said?: Said } {
  const { text } = saidInEnglish(words);
  return saidSchema.safeParse(words).success ? { message: text, said: words } : { message: text };
}

/** Deletes one mapping; the router's answer in plain words. */
export async function deleteMapping(
  http: HttpTransport,
  igd: IgdControl,
  m: Pick<RawUpnpMapping, 'protocol' | 'externalPort' | 'remoteHost'>,
  signal: AbortSignal,
): Promise<{ accepted: boolean; errorCode: number | null; message: string; said?: Said }> {
  const reply = await callIgd(
    http,
    igd,
    'DeletePortMapping',
    [
      ['NewRemoteHost', m.remoteHost],
      ['NewExternalPort', m.externalPort],
      ['NewProtocol', m.protocol],
    ],
    signal,
  );
  if (reply.kind === 'ok')
    return { accepted: true, errorCode: null, ...deletionWords(said('upnp.deletionSaid.deleted')) };
  if (reply.kind === 'fault')
    return { accepted: false, errorCode: reply.code, ...deletionWords(upnpErrorSaid(reply.code)) };
  return {
    accepted: false,
    errorCode: null,
    ...deletionWords(
      said(reply.kind === 'unreachable' ? 'upnp.deletionSaid.noAnswer' : 'upnp.deletionSaid.unreadable', {
        error: reply.error,
      }),
    ),
  };
}
