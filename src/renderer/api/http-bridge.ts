import type { AppApi } from '../../shared/ipc/api';
import type { EventName, EventPayload, InvokeChannel, InvokeOutput } from '../../shared/ipc/contract';
import { resultEnvelopeSchema, fail, type Result } from '../../shared/ipc/result';
import { t } from '../composables/useT';

/** What the bridge needs from the browser; tests pass fakes. */
export interface HttpBridgeDeps {
  fetch: typeof fetch;
  EventSource: new (
    url: string,
    init?: EventSourceInit,
  ) => Pick<EventSource, 'addEventListener' | 'removeEventListener' | 'close'>;
}

/** What the page says when it cannot talk to the app's local service, in the page's language (en/app.ts). */
export const backendDownMessage = () => t('app.bridge.backendDown');
export const notSignedInMessage = () => t('app.bridge.notSignedIn');
const unexpectedAnswerMessage = () => t('app.bridge.unexpected');

/**
 * AppApi over the browser-mode server (src/main/server.ts): the same contract as the preload, as
 * `POST /api/invoke/<channel>` (JSON in, Result envelope out) and Server-Sent Events on `/api/events`.
 * The session cookie (HttpOnly, SameSite=Strict) is set by the server; we only send same-origin credentials.
 * The data inside an envelope is not trusted here: api/client.ts parses it with the contract's schemas.
 */
export function createHttpBridge(deps: HttpBridgeDeps = defaultDeps()): AppApi {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const attached = new Map<string, (e: Event) => void>();
  let source: InstanceType<HttpBridgeDeps['EventSource']> | null = null;

  function attach(event: string): void {
    if (!source || attached.has(event)) return;
    const handler = (e: Event): void => {
      const data = (e as MessageEvent).data;
      let payload: unknown;
      try {
        payload = JSON.parse(typeof data === 'string' ? data : '');
      } catch {
        return; // a malformed message is dropped, never thrown into the page
      }
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch {
          // one failing listener must not stop the others
        }
      }
    };
    attached.set(event, handler);
    source.addEventListener(event, handler);
  }

  function ensureSource(): void {
    if (source) return;
    // EventSource reconnects by itself after a dropped connection; we keep one for the whole page.
    source = new deps.EventSource('/api/events', { withCredentials: true });
    for (const event of listeners.keys()) attach(event);
  }

  function closeIfUnused(): void {
    if (!source || [...listeners.values()].some((set) => set.size > 0)) return;
    for (const [event, handler] of attached) source.removeEventListener(event, handler);
    attached.clear();
    source.close();
    source = null;
  }

  return {
    async invoke<C extends InvokeChannel>(channel: C, input: unknown): Promise<Result<InvokeOutput<C>>> {
      let response: Response;
      try {
        response = await deps.fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          cache: 'no-store',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return fail('INTERNAL', backendDownMessage());
      }
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        body = undefined;
      }
      // The server answers with the envelope for 4xx as well; trust its words when the envelope is well-formed.
      const envelope = resultEnvelopeSchema.safeParse(body);
      if (envelope.success) return envelope.data as Result<InvokeOutput<C>>;
      if (response.status === 401 || response.status === 403) return fail('FORBIDDEN', notSignedInMessage());
      if (response.status >= 500 || response.status === 0) return fail('INTERNAL', backendDownMessage());
      return fail('INTERNAL', unexpectedAnswerMessage());
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      ensureSource();
      attach(event);
      return () => {
        set.delete(wrapped);
        closeIfUnused();
      };
    },
  };
}

function defaultDeps(): HttpBridgeDeps {
  return { fetch: (...args) => globalThis.fetch(...args), EventSource: globalThis.EventSource };
}
