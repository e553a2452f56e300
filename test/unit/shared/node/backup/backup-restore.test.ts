import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../../../shared/node/coded-error.js';
import { readBackup, excluded, sha256 } from '../../../../../shared/node/backup/archive.js';
import { backup, KEEP_BACKUPS } from '../../../../../shared/node/backup/backup.js';
import { newerVersion, restore } from '../../../../../shared/node/backup/restore.js';
import { MANIFEST, type Manifest } from '../../../../../shared/node/backup/manifest.js';
import { writeZip } from '../../../../../shared/node/transfer/zip.js';
import { migrateFolders } from '../../../../../shared/node/formats/migrations.js';
import { changedFiles, files } from '../../../../helpers/folder-files.js';
import { tempDirs } from '../../../../helpers/tmp.js';
import { copyFormat1Folders } from '../../../../helpers/format-1-folders.js';

const temp = tempDirs();

async function machine(): Promise<{ configDir: string; stateDir: string; base: string }> {
  const base = await temp();
  const dirs = { configDir: join(base, 'config'), stateDir: join(base, 'state') };
  await copyFormat1Folders(dirs);
  await migrateFolders(dirs, { version: '0.2.0' });
  await chmod(dirs.stateDir, 0o700);
  await chmod(join(dirs.stateDir, 'keys', 'service-key.pem'), 0o600);
  // what a backup leaves out
  await mkdir(join(dirs.stateDir, 'log'), { recursive: true });
  await writeFile(join(dirs.stateDir, 'log', 'service.log'), 'a log line\n');
  await writeFile(join(dirs.stateDir, 'service.json'), '{"port":1}\n');
  await writeFile(join(dirs.stateDir, 'spool', '.x.json.1.abc.tmp'), 'half');
  return { ...dirs, base };
}

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isCodedError(e) ? e.code : String(e)),
  );

const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;

describe('backup', () => {
  it('leaves out the logs, the backups, the running service files, temp files and the config lock', () => {
    expect(['log/service.log', 'backups/x.zip', 'service.json', 'service.lock/1.ab', 'spool/.a.tmp'].map((r) => excluded('state', r))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['spool/a.json', 'keys/service-key.pem', 'relay/seen.log', 'format.json'].some((r) => excluded('state', r))).toBe(false);
    expect([excluded('config', '.config.lock'), excluded('config', 'routes.ini'), excluded('config', 'WebReprt/AMHTPADR.INF')]).toEqual([true, false, false]);
  });

  it('writes one 0600 zip with a manifest: versions, formats, reason, host, a digest and mode per file', async () => {
    const m = await machine();
    const r = await backup(m, { version: '0.2.0', reason: 'upgrade-from-0.2.0-to-0.3.0' });
    expect(r.path.startsWith(join(m.stateDir, 'backups', 'express-report-0.2.0-'))).toBe(true);
    expect(await modeOf(r.path)).toBe(0o600);
    expect(await modeOf(join(m.stateDir, 'backups'))).toBe(0o700);
    const { manifest, entries } = await readBackup(await readFile(r.path), r.path);
    expect(manifest).toMatchObject({ version: '0.2.0', reason: 'upgrade-from-0.2.0-to-0.3.0', formats: { config: 2, state: 2 } });
    const names = manifest.entries.map((e) => e.name);
    expect(names).toContain('state/spool/d02a7d12-36b3-49a1-8d7b-c1a9043d9840.json');
    expect(names).toContain('config/WebReprt/AMHTPADR.INF');
    expect(names.filter((n) => /log\/|service\.json|\.tmp$|backups\//.test(n))).toEqual([]);
    const key = manifest.entries.find((e) => e.name === 'state/keys/service-key.pem')!;
    expect(key.mode).toBe(0o600);
    expect(key.sha256).toBe(sha256(await readFile(join(m.stateDir, 'keys', 'service-key.pem'))));
    expect(entries.get('state/keys/service-key.pem')!.equals(await readFile(join(m.stateDir, 'keys', 'service-key.pem')))).toBe(true);
    expect(manifest.dirs).toContainEqual({ name: 'state', mode: 0o700 });
  });

  it(`keeps the newest ${KEEP_BACKUPS} in the default folder`, async () => {
    const m = await machine();
    const made: string[] = [];
    for (let i = 0; i < KEEP_BACKUPS + 2; i++) made.push((await backup(m, { version: '0.2.0', now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })).path);
    const left = (await readdir(join(m.stateDir, 'backups'))).sort();
    expect(left.map((n) => join(m.stateDir, 'backups', n))).toEqual(made.slice(2));
  });

  it('refuses before writing when the disk lacks twice the size (injected free space)', async () => {
    const m = await machine();
    const out = join(m.base, 'b.zip');
    expect(await codeOf(backup(m, { version: '0.2.0', out, free: () => Promise.resolve(1000) }))).toBe('ER_8110');
    expect(await codeOf(stat(out))).not.toBe('resolved');
  });

  it('refuses on a real small disk (a 4 MiB tmpfs) that cannot hold twice the archive', async (ctx) => {
    const m = await machine();
    const disk = join(m.base, 'small');
    await mkdir(disk);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      ctx.skip(); // not root, or the container forbids mounts: the injected test above covers the rule
    }
    try {
      // 3 MiB of state (and so a 3 MiB archive): twice that does not fit in 4 MiB
      await writeFile(join(m.stateDir, 'relay', 'received', 'big.frame'), randomBytes(3 * 1024 * 1024)); // incompressible
      expect(await codeOf(backup(m, { version: '0.2.0', out: join(disk, 'b.zip') }))).toBe('ER_8110');
      expect(await readdir(disk)).toEqual([]);
      // a restore onto that disk: the same rule, against what it unpacks (more than the archive: the text files compress)
      const small = await backup(m, { version: '0.2.0', out: join(m.base, 'ok.zip') });
      expect(await codeOf(restore({ configDir: join(disk, 'config'), stateDir: join(disk, 'state') }, small.path))).toBe('ER_9052');
      expect(await readdir(disk)).toEqual([]);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('restore', () => {
  it('puts both folders back byte for byte with their modes, and keeps the backups folder', async () => {
    const m = await machine();
    const before = { c: await files(m.configDir), s: await files(m.stateDir) };
    const r = await backup(m, { version: '0.2.0' });
    await writeFile(join(m.configDir, 'schedule.ini'), 'changed');
    await writeFile(join(m.stateDir, 'spool', 'd02a7d12-36b3-49a1-8d7b-c1a9043d9840.json'), '{}');
    await writeFile(join(m.stateDir, 'new.json'), '{}');
    const logged: string[] = [];
    await restore(m, r.path, { log: (p) => logged.push(p.code) });
    expect(logged).toEqual(['ER_8125']);
    const notExcluded = (x: Record<string, string>) =>
      Object.fromEntries(Object.entries(x).filter(([k]) => !/^\/(log\/|service\.json|backups\/)|\.tmp$/.test(k)));
    expect(changedFiles(before.c, await files(m.configDir))).toEqual([]);
    expect(changedFiles(notExcluded(before.s), await files(m.stateDir)).filter((k) => !k.startsWith('/backups/'))).toEqual([]);
    expect(await readdir(join(m.stateDir, 'backups'))).toEqual([r.path.split('/').pop()]);
    expect(await modeOf(m.stateDir)).toBe(0o700);
    expect(await modeOf(join(m.stateDir, 'keys', 'service-key.pem'))).toBe(0o600);
    expect(await modeOf(join(m.configDir, 'routes.ini'))).toBe(0o600);
    expect(await modeOf(join(m.configDir, 'schedule.ini'))).toBe(0o644);
    expect((await readdir(m.base)).sort()).toEqual(['config', 'state']); // no set-aside or temp folder left
  });

  it('refuses a tampered archive, an entry outside the manifest, a newer format and a newer version (unless forced) before writing', async () => {
    const m = await machine();
    const r = await backup(m, { version: '0.2.0', out: join(m.base, 'b.zip') });
    const { manifest, entries } = await readBackup(await readFile(r.path), r.path);
    const write = async (name: string, man: Manifest, ents: Map<string, Buffer>): Promise<string> => {
      const p = join(m.base, name);
      await writeFile(p, await writeZip([{ name: MANIFEST, data: Buffer.from(JSON.stringify(man)) }, ...[...ents].map(([n, data]) => ({ name: n, data }))]));
      return p;
    };
    const tampered = new Map(entries);
    tampered.set('config/schedule.ini', Buffer.from('tampered'));
    const extra = new Map(entries);
    extra.set('state/evil.json', Buffer.from('{}'));
    const slip = new Map(entries);
    slip.set('state/zz/zz/evil', Buffer.from('x')); // yazl refuses '..': the bytes of the name are changed below
    const before = { c: await files(m.configDir), s: await files(m.stateDir) };
    expect(await codeOf(restore(m, await write('t.zip', manifest, tampered)))).toBe('ER_8121');
    expect(await codeOf(restore(m, await write('e.zip', manifest, extra)))).toBe('ER_8123');
    const slipZip = await write('s.zip', manifest, slip);
    const bytes = await readFile(slipZip);
    await writeFile(slipZip, Buffer.from(bytes.toString('latin1').replaceAll('state/zz/zz/', 'state/../../'), 'latin1'));
    expect(await codeOf(restore(m, slipZip))).toBe('ER_8123');
    expect(await codeOf(restore(m, await write('f.zip', { ...manifest, formats: { config: 2, state: 3 } }, entries)))).toBe('ER_8101');
    const newer = await write('v.zip', { ...manifest, version: '0.3.0' }, entries);
    expect(await codeOf(restore(m, newer, { version: '0.2.0' }))).toBe('ER_8127');
    const junk = join(m.base, 'junk.zip');
    await writeFile(junk, 'not a zip');
    expect(await codeOf(restore(m, junk))).toBe('ER_8120');
    expect(changedFiles(before.c, await files(m.configDir))).toEqual([]);
    expect(changedFiles(before.s, await files(m.stateDir))).toEqual([]);
    await restore(m, newer, { version: '0.2.0', force: true });
  });

  it('a rename that fails puts the old folders back', async () => {
    const m = await machine();
    const r = await backup(m, { version: '0.2.0', out: join(m.base, 'b.zip') });
    await writeFile(join(m.configDir, 'schedule.ini'), 'changed since');
    const before = { c: await files(m.configDir), s: await files(m.stateDir) };
    const fail = (folder: string): void => {
      if (folder === 'state') throw new Error('EIO (injected)');
    };
    expect(await codeOf(restore(m, r.path, { beforeSwap: fail }))).toBe('ER_8124');
    expect(changedFiles(before.c, await files(m.configDir))).toEqual([]);
    expect(changedFiles(before.s, await files(m.stateDir))).toEqual([]);
    expect((await readdir(m.base)).sort()).toEqual(['b.zip', 'config', 'state']);
  });

  it('compares versions by major.minor.patch', () => {
    expect([newerVersion('0.3.0', '0.2.9'), newerVersion('0.2.0', '0.2.0'), newerVersion('0.10.0', '0.9.1'), newerVersion('1.0.0-rc1', '1.0.0')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
