import type { Result } from './result';
import type { EventName, EventPayload, InvokeChannel, InvokeInput, InvokeOutput } from './contract';

/** What the preload exposes as `window.api`, and what the browser-mode bridge implements the same way. */
export interface AppApi {
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Result<InvokeOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
