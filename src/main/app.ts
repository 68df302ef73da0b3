import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { NetworkReport } from '../shared/domain/network';
import type { SetupRecord } from '../shared/domain/setup';
import type { StepState } from '../shared/domain/steps';
import type { InvokeHandlers } from '../shared/ipc/contract';
import { AppFailure } from '../shared/ipc/errors';
import { createDispatcher, type CallContext, type Dispatcher } from './core/dispatch';
import { createEventHub, type EventHub } from './core/events';
import { createJobRunner, type JobRunner } from './core/jobs';
import { createNetcheckService, type NetcheckService } from './services/netcheck';
import { createSetupStore, type SetupStore } from './services/setup-store';
import { nodeSystem, type SystemSource } from './transport/system';

export interface AppCoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser' | 'cli';
  version: string;
  system?: SystemSource;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface AppCore {
  dispatch: Dispatcher;
  hub: EventHub;
  jobs: JobRunner;
  services: { netcheck: NetcheckService; setup: SetupStore };
  close(): Promise<void>;
}

/**
 * The composition root shared by every entry point (Electron, browser mode, CLI): builds each service with
 * its dependencies, in order, and the contract's handlers over them. No service reaches for a global.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const log = options.log ?? ((line: string) => process.stderr.write(`[nvr-assist] ${line}\n`));
  const now = options.now ?? (() => new Date());
  const hub = createEventHub(log);
  const jobs = createJobRunner(hub, () => randomBytes(9).toString('base64url'), log);
  const netcheck = createNetcheckService(options.system ?? nodeSystem, now);
  const setup = createSetupStore(join(options.dataDir, 'setup.json'), now);

  async function save(change: (draft: SetupRecord) => void): Promise<SetupRecord> {
    const record = await setup.update(change);
    hub.emit('setup.onChanged', { setup: record });
    return record;
  }

  const handlers: InvokeHandlers<CallContext> = {
    'app.info': async () => ({
      name: 'NVR Remote-Access Assistant',
      version: options.version,
      mode: options.mode,
      platform: process.platform,
    }),
    'network.get': async () => {
      const { setup: record } = await setup.load();
      const report = await netcheck.report(record.interfaceName);
      await save((draft) => {
        draft.network = report;
        draft.steps.network = networkStepState(draft, report, now());
      });
      return report;
    },
    'setup.get': async () => setup.load(),
    'setup.chooseApproach': async ({ approach }) =>
      save((draft) => {
        draft.approach = approach;
        if (draft.network) draft.steps.network = networkStepState(draft, draft.network, now());
      }),
    'setup.chooseInterface': async ({ interfaceName }) => {
      const report = await netcheck.report(interfaceName);
      const chosen = report.interfaces.find((i) => i.name === interfaceName);
      if (!chosen) throw new AppFailure('INTERFACE_NOT_FOUND');
      if (!chosen.usable) throw new AppFailure('INTERFACE_UNUSABLE');
      return save((draft) => {
        draft.interfaceName = interfaceName;
        draft.network = report;
        draft.steps.network = networkStepState(draft, report, now());
      });
    },
    'setup.skipStep': async ({ step, reason }) =>
      save((draft) => {
        draft.steps[step] = { status: 'skipped', updatedAt: now().toISOString(), reason };
      }),
    'setup.reset': async () => {
      const record = await setup.reset();
      hub.emit('setup.onChanged', { setup: record });
      return record;
    },
    'job.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };

  return {
    dispatch: createDispatcher(handlers, log),
    hub,
    jobs,
    services: { netcheck, setup },
    close: () => jobs.shutdown(),
  };
}

/**
 * The network step's status follows from measurements only: verified when an approach is chosen and the chosen
 * (or recommended) interface is usable in the latest measurement.
 */
export function networkStepState(record: SetupRecord, report: NetworkReport, at: Date): StepState {
  const updatedAt = at.toISOString();
  const name = record.interfaceName ?? report.recommended?.interfaceName ?? null;
  const iface = name ? report.interfaces.find((i) => i.name === name) : undefined;
  if (record.interfaceName && !iface)
    return {
      status: 'attention',
      updatedAt,
      reason: `The interface you chose (${record.interfaceName}) is gone. Pick another one.`,
    };
  if (!iface || !iface.usable)
    return {
      status: 'attention',
      updatedAt,
      reason: 'No usable network connection was found. Connect this computer to the NVR’s network.',
    };
  if (!record.approach) return { status: 'working', updatedAt, reason: 'Choose how you want to reach the NVR.' };
  return { status: 'verified', updatedAt };
}
