// The pages' words for the unit tests: every group a page may load (src/renderer/i18n/catalogue.ts), since most tests
// mount a component or call a page's word helper without going through the step's route, which loads them in the
// app. The tests of that loading (tests/unit/renderer/i18n/route-groups.test.ts) start from a fresh catalogue.
import { loadAllGroups } from '../../../src/renderer/i18n/catalogue';

await loadAllGroups();
