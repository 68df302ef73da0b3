import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router';
import type { Component } from 'vue';
import { STEPS, type StepId } from '../shared/domain/steps';
import { loadStepGroups } from './i18n/catalogue';

/** A step's page, loaded when the step is first opened (each page and its parts are a chunk of their own). */
type LazyPage = () => Promise<Component>;

/**
 * Every step's page, found by its folder: `steps/<step id>/WizardStep<Name>.vue` (one folder per step; a new step
 * adds its folder, nothing here). Planned steps have no folder (never a stub): the sidebar shows them greyed.
 * Not eager: the first screen loads the shell and the first step only, the others when they are opened.
 */
const PAGE_FILES = import.meta.glob<Component>('./steps/*/WizardStep*.vue', { import: 'default' });

function pagesByStep(): Partial<Record<StepId, LazyPage>> {
  const pages: Partial<Record<StepId, LazyPage>> = {};
  for (const [file, page] of Object.entries(PAGE_FILES)) {
    const folder = /^\.\/steps\/([^/]+)\//.exec(file)?.[1];
    const step = STEPS.find((s) => s.id === folder);
    if (step?.available) pages[step.id] = page;
  }
  return pages;
}

/** The page of each available step. */
export const STEP_PAGES = pagesByStep();

export function stepPath(id: StepId): string {
  return `/step/${id}`;
}

/** A step's route component: its page, resolved only once the step's groups of words are loaded too. */
export function stepComponent(id: StepId, page: LazyPage): LazyPage {
  return () => Promise.all([page(), loadStepGroups(id)]).then(([component]) => component);
}

const firstAvailable = STEPS.find((s) => s.available && STEP_PAGES[s.id])?.id ?? 'network';

export function createRoutes(): RouteRecordRaw[] {
  const stepRoutes: RouteRecordRaw[] = STEPS.filter((s) => s.available && STEP_PAGES[s.id]).map((s) => ({
    path: stepPath(s.id),
    name: `step-${s.id}`,
    // The page and its words (i18n/catalogue.ts) load together; the page renders once both are here.
    component: stepComponent(s.id, STEP_PAGES[s.id]!),
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
