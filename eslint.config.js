// Lint, including the import direction of docs/design.md section 2:
//   renderer -> shared;  electron -> shared, shared/node;  service -> shared, shared/node;
//   shared (isomorphic) imports nothing of ours and no Node built-in; nothing imports electron/ or renderer/.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ours = {
  electron: { group: ['**/electron/**', '**/electron'], message: 'Nothing imports electron/: it is the desktop shell only.' },
  renderer: { group: ['**/renderer/**', '**/renderer'], message: 'Nothing imports renderer/: it is the UI only.' },
  service: { group: ['**/service/**', '**/service'], message: 'service/ is a process; share code through shared/ or shared/node/.' },
  sharedNode: { group: ['**/node/**', './node', '../node', '**/shared/node/**'], message: 'This code runs in the browser too: shared/node/ is Node-only.' },
};
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ is isomorphic: no Node built-ins (use shared/node/).' })),
          patterns: [ours.electron, ours.renderer, ours.service, ours.sharedNode],
        },
      ],
    },
  },
  { files: ['shared/node/**/*.ts'], rules: restrict(ours.electron, ours.renderer, ours.service) },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer talks only to HostApi.' })),
          patterns: [ours.electron, ours.service, { group: ['**/shared/node/**'], message: 'The renderer may import only shared/ (not shared/node/).' }],
        },
      ],
    },
  },
  { files: ['electron/**/*.ts'], rules: restrict(ours.renderer, ours.service) },
  { files: ['service/**/*.ts'], rules: restrict(ours.electron, ours.renderer) },
);
