import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, lchown, mkdir, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { problem } from '../../../../shared/messages/problem.js';
import { archiveName } from '../../../../service/collect/walk.js';
import { RESERVE_BYTES, zipLogs } from '../../../../service/collect/zip-stream.js';
import { tempDirs } from '../../../helpers/tmp.js';
import { bytesOf, unzipped } from '../../../helpers/collect.js';

const tmp = tempDirs();
const BIG = 1024 * 1024 * 1024;

async function put(path: string, data: string | Buffer): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, data);
}

/** Paths under `root` of the files open in this process right now. */
async function openUnder(root: string): Promise<string[]> {
  const fds = await readdir('/proc/self/fd');
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((t) => t.startsWith(root));
}

describe('zipLogs', () => {
  it('takes a folder whole, sub-folders included, leaves empty folders out, keeps Japanese names and every byte', async () => {
    const d = await tmp();
    const logs = join(d, 'logs');
    const binary = randomBytes(200_000);
    await put(join(logs, 'system.log'), 'line 1\nline 2\n'.repeat(1000));
    await put(join(logs, 'deep', 'er', 'ログ.txt'), '障害ログ\n');
    await put(join(logs, 'deep', 'core.bin'), binary);
    await put(join(logs, 'zero.log'), '');
    await mkdir(join(logs, 'empty', 'emptier'), { recursive: true });
    await mkdir(join(logs, 'deep', 'nothing'));

    const zip = await bytesOf(zipLogs([logs], BIG));
    const names = await unzipped(zip, join(d, 'x'));

    const base = archiveName(logs);
    expect(names).toEqual([`${base}/deep/core.bin`, `${base}/deep/er/ログ.txt`, `${base}/system.log`, `${base}/zero.log`, '_collection.txt']);
    expect(names.some((n) => n.includes('empty') || n.includes('nothing'))).toBe(false);
    expect(await readFile(join(d, 'x', base, 'deep', 'core.bin'))).toEqual(binary);
    expect(await readFile(join(d, 'x', base, 'deep', 'er', 'ログ.txt'), 'utf8')).toBe('障害ログ\n');
    expect(await readFile(join(d, 'x', base, 'system.log'), 'utf8')).toBe('line 1\nline 2\n'.repeat(1000));
    expect(base.startsWith('/')).toBe(false);
  });

  it('gives a valid archive with no log file when nothing is found, and says which paths are missing', async () => {
    const d = await tmp();
    const zip = await bytesOf(zipLogs([join(d, 'nope.log'), join(d, 'no-folder')], BIG));
    expect(await unzipped(zip, join(d, 'x'))).toEqual(['_collection.txt']);
    const manifest = await readFile(join(d, 'x', '_collection.txt'), 'utf8');
    expect(manifest).toContain(`ER_6309 ログ ${join(d, 'nope.log')} がありません。`);
    expect(manifest).toContain(`The log ${join(d, 'no-folder')} does not exist.`);
  });

  it('an empty path list is a valid archive too', async () => {
    const d = await tmp();
    expect(await unzipped(await bytesOf(zipLogs([], BIG)), join(d, 'x'))).toEqual(['_collection.txt']);
  });

  it('writes the collection notes and header into _collection.txt, in both languages', async () => {
    const d = await tmp();
    const note = problem('ER_6304', { command: '/opt/fail.sh', section: 'Tool001', code: 3, seconds: '0.1', detail: 'stderr: no disk' });
    const zip = await bytesOf(zipLogs([], BIG, { notes: [note], header: ['report 1234'] }));
    await unzipped(zip, join(d, 'x'));
    const text = await readFile(join(d, 'x', '_collection.txt'), 'utf8');
    expect(text.split('\r\n').slice(0, 4)).toEqual(['report 1234', '', `ER_6304 ${note.message.ja}`, `        ${note.message.en}`]);
  });

  it('stops adding files that would pass MaxSize, lists them in _truncated.txt, and still fills the room with smaller ones', async () => {
    const d = await tmp();
    const logs = join(d, 'logs');
    // Random bytes do not compress: each file costs its size.
    await put(join(logs, 'a.bin'), randomBytes(50_000));
    await put(join(logs, 'b.bin'), randomBytes(50_000));
    await put(join(logs, 'c.bin'), randomBytes(50_000));
    await put(join(logs, 'd.small'), randomBytes(5_000));
    const cap = RESERVE_BYTES + 110_000;
    const zip = await bytesOf(zipLogs([logs], cap));
    expect(zip.length).toBeLessThanOrEqual(cap);
    const base = archiveName(logs);
    expect(await unzipped(zip, join(d, 'x'))).toEqual([`${base}/a.bin`, `${base}/b.bin`, `${base}/d.small`, '_truncated.txt', '_collection.txt']);
    expect(await readFile(join(d, 'x', '_truncated.txt'), 'utf8')).toContain(`50000\t${base}/c.bin\r\n`);
    expect(await readFile(join(d, 'x', '_collection.txt'), 'utf8')).toContain('ER_6310');

    // The choice does not depend on the reader's pace: a slow reader gets the same files.
    const slow: Buffer[] = [];
    for await (const c of zipLogs([logs], cap)) {
      slow.push(c as Buffer);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await unzipped(Buffer.concat(slow), join(d, 'y'))).toEqual([
      `${base}/a.bin`,
      `${base}/b.bin`,
      `${base}/d.small`,
      '_truncated.txt',
      '_collection.txt',
    ]);
  });

  it('a MaxSize below the reserve for the text files gives the text files only', async () => {
    const d = await tmp();
    await put(join(d, 'logs', 'a.log'), 'x');
    const zip = await bytesOf(zipLogs([join(d, 'logs')], 1024));
    expect(await unzipped(zip, join(d, 'x'))).toEqual(['_truncated.txt', '_collection.txt']);
  });

  it('follows a link to a file, not a link to a folder; skips a FIFO instead of blocking on it; takes a file named twice once', async () => {
    const d = await tmp();
    const logs = join(d, 'logs');
    await put(join(d, 'elsewhere', 'target.log'), 'target');
    await put(join(logs, 'real.log'), 'real');
    await symlink(join(d, 'elsewhere', 'target.log'), join(logs, 'current.log'));
    await symlink(join(d, 'elsewhere'), join(logs, 'linked-folder'));
    await promisify(execFile)('mkfifo', [join(logs, 'pipe')]);
    const zip = await bytesOf(zipLogs([logs, join(logs, 'real.log')], BIG));
    const base = archiveName(logs);
    expect(await unzipped(zip, join(d, 'x'))).toEqual([`${base}/current.log`, `${base}/real.log`, '_collection.txt']);
    expect(await readFile(join(d, 'x', base, 'current.log'), 'utf8')).toBe('target');
    const manifest = await readFile(join(d, 'x', '_collection.txt'), 'utf8');
    expect(manifest).toContain(`ER_6311 ${join(logs, 'linked-folder')}`);
    expect(manifest).toContain(`${join(logs, 'pipe')} is not attached: it is not a regular file (a named pipe)`);
  });

  it.skipIf(process.getuid?.() !== 0)("follows a user's link only to that user's own file (no `ln -s /etc/shadow x.log`)", async () => {
    const NOBODY = 65534;
    const d = await tmp();
    const logs = join(d, 'logs');
    await put(join(d, 'secret', 'shadow'), 'root only');
    await put(join(d, 'mine', 'app.log'), "the user's log");
    await chown(join(d, 'mine', 'app.log'), NOBODY, NOBODY);
    await mkdir(logs);
    await symlink(join(d, 'secret', 'shadow'), join(logs, 'x.log'));
    await lchown(join(logs, 'x.log'), NOBODY, NOBODY);
    await symlink(join(d, 'mine', 'app.log'), join(logs, 'app.log'));
    await lchown(join(logs, 'app.log'), NOBODY, NOBODY);
    const zip = await bytesOf(zipLogs([logs], BIG));
    const base = archiveName(logs);
    expect(await unzipped(zip, join(d, 'x'))).toEqual([`${base}/app.log`, '_collection.txt']);
    const manifest = await readFile(join(d, 'x', '_collection.txt'), 'utf8');
    expect(manifest).toContain(`ER_6311 ${join(logs, 'x.log')}`);
    expect(manifest).toContain('a symbolic link to a file its owner does not own');
  });

  it('keeps at most two log files open however many there are', async () => {
    const d = await tmp();
    const logs = join(d, 'many');
    await mkdir(logs);
    for (let i = 0; i < 600; i++) await writeFile(join(logs, `f${String(i).padStart(4, '0')}.log`), `log ${i}\n`.repeat(200));
    const stream = zipLogs([logs], BIG);
    let most = 0;
    let n = 0;
    for await (const _chunk of stream) {
      if (n++ % 4 === 0) most = Math.max(most, (await openUnder(logs)).length);
    }
    expect(n).toBeGreaterThan(10);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('when the reader gives up, the work stops and no file stays open', async () => {
    const d = await tmp();
    const logs = join(d, 'logs');
    for (let i = 0; i < 20; i++) await put(join(logs, `f${i}.bin`), randomBytes(300_000));
    const stream = zipLogs([logs], BIG);
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(await openUnder(logs)).toEqual([]);
  });
});

describe('archiveName', () => {
  it.each([
    ['/var/log/messages', 'var/log/messages'],
    ['C:\\ESM\\log\\x.log', 'C/ESM/log/x.log'],
    ['\\\\srv\\share\\x.log', 'srv/share/x.log'],
    ['/a/../b/./c', 'a/b/c'],
  ])('%s -> %s', (from, to) => {
    expect(archiveName(from)).toBe(to);
  });
});
