// setup.chooseDevice as main answers it, for the Find tests' harness: "Log in" on a card not chosen yet chooses its
// device first (as the radio does), so every login from a card goes through it.
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import type { DiscoveredDevice } from '../../../../../src/shared/domain/device';
import { failed, ok } from '../../fake-api';
import { api } from '../../mount-step';

type Answer<T> = { ok: true; data: T } | { ok: false };

/**
 * Like main (src/main/features/find/index.ts): the device, from main's last list or from the record, is saved as the
 * NVR, the step 'working' until a login proves it (judgeFind's 'chosen' in src/main/features/find/status.ts), and
 * setup.get reads that record from then on; a device main does not know is refused (DEVICE_NOT_FOUND), nothing saved.
 */
export async function chooseInMain(input: unknown) {
  const { deviceId } = input as { deviceId: string };
  const got = (await api.handlers['setup.get']?.({})) as Answer<{ setup: SetupRecord }> | undefined;
  const listed = (await api.handlers['discovery.list']?.({})) as Answer<{ devices: DiscoveredDevice[] }> | undefined;
  const record = got?.ok ? got.data.setup : null;
  const device =
    (listed?.ok ? listed.data.devices : []).find((d) => d.id === deviceId) ??
    record?.devices.find((d) => d.id === deviceId);
  if (!record || !device)
    return failed('DEVICE_NOT_FOUND', 'That device is not in the list of devices found. Search again, or add it.');
  const at = '2025-03-01T10:30:00.000Z';
  const saved: SetupRecord = structuredClone({
    ...record,
    nvr: { deviceId, device, chosenAt: at },
    steps: {
      ...record.steps,
      find: { status: 'working', updatedAt: at, reason: 'Log in to the NVR to confirm the app can talk to it.' },
    },
  });
  api.handlers['setup.get'] = () => ok({ setup: saved, notice: null });
  return ok(saved);
}
