// The shared lab's devices that suites move (cam, hik) are taken by one suite at a time, also across processes
// (people and helpers running suites by hand beside `npm test`): an owner file created atomically, waited for at
// most 3 minutes while someone else holds it.
import fs from 'node:fs';

export const OWNER_FILE = '/tmp/lab-cam-owner';

/** Takes the lab's movable devices for `me`; throws after 3 minutes (every 10 s) while another holds them. */
export async function takeLabDevices(me: string, what: string): Promise<void> {
  for (let i = 0; i <= 18; i++) {
    try {
      fs.writeFileSync(OWNER_FILE, me, { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: string;
    try {
      holder = fs.readFileSync(OWNER_FILE, 'utf8').trim();
    } catch {
      continue; // released just now
    }
    if (holder === me) throw new Error(`${OWNER_FILE} already names this suite: is another run of it going on?`);
    if (i < 18) await new Promise((r) => setTimeout(r, 10_000));
  }
  throw new Error(`${what} still in use after 3 minutes (${OWNER_FILE})`);
}

/** Gives them back, if `me` holds them. */
export function releaseLabDevices(me: string): void {
  if (fs.existsSync(OWNER_FILE) && fs.readFileSync(OWNER_FILE, 'utf8').trim() === me) fs.rmSync(OWNER_FILE);
}
