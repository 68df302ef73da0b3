import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import { inPageWords } from '../../components/page-words';
import type { VpnCheck } from '../../../shared/domain/vpn-check';
import type { VpnPlan } from '../../../shared/domain/vpn-plan';
import type { InvokeInput } from '../../../shared/ipc/contract';
import { useSetupStore } from '../../stores/setup';
import { useStepLoad, openWithRecord } from '../../stores/step-load';
import { splitPeers, type VpnServerChoice } from './vpn-words';
import { n, t } from '../../composables/useT';

/** A file the page asks main to write: a device's config or QR code, or the server's config. */
export interface VpnFile {
  /** A device's name, or `server`. */
  which: string;
  kind: 'config' | 'qr';
}

export const fileKey = (f: VpnFile): string => `${f.kind}:${f.which}`;

/**
 * The VPN step's page state: what the user asked for (where the server runs, the devices, the endpoint), main's
 * plan (public keys only: private keys stay in main and in the files it writes), the paths typed for the files and
 * what main said when it wrote them. Nothing is sent until the user presses a button.
 */
export const useVpnStore = defineStore('vpn', () => {
  const setup = useSetupStore();
  const server = ref<VpnServerChoice>('linux');
  const peers = ref('phone');
  const endpoint = ref('');
  const plan = ref<VpnPlan | null>(null);
  const busy = ref<'plan' | string | null>(null);
  const error = ref<string | null>(null);
  /** The path typed for each file (by fileKey), and what main answered for it. */
  const paths = ref<Record<string, string>>({});
  const written = ref<Record<string, { ok: boolean; text: string }>>({});
  /** The last check from inside (this page's), and why it could not be made. */
  const check = ref<VpnCheck | null>(null);
  const checkError = ref<string | null>(null);

  /** The DDNS step's name (its newest), the endpoint the devices should dial; null without one. */
  const ddnsName = computed(() => setup.record?.ddns.hosts[0]?.host ?? null);

  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('vpn.get', {}),
    take: (_, data) => {
      plan.value = data.plan;
      const r = data.request;
      if (r) {
        server.value = r.server;
        peers.value = r.peers.join(', ');
        endpoint.value = r.endpoint ?? '';
      } else if (!endpoint.value) endpoint.value = ddnsName.value ?? '';
    },
  });

  const openStep = (): Promise<void> => openWithRecord(setup, load);

  /** The plan from main for what the form says; true when main made one. */
  async function makePlan(): Promise<boolean> {
    if (busy.value) return false;
    const input: InvokeInput<'vpn.plan'> = {
      server: server.value,
      peers: splitPeers(peers.value),
      ...(endpoint.value.trim() ? { endpoint: endpoint.value.trim() } : {}),
    };
    busy.value = 'plan';
    error.value = null;
    try {
      const answer = await client.call('vpn.plan', input);
      if (!answer.ok) {
        error.value = inPageWords(answer.error);
        return false;
      }
      plan.value = answer.data;
      written.value = {};
      await setup.reloadRecord();
      return true;
    } finally {
      busy.value = null;
    }
  }

  /** Asks main to write one file to the path typed for it; what main said is kept for the page to show. */
  async function saveFile(file: VpnFile): Promise<boolean> {
    const key = fileKey(file);
    const out = (paths.value[key] ?? '').trim();
    if (busy.value || !out) return false;
    busy.value = key;
    try {
      const answer =
        file.kind === 'config'
          ? await client.call('vpn.config', { which: file.which, out })
          : await client.call('vpn.qr', { peer: file.which, out });
      written.value = {
        ...written.value,
        [key]: answer.ok
          ? {
              ok: true,
              // The size as main counted it, in the locale's digits without grouping (as the page always wrote it).
              text: t('vpn.files.written', {
                bytes: n(answer.data.bytes, { useGrouping: false }),
                file: answer.data.file,
              }),
            }
          : { ok: false, text: inPageWords(answer.error) },
      };
      return answer.ok;
    } finally {
      busy.value = null;
    }
  }

  /** Whether the check asks the checker now for what the internet sees (else the last proof from outside). */
  const proveNow = ref(true);

  /** Main sends one WireGuard handshake as the first device to the planned server and judges what it knows. */
  async function runCheck(): Promise<boolean> {
    if (busy.value) return false;
    busy.value = 'check';
    checkError.value = null;
    try {
      const answer = await client.call('vpn.check', proveNow.value ? { prove: true } : {});
      if (!answer.ok) {
        checkError.value = inPageWords(answer.error);
        return false;
      }
      check.value = answer.data;
      await setup.reloadRecord();
      return true;
    } finally {
      busy.value = null;
    }
  }

  return {
    check,
    checkError,
    runCheck,
    proveNow,
    server,
    peers,
    endpoint,
    plan,
    busy,
    error,
    paths,
    written,
    ddnsName,
    loading,
    loadError,
    openStep,
    makePlan,
    saveFile,
  };
});
