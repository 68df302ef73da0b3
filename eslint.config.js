// Lint: typescript-eslint + eslint-plugin-vue, and the import layering of DESIGN.md §3 (`local/code-layering`
// in VS Code's terms): shared ← main/protocol ← main/services ← main/{electron,server,cli}; shared ← preload;
// shared ← renderer. The renderer never imports main; shared imports nothing of ours; electron only in
// src/main/electron, src/main/index.ts and src/preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'net', 'dgram', 'http', 'https', 'child_process', 'crypto', 'url'];

/** One restriction entry: forbid these import patterns, with a message saying which layer rule it breaks. */
const forbid = (group, message) => ({ group, message });

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer(
    ['src/shared/**'],
    [
      forbid(
        ['**/main/**', '**/renderer/**', '**/preload/**'],
        'src/shared imports nothing of ours outside src/shared.',
      ),
      forbid(
        [...NODE_BUILTINS, 'electron', 'vue', 'pinia'],
        'src/shared is pure TypeScript: no Node, DOM, Vue or Electron.',
      ),
    ],
  ),
  layer(
    ['src/renderer/**'],
    [
      forbid(
        ['**/main/**', '**/preload/**'],
        'The renderer never imports main-process or preload code; use api/client.ts.',
      ),
      forbid([...NODE_BUILTINS, 'electron'], 'The renderer runs in a sandboxed page: no Node or Electron.'),
    ],
  ),
  layer(
    ['src/preload/**'],
    [
      forbid(['**/main/**', '**/renderer/**'], 'The preload only uses src/shared.'),
      forbid(['zod'], 'Keep the preload tiny: import names from src/shared/ipc/channels.ts, not schemas.'),
    ],
  ),
  layer(
    ['src/main/protocol/**'],
    [
      forbid(
        ['**/services/**', '**/transport/**', '**/electron/**', '**/core/**', '**/server*', '**/cli*', '**/app'],
        'Codecs are pure: they import only src/shared and other codecs.',
      ),
      // Hashing (WS-UsernameToken SHA-1, HTTP digest MD5) is pure computation: node:crypto is the one exception.
      forbid(
        [...NODE_BUILTINS.filter((n) => n !== 'crypto'), '!node:crypto', 'electron'],
        'Codecs do no I/O: no Node built-ins but node:crypto.',
      ),
    ],
  ),
  layer(
    ['src/main/services/**', 'src/main/transport/**', 'src/main/core/**'],
    [
      forbid(
        ['**/electron/**', '**/server*', '**/cli*', '**/app'],
        'Services and transports do not know which front end calls them.',
      ),
      forbid(['electron'], 'Only src/main/electron and src/main/index.ts import electron.'),
    ],
  ),
  layer(
    ['src/main/features/**'],
    [
      forbid(
        ['**/electron/**', '**/server*', '**/app', '**/cli/run', '**/index'],
        'A feature module gets its services from the AppContext and knows no front end (the CLI lends it only command.ts and table.ts).',
      ),
      forbid(['electron'], 'Only src/main/electron and src/main/index.ts import electron.'),
    ],
  ),
  layer(
    ['src/main/server*.ts', 'src/main/cli.ts', 'src/main/cli/**', 'src/main/app.ts', 'src/main/version.ts'],
    [forbid(['electron', '**/electron/**'], 'Browser mode and the CLI run without Electron.')],
  ),
  {
    files: ['tests/**/*.{ts,mjs,js}', 'scripts/**/*.mjs', 'bin/**/*.js', '*.config.{ts,js,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
