import { ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import { inPageWords } from '../../components/page-words';
import { saidKeys } from '../../../shared/domain/checklist-said';
import type { Checklist } from '../../../shared/domain/checklist-schema';
import { loadGroupsOf } from '../../i18n/catalogue';
import type { ChecklistExport, ChecklistExportFormat, ChecklistPaper } from '../../../shared/domain/checklist-export';
import { useT } from '../../composables/useT';
import { useSetupStore } from '../../stores/setup';
import { useStepLoad, openWithRecord } from '../../stores/step-load';

/** Which download is being made: the PDF on A4 or Letter, or the JSON. */
export type ChecklistDownload = 'a4' | 'letter' | 'json';

/**
 * Saves bytes main made as a file: a download of a blob this page made. The browser saves it where it saves
 * downloads (or asks); the desktop app's window asks where with the system's save dialog.
 */
export function saveFile(fileName: string, mediaType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The Checklist step's page state: the checklist of the saved setup as main builds it, the last export, whether it
 * still says what the setup says, and the download on its way. Main makes every file (and records it); the page
 * only saves the bytes.
 */
export const useChecklistStore = defineStore('checklist', () => {
  const setup = useSetupStore();
  const { locale } = useT();
  const checklist = ref<Checklist | null>(null);
  const lastExport = ref<ChecklistExport | null>(null);
  const current = ref(false);
  const busy = ref<ChecklistDownload | null>(null);
  const error = ref<string | null>(null);
  /** The file saved last in this session (its name and size). */
  const saved = ref<{ fileName: string; bytes: number } | null>(null);

  const { loading, loadError, load, refresh } = useStepLoad({
    // The words main said by key in it come from other steps' groups (a reason, a finding): loaded before it shows.
    read: async () => {
      const result = await client.call('checklist.get', {});
      if (result.ok) await loadGroupsOf(saidKeys(result.data.checklist));
      return result;
    },
    take: (_, data) => {
      checklist.value = data.checklist;
      lastExport.value = data.lastExport;
      current.value = data.current;
    },
  });

  const openStep = (): Promise<void> => openWithRecord(setup, load);

  async function download(which: ChecklistDownload): Promise<void> {
    if (busy.value) return;
    busy.value = which;
    error.value = null;
    try {
      const format: ChecklistExportFormat = which === 'json' ? 'json' : 'pdf';
      const paper: ChecklistPaper | undefined = which === 'json' ? undefined : which;
      // The PDF in the page's language (its own words; what the checklist carries comes as it is). JSON has none.
      const result = await client.call(
        'checklist.export',
        paper ? { format, paper, locale: locale.value.tag } : { format },
      );
      if (!result.ok) {
        error.value = inPageWords(result.error);
        return;
      }
      saveFile(result.data.fileName, result.data.mediaType, result.data.base64);
      saved.value = { fileName: result.data.fileName, bytes: result.data.bytes };
      await refresh();
    } finally {
      busy.value = null;
    }
  }

  return { checklist, lastExport, current, busy, error, saved, loading, loadError, openStep, refresh, download };
});
