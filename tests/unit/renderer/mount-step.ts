// The one harness for step pages (and the shell's components): a fresh Pinia, the fake API as window.api, the app's
// own routes in memory history at the step's address, and a mount with the setup record loaded the way App.vue
// loads it. Each test file calls useStepHarness() once; `api`, `pinia` and `router` are live bindings to this test's.
import { afterEach, beforeEach } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { Component } from 'vue';
import { createRoutes } from '../../../src/renderer/router';
import { useAppStore } from '../../../src/renderer/stores/app';
import { useSetupStore } from '../../../src/renderer/stores/setup';
import { createFakeApi, type FakeApi, type FakeHandlers } from './fake-api';

export let api: FakeApi;
export let pinia: Pinia;
export let router: Router;

export interface StepHarnessOptions {
  /** The address the router starts at, e.g. '/step/find'. */
  path: string;
  /** main's answers for this file's tests (made fresh for each test). */
  handlers?: () => FakeHandlers;
}

/** Before each test: a fresh Pinia, fake API and router at `path`; after it: no window.api, an empty page. */
export function useStepHarness(options: StepHarnessOptions): void {
  beforeEach(async () => {
    pinia = createPinia();
    setActivePinia(pinia);
    api = createFakeApi(options.handlers?.() ?? {});
    window.api = api;
    router = createRouter({ history: createMemoryHistory(), routes: createRoutes() });
    await router.push(options.path);
    await router.isReady();
  });
  afterEach(() => {
    delete window.api;
    document.body.innerHTML = '';
  });
}

/** Mounts a component with this test's Pinia and router, attached to the document (focus works). */
export function mountWith(component: Component): VueWrapper {
  return mount(component as never, { global: { plugins: [pinia, router] }, attachTo: document.body });
}

/**
 * Mounts the page of the current route (or `component`) after loading the setup record (and with `app`, the app
 * info) as App.vue does at start, then lets its own loading settle.
 */
export async function mountStep(options: { component?: Component; app?: boolean } = {}): Promise<VueWrapper> {
  await Promise.all([options.app ? useAppStore().load() : undefined, useSetupStore().load()]);
  const page = options.component ?? router.currentRoute.value.matched.at(-1)?.components?.default;
  if (!page) throw new Error(`No page at ${router.currentRoute.value.fullPath}`);
  const wrapper = mountWith(page as Component);
  await flushPromises();
  return wrapper;
}
