/**
 * The drop folder does not depend on a next fs event (issue 10 item 6): a file dropped while the process has no file
 * descriptor left (EMFILE) is logged once and taken by the retry timer as soon as descriptors are free again, with
 * nothing else happening in the folder. The drop folder runs in a child process whose descriptors it can exhaust.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDirs } from '../helpers/tmp.js';
import { until } from '../helpers/service-process.js';

const CHILD = fileURLToPath(new URL('./drop-folder-emfile-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = tempDirs();
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

describe('drop folder: out of file descriptors', () => {
  it('logs EMFILE once and takes the file by its retry timer when descriptors are free again', async () => {
    const dir = join(await tmp(), 'drop');
    await mkdir(dir);
    child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const seen = (what: string) => () => out.includes(what);
    await until(seen('READY'), 30_000, 'the child to start', () => out);
    child.stdin!.write('hog\n');
    await until(seen('HOGGED'), 10_000, 'the descriptors to be taken', () => out);
    expect(out).toMatch(/HOGGED \d+ EMFILE/);

    await writeFile(join(dir, 'fan.tmp'), JSON.stringify({ source: 'ESMCommonService', id: '0xc0000451' }));
    await rename(join(dir, 'fan.tmp'), join(dir, 'fan.json'));
    await until(seen('PROBLEM ER_1036'), 10_000, 'the EMFILE to be logged', () => out);
    expect(out).toMatch(/PROBLEM ER_1036 The drop folder .* cannot be read or watched: .*EMFILE/);
    await new Promise((r) => setTimeout(r, 1_500)); // the timer tries again meanwhile (0.2 s, 0.4 s, 0.8 s): no new line

    child.stdin!.write('free\n'); // nothing changes in the folder from here on
    await until(seen('ACCEPTED c0000451'), 10_000, 'the file to be taken by the retry timer', () => out);
    expect(out.match(/ER_1036/g)).toHaveLength(1);
    expect(out).toMatch(/PROBLEM ER_6061 The drop folder .* can be read and watched again/);
    await until(
      async () => !(await readdir(dir)).includes('fan.json'),
      5_000,
      'the file to be removed',
      () => out,
    );
    child.stdin!.write('stop\n');
  }, 60_000);
});
