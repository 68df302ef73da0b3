// Persistent device state in <state-dir>/state.json, written atomically.
import fs from 'node:fs';
import path from 'node:path';

export function loadState(dir, initial) {
  const file = path.join(dir, 'state.json');
  let st = null;
  try { st = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* first start */ }
  if (!st || st.version !== 1) st = initial();
  st.instanceId = (st.instanceId ?? 0) + 1;
  return {
    data: st,
    save() {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(st, null, 2));
      fs.renameSync(tmp, file);
    },
  };
}
