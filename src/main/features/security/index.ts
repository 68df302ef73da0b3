import { defineFeature } from '../types';
import { securityCommands } from './cli';

// "Security" (issue 15, first part): for now a CLI command only. It reads the setup record through `setup.get` and
// judges it with the pure shared/domain/security.ts; the step has no page yet, so no contract slice of its own (a
// contract slice needs the step in STEPS, and a step in STEPS needs its page).
export default defineFeature({
  id: 'security',
  handlers: () => ({}),
  commands: securityCommands(),
});
