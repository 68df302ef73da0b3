#!/usr/bin/env node
// `npm run check:step-shape`: proves a new wizard step is a set of folders plus one line in STEPS. In a scratch
// copy of HEAD (a git worktree in the temp folder, removed afterwards) it adds a trivial step "hello" — a channel, a
// record slice with its own version, a main feature with a CLI command, a page on the step frame — then runs the
// type checks, the whole unit suite, lint on the new files and the build, calls the new CLI command twice, and
// checks that `git status` shows only src/shared/domain/steps.ts changed and the step's own new files added.
// About 3 minutes; not part of `npm test`. Nothing touches the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(mkdtempSync(join(tmpdir(), 'step-shape-')), 'copy');
const shared = process.env.NVR_SHARED_DIR ?? join(repo, '..', 'shared');

const FILES = {
  'src/shared/steps/hello.ts': `import { z } from 'zod';
import { defineStep } from './define';

export const helloStep = defineStep({
  id: 'hello',
  title: 'Hello',
  available: true,
  invoke: {
    'hello.get': { input: z.object({}).strict(), output: z.object({ greeting: z.string(), seen: z.number().int() }) },
  },
  record: {
    version: 1,
    shape: { hello: z.object({ seen: z.number().int().min(0) }) },
    empty: () => ({ hello: { seen: 0 } }),
  },
});
`,
  'src/main/features/hello/index.ts': `import { defineFeature } from '../types';

export default defineFeature({
  id: 'hello',
  handlers: ({ save, now }) => ({
    'hello.get': async () => {
      const record = await save((draft) => {
        draft.hello.seen += 1;
        draft.steps.hello = { status: 'verified', updatedAt: now().toISOString() };
      });
      return { greeting: 'Hello', seen: record.hello.seen };
    },
  }),
  commands: [
    {
      name: 'hello',
      usage: ['hello                   Says hello and counts how often.'],
      run: async (cmd) => cmd.finish(await cmd.call('hello.get', {}), (d) => \`\${d.greeting} #\${d.seen}\`),
    },
  ],
});
`,
  'src/renderer/steps/hello/WizardStepHello.vue': `<script setup lang="ts">
import { onMounted, ref } from 'vue';
import { call } from '../../api/client';
import WizardStepFrame from '../../components/WizardStepFrame.vue';

const seen = ref<number | null>(null);
onMounted(async () => {
  const r = await call('hello.get', {});
  if (r.ok) seen.value = r.data.seen;
});
</script>

<template>
  <WizardStepFrame step-id="hello" empty-text="Not greeted yet.">
    <template #intro>A trivial step.</template>
    <template #found>
      <p data-testid="hello-seen">Seen {{ seen ?? '…' }} times.</p>
    </template>
  </WizardStepFrame>
</template>
`,
};

function run(label, command, args, env = {}, cwd = dir) {
  process.stdout.write(`== ${label}\n`);
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 900_000 });
  if (r.status !== 0) {
    process.stdout.write(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
    throw new Error(`${label} failed`);
  }
  return r.stdout;
}

let failed = false;
try {
  run('scratch copy of HEAD', 'git', ['worktree', 'add', '--detach', dir, 'HEAD'], {}, repo);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // The one line in the list (and its import).
  const list = join(dir, 'src/shared/domain/steps.ts');
  const before = readFileSync(list, 'utf8');
  const after = before
    .replace(
      "import { portsStep } from '../steps/ports';",
      "import { portsStep } from '../steps/ports';\nimport { helloStep } from '../steps/hello';",
    )
    .replace('  portsStep,\n', '  portsStep,\n  helloStep,\n');
  if (after === before) throw new Error('could not add the step to STEPS');
  writeFileSync(list, after);

  run('types (main)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  run('types (renderer)', 'npx', ['vue-tsc', '-p', 'tsconfig.web.json', '--noEmit']);
  run('lint of the new files', 'npx', ['eslint', '--max-warnings', '0', ...Object.keys(FILES)]);
  run('build', 'npm', ['run', '-s', 'build']);
  run(
    'unit suite',
    'npx',
    ['vitest', 'run', '--project', 'unit'],
    existsSync(shared) ? { NVR_SHARED_DIR: shared } : {},
  );
  const data = mkdtempSync(join(tmpdir(), 'step-shape-data-'));
  const first = run('CLI: hello', process.execPath, ['bin/nvr-assist.js', 'hello'], { NVR_ASSIST_DATA_DIR: data });
  const second = run('CLI: hello --json', process.execPath, ['bin/nvr-assist.js', 'hello', '--json'], {
    NVR_ASSIST_DATA_DIR: data,
  });
  const setup = run('CLI: setup', process.execPath, ['bin/nvr-assist.js', 'setup', '--json'], {
    NVR_ASSIST_DATA_DIR: data,
  });
  rmSync(data, { recursive: true, force: true });
  if (first.trim() !== 'Hello #1' || JSON.parse(second).seen !== 2) throw new Error('the new command did not answer');
  const record = JSON.parse(setup).setup;
  if (record.hello?.seen !== 2 || record.sliceVersions?.hello !== 1 || record.steps?.hello?.status !== 'verified')
    throw new Error('the new slice or status is not in the record');

  const status = run('what changed', 'git', ['status', '--porcelain', '--untracked-files=all'])
    .split('\n')
    .filter((l) => l && !l.endsWith('node_modules'));
  const expected = [' M src/shared/domain/steps.ts', ...Object.keys(FILES).map((f) => `?? ${f}`)].sort();
  process.stdout.write(`${status.join('\n')}\n`);
  if (JSON.stringify([...status].sort()) !== JSON.stringify(expected))
    throw new Error(`a new step touched more than the list and its own files:\n${status.join('\n')}`);
  process.stdout.write('\nA new step touched only the list of steps and its own new files.\n');
} catch (err) {
  failed = true;
  process.stderr.write(`\n${err.message}\n`);
} finally {
  spawnSync('git', ['-C', repo, 'worktree', 'remove', '--force', dir], { stdio: 'ignore' });
  rmSync(dirname(dir), { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
