import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { readFromMain } from './call-main';
import type { InvokeOutput } from '../../shared/ipc/contract';
import { t } from '../composables/useT';

export type AppInfo = InvokeOutput<'app.info'>;

/** What the app is and how it runs (inside Electron, or in a browser against the local background service). */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  const mode = computed(() => info.value?.mode ?? null);
  const isBrowserMode = computed(() => mode.value === 'browser');
  const title = computed(() => info.value?.name ?? t('components.appName'));
  /** "Remember my password" is possible: the desktop app with a system keychain (false until known). */
  const canRememberPasswords = computed(() => info.value?.canRememberPasswords ?? false);

  const load = (): Promise<boolean> =>
    readFromMain({ loading, error }, client.getAppInfo, (data) => {
      info.value = data;
    });

  return { info, error, loading, mode, isBrowserMode, title, canRememberPasswords, load };
});
