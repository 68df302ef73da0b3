import { eventContract, type EventName, type EventPayload } from '../../shared/ipc/contract';
import { sanitizeDeep } from '../../shared/text/device-text';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Fan-out of contract events to every transport (Electron windows, SSE clients, the CLI). */
export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(log: (line: string) => void = () => {}): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      // Parse on the way out as well: a service bug must not send a malformed event.
      const parsed = eventContract[event].safeParse(payload);
      if (!parsed.success) {
        log(`dropped malformed event ${event}`);
        return;
      }
      // Device text is data: no control, escape or bidi character leaves main in an event either.
      const data = sanitizeDeep(parsed.data) as EventPayload<typeof event>;
      for (const listener of listeners) {
        try {
          listener(event, data);
        } catch {
          log(`event listener failed for ${event}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
