// Anchor for the discovery benchmark: the npm `onvif` package's Discovery.probe, run inside the lab's client
// namespace. Prints JSON: { devices, lastMs, totalMs }. `resolve: false` so it does not connect to each device.
import onvif from 'onvif';
const timeoutMs = Number(process.argv[2] || 3000);
const start = process.hrtime.bigint();
const seen = new Map();
onvif.Discovery.on('error', () => {}); // a stray packet must not throw
onvif.Discovery.on('device', (_cam, rinfo) => {
  const key = rinfo && rinfo.address;
  if (key && !seen.has(key)) seen.set(key, Number(process.hrtime.bigint() - start) / 1e6);
});
onvif.Discovery.probe({ timeout: timeoutMs, resolve: false }, () => {
  const times = [...seen.values()];
  process.stdout.write(
    JSON.stringify({
      devices: seen.size,
      lastMs: times.length ? Math.max(...times) : null,
      totalMs: Number(process.hrtime.bigint() - start) / 1e6,
    }),
  );
  process.exit(0);
});
