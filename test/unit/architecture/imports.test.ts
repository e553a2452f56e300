import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

/** The import direction of docs/design.md section 2 is enforced by the lint; these cases prove the rule bites. */
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../..', import.meta.url)) });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import direction', () => {
  it.each([
    ['shared/a.ts', "import { x } from './node/config-store.js';"],
    ['shared/settings/a.ts', "import { x } from '../node/secrets.js';"],
    ['shared/a.ts', "import { readFile } from 'node:fs/promises';"],
    ['shared/a.ts', "import path from 'path';"],
    ['shared/a.ts', "import { main } from '../service/cli/main.js';"],
    ['shared/node/a.ts', "import { x } from '../../electron/main.js';"],
    ['shared/node/a.ts', "import { x } from '../../service/cli/main.js';"],
    ['renderer/a.ts', "import { x } from '../shared/node/config-store.js';"],
    ['renderer/a.ts', "import { x } from '../electron/preload.js';"],
    ['renderer/a.ts', "import { readFile } from 'node:fs';"],
    ['service/a.ts', "import { x } from '../renderer/app.js';"],
    ['service/a.ts', "import { x } from '../electron/main.js';"],
    ['electron/a.ts', "import { x } from '../renderer/app.js';"],
    ['electron/a.ts', "import { x } from '../service/cli/main.js';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    ['shared/settings/a.ts', "import { x } from '../messages/problem.js';"],
    ['shared/node/a.ts', "import { x } from '../settings/schema.js';"],
    ['shared/node/a.ts', "import { readFile } from 'node:fs/promises';"],
    ['renderer/a.ts', "import { x } from '../shared/settings/schema.js';"],
    ['service/a.ts', "import { x } from '../shared/node/config-store.js';"],
    ['electron/a.ts', "import { x } from '../shared/node/config-store.js';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
