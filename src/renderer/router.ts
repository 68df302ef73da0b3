import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router';
import type { Component } from 'vue';
import { STEPS, type StepId } from '../shared/domain/steps';
import WizardStepNetwork from './steps/WizardStepNetwork.vue';
import WizardStepFind from './steps/WizardStepFind.vue';
import WizardStepPorts from './steps/WizardStepPorts.vue';

/** The page of each available step. Planned steps have no page (never a stub): the sidebar shows them greyed. */
export const STEP_PAGES: Partial<Record<StepId, Component>> = {
  network: WizardStepNetwork,
  find: WizardStepFind,
  ports: WizardStepPorts,
};

export function stepPath(id: StepId): string {
  return `/step/${id}`;
}

const firstAvailable = STEPS.find((s) => s.available && STEP_PAGES[s.id])?.id ?? 'network';

export function createRoutes(): RouteRecordRaw[] {
  const stepRoutes: RouteRecordRaw[] = STEPS.filter((s) => s.available && STEP_PAGES[s.id]).map((s) => ({
    path: stepPath(s.id),
    name: `step-${s.id}`,
    component: STEP_PAGES[s.id]!,
    meta: { stepId: s.id, title: s.title },
  }));
  return [
    { path: '/', name: 'home', redirect: stepPath(firstAvailable) },
    ...stepRoutes,
    // A planned step or an unknown address goes back to the start instead of showing an empty page.
    { path: '/:pathMatch(.*)*', redirect: stepPath(firstAvailable) },
  ];
}

/** Hash history: works under app:// in Electron and over http in browser mode without server routes. */
export function createAppRouter(): Router {
  return createRouter({ history: createWebHashHistory(), routes: createRoutes() });
}
