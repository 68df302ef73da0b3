import { defineFeature } from '../types';
import { CHECKLIST_COMMANDS } from './cli';

// "Checklist": the setup record as a checklist the user keeps (PDF or JSON). The CLI builds it from `setup.get`,
// so the feature has no channel of its own yet (the page and its channel come with the step).
export default defineFeature({
  id: 'checklist',
  handlers: () => ({}),
  commands: CHECKLIST_COMMANDS,
});
