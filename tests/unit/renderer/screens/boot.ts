// The real renderer over a fake `window.api` (the same fakes the unit tests use): the scene is installed first,
// then the app starts exactly as it does in Electron (api/client.ts finds window.api and never opens HTTP).
import './scene';
import '../../../../src/renderer/main';
