import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { appHome } from './signed-in';
import { findAndLogIn } from './lab-find';

// "Static IP", the move itself, through the page: the lab's DHCP camera (`cam`) is found, logged in to, given the
// proposed address outside dnsmasq's pool with the user's yes, followed through its restart and read back; the
// page says so and where it answers, the camera's own namespace agrees, and Ports is marked to check again. The
// camera is always put back on DHCP (the lab is shared). Lab only (NVR_ASSIST_LAB_URL, set by global-setup.ts).
const labUrl = process.env.NVR_ASSIST_LAB_URL;
// From tests/lab/topology.mjs: the pool, the camera's MAC, the admin login.
const POOL = '192.168.50.100-192.168.50.199';
const CAM = { mac: '02:00:c0:a8:32:43' };
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' };

test.skip(!labUrl, 'lab E2E: run by npm test inside the lab');

function lab(args: string[], input?: string): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, ['tests/lab/lab.mjs', ...args], { encoding: 'utf8', timeout: 30_000, input });
  return { status: r.status, stdout: r.stdout ?? '' };
}

function camAddress(): string | null {
  return (
    /inet (\d+\.\d+\.\d+\.\d+)\//.exec(
      lab(['exec', 'cam', 'ip', '-4', '-o', 'addr', 'show', 'dev', 'eth0']).stdout,
    )?.[1] ?? null
  );
}

// Raw SOAP with digest from the client host (Python's handler sends the body with each try; curl's does not).
const SOAP_PY = `import sys, urllib.request
url, user, pw = sys.argv[1:4]
mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm(); mgr.add_password(None, url, user, pw)
opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(mgr))
print(opener.open(urllib.request.Request(url, data=sys.stdin.read().encode(), headers={'Content-Type': 'application/soap+xml'}), timeout=5).read().decode())`;

function soap(address: string, operation: string, inner: string): number | null {
  const body = `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Body><tds:${operation}>${inner}</tds:${operation}></s:Body></s:Envelope>`;
  const url = `http://${address}/onvif/device_service`;
  return lab(['exec', 'client', 'python3', '-c', SOAP_PY, url, ADMIN.user, ADMIN.password], body).status;
}

/** The camera back on DHCP (it asks for a restart), wherever it is now. */
async function backToDhcp(): Promise<void> {
  const at = camAddress();
  if (!at || (Number(at.split('.')[3]) >= 100 && Number(at.split('.')[3]) <= 199)) return;
  soap(
    at,
    'SetNetworkInterfaces',
    '<tds:InterfaceToken>eth0</tds:InterfaceToken><tds:NetworkInterface><tt:Enabled>true</tt:Enabled><tt:IPv4><tt:Enabled>true</tt:Enabled><tt:DHCP>true</tt:DHCP></tt:IPv4></tds:NetworkInterface>',
  );
  soap(at, 'SystemReboot', '');
  await new Promise((r) => setTimeout(r, 2500));
  for (let i = 0; i < 40 && !(camAddress() ?? '').startsWith('192.168.50.1'); i++)
    await new Promise((r) => setTimeout(r, 500));
}

test('Static IP: the DHCP camera is given the proposed address through the page, followed and read back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  mkdirSync('test-results/screens', { recursive: true });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  try {
    // Find and choose the camera by its MAC, logged in.
    await page.goto(appHome(labUrl!));
    const sidebar = page.getByRole('navigation', { name: 'Setup steps' });
    await findAndLogIn(page, CAM.mac, ADMIN);

    // Static IP with the router's range: the proposal, then Give → the confirmation names what is sent → yes.
    await sidebar.getByRole('link', { name: /Static IP/ }).click();
    await expect(page.getByTestId('found-source')).toContainText('read from the NVR itself', { timeout: 60_000 });
    await page.getByTestId('pool-input').fill(POOL);
    await page.getByTestId('pool-submit').click();
    await expect(page.getByTestId('pool-known')).toContainText('the range you typed', { timeout: 60_000 });
    const proposed = (await page.getByTestId('proposal-address').textContent())?.trim() ?? '';
    const last = Number(proposed.split('.')[3]);
    expect(last < 100 || last > 199).toBe(true);
    await expect(page.getByTestId('plan-state')).not.toContainText('Checking', { timeout: 15_000 });
    await page.getByTestId('apply').click();
    const confirm = page.getByTestId('apply-confirm');
    await expect(confirm).toBeVisible();
    await expect(page.getByTestId('apply-confirm-sent')).toContainText(proposed);
    await page.keyboard.press('Enter'); // the focused yes

    // Verify: moved and checked, where it answers, and what to check again.
    await expect(page.getByTestId('change-outcome')).toHaveText('moved and checked', { timeout: 120_000 });
    await expect(page.getByTestId('change-where')).toContainText(proposed);
    await expect(page.getByTestId('change-steps')).toContainText('Read back at');
    await expect(page.getByTestId('change-recheck')).toContainText('Ports');
    expect(camAddress()).toBe(proposed);
    await expect(sidebar.locator('li[data-step="static-ip"] [data-testid="step-status"]')).toContainText('verified');
    for (const width of [1400, 900]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId('change-result').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screens/static-ip-moved-${width}.png`, animations: 'disabled' });
    }
    expect(problems, 'no page errors or console errors').toEqual([]);
  } finally {
    await backToDhcp();
  }
});
