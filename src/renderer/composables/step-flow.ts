import { inject, provide, type InjectionKey } from 'vue';

/**
 * A step page's flow, shared by its parts: the page makes it once (its watches and its start live with the page)
 * and hands it down; a part takes it. `name` names the page in the error a part used outside it throws.
 */
export function defineStepFlow<Flow>(name: string, create: () => Flow) {
  const key: InjectionKey<Flow> = Symbol(`${name}-flow`);
  return {
    /** On the page: makes the flow and hands it to the page's parts. */
    provide(): Flow {
      const flow = create();
      provide(key, flow);
      return flow;
    },
    /** In a part of the page: the page's flow. */
    use(): Flow {
      const flow = inject(key);
      if (!flow) throw new Error(`A part of the ${name} page is used outside its page.`);
      return flow;
    },
  };
}
