// Channel and event names only, with no schemas, so the preload bundle stays tiny.
// contract.ts checks at compile time that these lists equal the contract's keys.

export const INVOKE_CHANNELS = [
  'app.info',
  'network.get',
  'setup.get',
  'setup.chooseApproach',
  'setup.chooseInterface',
  'setup.skipStep',
  'setup.reset',
  'setup.chooseDevice',
  'job.cancel',
  'discovery.start',
  'discovery.list',
  'discovery.listen',
  'discovery.addManual',
  'device.login',
  'device.forgetPassword',
  'ports.audit',
  'ports.get',
  'ports.plan',
  'ports.apply',
] as const;

export const EVENT_NAMES = [
  'job.onProgress',
  'job.onDone',
  'setup.onChanged',
  'discovery.onDevice',
  'discovery.onWarning',
  'ports.onReport',
  'ports.onApplied',
] as const;

/** The IPC channel on which the main process sends every contract event: (name, payload). */
export const EVENT_IPC_CHANNEL = 'contract:event';
