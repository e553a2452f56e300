/**
 * Issue 16: the service started as a child (serve, the desktop app) runs with the same V8 options as the systemd unit,
 * so its idle memory is the one measured in docs/benchmarks.md "Issue 16: idle memory".
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS, spawnChildService } from '../../../../shared/node/service-child.js';
import { tempDirs } from '../../../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const tmp = tempDirs();

describe('the service child gets the unit V8 options', () => {
  it('the unit ExecStart carries exactly SERVICE_NODE_FLAGS between the runtime and the command', async () => {
    const unit = await readFile(join(ROOT, 'resources', 'debian', 'express-report.service'), 'utf8');
    const words = (/^ExecStart=(.+)$/m.exec(unit)?.[1] ?? '').trim().split(/\s+/);
    expect(
      words.slice(
        1,
        words.findIndex((w) => w.endsWith('express-report.mjs')),
      ),
    ).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it('a child started by spawnChildService runs with them (its own process.execArgv)', async () => {
    const dir = await tmp();
    const bin = join(dir, 'fake-service.mjs');
    const out = join(dir, 'execArgv.json');
    await writeFile(bin, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(out)}, JSON.stringify(process.execArgv));\n`);
    const child = spawnChildService({ execPath: process.execPath, bin, dirs: { configDir: dir, stateDir: dir }, env: { PATH: process.env.PATH ?? '' } });
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual([...SERVICE_NODE_FLAGS]);
  });
});
