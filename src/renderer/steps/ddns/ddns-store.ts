import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../../api/client';
import { inPageWords } from '../../components/page-words';
import { ddnsServer, type DdnsCheck, type DdnsLast, type DdnsProvider } from '../../../shared/domain/ddns-shapes';
import type { InvokeInput, InvokeOutput } from '../../../shared/ipc/contract';
import { useSetupStore } from '../../stores/setup';
import { useStepLoad, openWithRecord } from '../../stores/step-load';
import { needsUser } from './ddns-words';

export type DdnsUpdateResult = InvokeOutput<'ddns.update'>;

/**
 * The DDNS step's page state: what the user typed (provider, name, server, user, an address to set — never the
 * password or token: it is an argument of `update`, handed to main and not kept here), main's last answers (this
 * session's update, each name's saved last answer, the last check) and which call is on its way. Nothing is sent
 * until the user presses a button.
 */
export const useDdnsStore = defineStore('ddns', () => {
  const setup = useSetupStore();
  const provider = ref<DdnsProvider>('duckdns');
  const host = ref('');
  const server = ref('');
  const user = ref('');
  const ip = ref('');
  /** The user fixed at the provider what stopped the last update (abuse, a refused agent …): send anyway. */
  const force = ref(false);

  const hosts = ref<DdnsLast[]>([]);
  const check = ref<DdnsCheck | null>(null);
  const result = ref<DdnsUpdateResult | null>(null);
  const busy = ref<'update' | 'check' | null>(null);
  const error = ref<{ of: 'update' | 'check'; message: string } | null>(null);

  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('ddns.get', {}),
    take: (_, data) => {
      hosts.value = data.hosts;
      check.value = data.check ?? check.value;
      const last = data.hosts[0];
      if (last && !host.value) {
        provider.value = last.provider;
        host.value = last.host;
        user.value = last.user ?? '';
        if (last.provider === 'dyndns2' && last.server !== ddnsServer({ provider: 'dyndns2' })?.href)
          server.value = last.server;
      }
    },
  });

  const openStep = (): Promise<void> => openWithRecord(setup, load);

  /** The name in the field's saved last answer from its provider (null: none saved). */
  const saved = computed(
    () => hosts.value.find((h) => h.host === host.value.trim().toLowerCase() && h.provider === provider.value) ?? null,
  );

  /** The answer on show for the name in the field: this session's update, else the saved one. */
  const shownAnswer = computed(() => {
    const name = host.value.trim().toLowerCase();
    const mine = result.value && result.value.host === name && result.value.provider === provider.value;
    if (mine && result.value)
      return {
        answer: result.value.answer,
        at: result.value.at,
        sent: result.value.sent,
        requests: result.value.requests,
      };
    const s = saved.value;
    return s ? { answer: s.answer, at: s.answeredAt, sent: true, requests: [] as string[] } : null;
  });

  /**
   * The provider's last answer for this name (as main saved it: main's gate reads the same) stops updates until the
   * user fixed it at the provider. A wait cannot be skipped; what main did not send (no address …) is not a stop.
   */
  const stopped = computed(() => {
    const a = saved.value?.answer;
    return !!a && (a.outcome === 'blocked' || a.outcome === 'fatal') && a.stop;
  });

  /**
   * One update through main. `secret` goes in this call only (empty: the one main holds from an earlier update of
   * this name); the store keeps none of it. True when main answered (whatever the provider said).
   */
  async function update(secret: string): Promise<boolean> {
    if (busy.value) return false;
    const p = provider.value;
    const input: InvokeInput<'ddns.update'> = {
      provider: p,
      host: host.value.trim(),
      ...(p === 'dyndns2' && server.value.trim() ? { server: server.value.trim() } : {}),
      ...(needsUser(p) ? { user: user.value.trim() } : {}),
      ...(secret ? { secret } : {}),
      ...(ip.value.trim() ? { ip: ip.value.trim() } : {}),
      ...(force.value && stopped.value ? { force: true } : {}),
    };
    busy.value = 'update';
    error.value = null;
    try {
      const answer = await client.call('ddns.update', input);
      if (!answer.ok) {
        error.value = { of: 'update', message: inPageWords(answer.error) };
        return false;
      }
      result.value = answer.data;
      force.value = false;
      await Promise.all([load(), setup.reloadRecord()]);
      return true;
    } finally {
      busy.value = null;
    }
  }

  /** Where the name points, at the system's resolver and at the zone's own server, against the public address. */
  async function runCheck(): Promise<boolean> {
    if (busy.value) return false;
    busy.value = 'check';
    error.value = null;
    try {
      const answer = await client.call('ddns.check', {
        host: host.value.trim(),
        ...(ip.value.trim() ? { ip: ip.value.trim() } : {}),
      });
      if (!answer.ok) {
        error.value = { of: 'check', message: inPageWords(answer.error) };
        return false;
      }
      check.value = answer.data;
      await Promise.all([load(), setup.reloadRecord()]);
      return true;
    } finally {
      busy.value = null;
    }
  }

  return {
    provider,
    host,
    server,
    user,
    ip,
    force,
    hosts,
    check,
    result,
    busy,
    error,
    loading,
    loadError,
    saved,
    shownAnswer,
    stopped,
    openStep,
    update,
    runCheck,
  };
});
