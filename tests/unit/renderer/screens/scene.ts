// One fixed scene for the screenshots: network verified (port forwarding), the Reolink found and chosen (Find
// verified), its ports measured with main's proposal and a verified change (Ports needs attention). Built from the
// unit tests' fakes, so the pictures show what the tests assert.
import {
  appInfo,
  createFakeApi,
  fakeDevices,
  fakeListening,
  fakeReport,
  ok,
  searchedList,
  searchedSetup,
} from '../fake-api';
import { REOLINK, fakeApplyResult, fakePortPlan, fakePortReport, fakePorts } from '../fake-ports';

const setup = searchedSetup({
  approach: 'port-forwarding',
  nvr: { deviceId: REOLINK.id, device: REOLINK, chosenAt: '2025-03-01T11:00:00.000Z' },
  steps: {
    network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' },
    find: { status: 'verified', updatedAt: '2025-03-01T11:00:00.000Z' },
    ports: {
      status: 'attention',
      updatedAt: '2025-03-01T12:05:00.000Z',
      reason: 'RTSP (554) and HTTPS (443) still use their factory ports.',
    },
  },
});

const api = createFakeApi({
  'app.info': () => appInfo(true, 'electron'),
  'setup.get': () => ok({ setup, notice: null }),
  'network.get': () => ok(fakeReport({ chosenInterface: 'eth0' })),
  'discovery.list': () => searchedList({ devices: fakeDevices(), finishedAt: '2025-03-01T10:10:04.000Z' }),
});
fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: fakeApplyResult() });
fakeListening(api);
window.api = api;
