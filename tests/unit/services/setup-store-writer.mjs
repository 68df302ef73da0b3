// A second (third, …) writer of one setup record, in a process of its own: the store compiled to plain JavaScript
// by setup-store-bundle.ts, like the CLI and the app each load theirs.
//   node setup-store-writer.mjs <store.mjs> <setup.json> devices <name> <count>  → appends <count> devices <name>-<i>
//   node setup-store-writer.mjs <store.mjs> <setup.json> approach <value>        → chooses an approach
//   node setup-store-writer.mjs <store.mjs> <setup.json> hang                    → dies holding the lock (when killed)
//   node setup-store-writer.mjs <store.mjs> <setup.json> watch                   → starts a watch and ends
// Prints one JSON line: { done, failed: [error codes] }. Exits 0 only when every update was saved.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [storeModule, file, action, ...args] = process.argv.slice(2);
const { createSetupStore } = await import(pathToFileURL(storeModule).href);
const store = createSetupStore(file);

const device = (id) => ({
  id,
  addresses: ['192.168.50.64'],
  mac: null,
  brand: 'Hikvision',
  brandSource: 'sadp',
  model: null,
  name: null,
  firmware: null,
  serial: null,
  sources: ['sadp'],
  onvifUrl: null,
  endpoint: null,
  ports: {},
  dhcp: null,
  activated: null,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: '2026-11-24T12:00:00.000Z',
});

let done = 0;
const failed = [];
/** With `watch`: the resources that would keep this process alive after the watch began. */
let keepsAlive;
async function attempt(change) {
  try {
    await store.update(change);
    done += 1;
  } catch (err) {
    failed.push(err && typeof err === 'object' && 'code' in err ? String(err.code) : String(err));
  }
}

if (action === 'devices') {
  const [name, countText] = args;
  const count = Math.min(Number(countText), 500);
  for (let i = 0; i < count; i += 1) await attempt((draft) => void draft.devices.push(device(`${name}-${i}`)));
} else if (action === 'approach') {
  await attempt((draft) => void (draft.approach = args[0]));
} else if (action === 'hang') {
  // Takes the lock and never lets go (until killed); <setup.json>.holding says it holds it.
  await attempt(() => {
    writeFileSync(`${file}.holding`, String(process.pid));
    for (;;);
  });
} else if (action === 'watch') {
  // Watches, then simply ends: the watch must not keep the process alive.
  createSetupStore(file).watch(() => {});
  // What would keep this process alive now (Node lists only what holds the event loop: unref'd timers not;
  // its own pipes and one-off file requests, which end by themselves, are left out).
  keepsAlive = process
    .getActiveResourcesInfo()
    .filter((type) => !/^(PipeWrap|TTYWrap|TCPWrap)$|Req(Callback)?$/.test(type));
  done = 1;
} else {
  failed.push(`unknown action ${action}`);
}
process.stdout.write(`${JSON.stringify({ done, failed, ...(keepsAlive ? { keepsAlive } : {}) })}\n`);
process.exitCode = failed.length ? 1 : 0;
