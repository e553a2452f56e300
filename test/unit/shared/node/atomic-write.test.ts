import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileIfExists, writeFileAtomic } from '../../../../shared/node/atomic-write.js';
import { CodedError, errnoCode } from '../../../../shared/node/coded-error.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'er-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const temps = async (): Promise<string[]> => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;

async function expectCoded(promise: Promise<unknown>, code: string): Promise<CodedError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CodedError);
  const coded = err as CodedError;
  expect(coded.problem.code).toBe(code);
  return coded;
}

describe('writeFileAtomic', () => {
  it('creates a file, then replaces its content, leaving no temp file', async () => {
    const path = join(dir, 'routes.ini');
    await writeFileAtomic(path, 'a=1\r\n');
    expect(await readFile(path, 'utf8')).toBe('a=1\r\n');
    await writeFileAtomic(path, new Uint8Array([0x83, 0x41]));
    expect(new Uint8Array(await readFile(path))).toEqual(new Uint8Array([0x83, 0x41]));
    expect(await temps()).toEqual([]);
    expect(await readdir(dir)).toEqual(['routes.ini']);
  });

  it("gives a new file opts.mode (default 0644) and keeps an existing file's mode", async () => {
    const plain = join(dir, 'plain.ini');
    await writeFileAtomic(plain, 'x');
    expect(await modeOf(plain)).toBe(0o644);

    const secret = join(dir, 'secret.pem');
    await writeFileAtomic(secret, 'x', { mode: 0o600 });
    expect(await modeOf(secret)).toBe(0o600);

    await chmod(plain, 0o640);
    await writeFileAtomic(plain, 'y', { mode: 0o600 });
    expect(await modeOf(plain)).toBe(0o640);
    expect(await readFile(plain, 'utf8')).toBe('y');
  });

  it('with forceMode, tightens an existing wider file and its backup, and never has the data in a wider temp file', async () => {
    const path = join(dir, 'activation.ini');
    await writeFile(path, 'v1');
    await chmod(path, 0o644);
    await writeFile(path + '.bak', 'v0');
    await chmod(path + '.bak', 0o644);
    const tempModes: number[] = [];
    await writeFileAtomic(path, 'v2', { mode: 0o600, forceMode: true, backup: true, beforeRename: async (t) => void tempModes.push(await modeOf(t)) });
    expect(tempModes).toEqual([0o600]);
    expect([await modeOf(path), await modeOf(path + '.bak')]).toEqual([0o600, 0o600]);
    expect([await readFile(path, 'utf8'), await readFile(path + '.bak', 'utf8')]).toEqual(['v2', 'v1']);
    // umask cannot widen or narrow it: the mode is exact.
    const old = process.umask(0o077);
    try {
      await writeFileAtomic(join(dir, 'new.ini'), 'x', { mode: 0o644, forceMode: true });
    } finally {
      process.umask(old);
    }
    expect(await modeOf(join(dir, 'new.ini'))).toBe(0o644);
  });

  it.runIf(process.geteuid?.() === 0)("with keepOwner (as root), keeps the replaced file's owner, or gives a new file the folder's", async () => {
    const path = join(dir, 'routes.ini');
    await writeFile(path, 'v1');
    await chown(path, 4321, 4322);
    await writeFileAtomic(path, 'v2', { mode: 0o600, forceMode: true, keepOwner: true, backup: true });
    for (const p of [path, path + '.bak']) expect(await stat(p)).toMatchObject({ uid: 4321, gid: 4322 });
    await chown(dir, 4323, 4324);
    await writeFileAtomic(join(dir, 'schedule.ini'), 'x', { keepOwner: true });
    expect(await stat(join(dir, 'schedule.ini'))).toMatchObject({ uid: 4323, gid: 4324 });
    await writeFileAtomic(join(dir, 'other.ini'), 'x');
    expect(await stat(join(dir, 'other.ini'))).toMatchObject({ uid: 0 });
  });

  it('keeps exactly one backup: the version before the last write', async () => {
    const path = join(dir, 'events.ini');
    await writeFileAtomic(path, 'v1', { backup: true });
    expect(await readFileIfExists(path + '.bak')).toBeUndefined(); // nothing to back up yet
    await writeFileAtomic(path, 'v2', { backup: true });
    expect(await readFile(path + '.bak', 'utf8')).toBe('v1');
    await chmod(path, 0o600);
    await writeFileAtomic(path, 'v3', { backup: true });
    expect(await readFile(path, 'utf8')).toBe('v3');
    expect(await readFile(path + '.bak', 'utf8')).toBe('v2');
    expect(await modeOf(path + '.bak')).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual(['events.ini', 'events.ini.bak']);
  });

  it('leaves the original untouched and no temp file when it fails before the rename', async () => {
    const path = join(dir, 'schedule.ini');
    await writeFile(path, 'original');
    await writeFile(path + '.bak', 'older');
    const failing = writeFileAtomic(path, 'new', {
      backup: true,
      beforeRename: () => {
        throw new Error('disk unplugged');
      },
    });
    const err = await expectCoded(failing, 'ER_1002');
    expect(err.problem.message.en).toContain(path);
    expect(err.problem.message.en).toContain('disk unplugged');
    expect(await readFile(path, 'utf8')).toBe('original');
    // The backup is taken before the rename, so it already holds the current version (the older one is gone).
    expect(await readFile(path + '.bak', 'utf8')).toBe('original');
    expect(await temps()).toEqual([]);
  });

  it('fails with ER_1002 and no temp file when the target is a folder', async () => {
    const path = join(dir, 'WebReprt');
    await mkdir(path);
    await expectCoded(writeFileAtomic(path, 'x'), 'ER_1002');
    await expectCoded(writeFileAtomic(path, 'x', { backup: true }), 'ER_1002');
    expect((await stat(path)).isDirectory()).toBe(true);
    expect(await temps()).toEqual([]);
  });

  it('fails with ER_1002 when the folder does not exist', async () => {
    const err = await expectCoded(writeFileAtomic(join(dir, 'missing', 'a.ini'), 'x'), 'ER_1002');
    expect(errnoCode(err.cause)).toBe('ENOENT');
  });

  it('with exclusive, creates but never replaces', async () => {
    const path = join(dir, 'key.pem');
    await writeFileAtomic(path, 'first', { exclusive: true, mode: 0o600 });
    const err = await expectCoded(writeFileAtomic(path, 'second', { exclusive: true }), 'ER_1002');
    expect(errnoCode(err.cause)).toBe('EEXIST');
    expect(await readFile(path, 'utf8')).toBe('first');
    expect(await modeOf(path)).toBe(0o600);
    expect(await readdir(dir)).toEqual(['key.pem']);
  });
});

describe('readFileIfExists', () => {
  it('returns the bytes, or undefined when there is no file', async () => {
    const path = join(dir, 'a.bin');
    expect(await readFileIfExists(path)).toBeUndefined();
    await writeFile(path, Buffer.from([1, 2, 3]));
    expect(await readFileIfExists(path)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('throws ER_1001 for other failures', async () => {
    await expectCoded(readFileIfExists(dir), 'ER_1001');
  });
});
