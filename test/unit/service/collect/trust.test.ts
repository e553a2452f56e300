import { chmod, chown, lchown, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTrusted } from '../../../../service/collect/trust.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
const NOBODY = 65534;

/** A root-owned 0755 folder with a 0644 file in it (the trusted case). */
async function setup(): Promise<{ dir: string; file: string }> {
  const dir = join(await tmp(), 'conf');
  await mkdir(dir, { mode: 0o755 });
  const file = join(dir, 'AMHTPLOG.INF');
  await writeFile(file, '[Configuration]\r\n', { mode: 0o644 });
  return { dir, file };
}

const reasonOf = async (path: string): Promise<string> => {
  const t = await checkTrusted(path);
  return t.ok === false ? t.reason.en : String(t.ok);
};

async function reasonOf2(path: string, o: Parameters<typeof checkTrusted>[1]): Promise<string> {
  const t = await checkTrusted(path, o);
  return t.ok === false ? t.reason.en : String(t.ok);
}

describe.skipIf(process.getuid?.() !== 0)('checkTrusted (run as root, as here and in CI)', () => {
  it('trusts a root-owned file that only root can write, in root-owned folders (a sticky /tmp above is fine)', async () => {
    const { file } = await setup();
    expect(await checkTrusted(file)).toMatchObject({ ok: true });
  });

  it('refuses a world-writable file', async () => {
    const { file } = await setup();
    await chmod(file, 0o666);
    expect(await reasonOf(file)).toBe(`${file} is writable by its group or by others (mode 0666)`);
  });

  it('refuses a group-writable file', async () => {
    const { file } = await setup();
    await chmod(file, 0o664);
    expect(await reasonOf(file)).toContain('(mode 0664)');
  });

  it('refuses a file owned by another user', async () => {
    const { file } = await setup();
    await chown(file, NOBODY, NOBODY);
    expect(await reasonOf(file)).toBe(`${file} is owned by uid ${NOBODY}, not root`);
  });

  it('refuses a file in a folder others can write (they could swap the file)', async () => {
    const { dir, file } = await setup();
    await chmod(dir, 0o777);
    expect(await reasonOf(file)).toBe(`${dir} is writable by its group or by others (mode 0777)`);
  });

  it('refuses a file in a folder owned by another user', async () => {
    const { dir, file } = await setup();
    await chown(dir, NOBODY, NOBODY);
    expect(await reasonOf(file)).toBe(`${dir} is owned by uid ${NOBODY}, not root`);
  });

  it('accepts a sticky world-writable folder owned by root (like /tmp), not one owned by someone else', async () => {
    const { dir, file } = await setup();
    await chmod(dir, 0o1777);
    expect(await checkTrusted(file)).toMatchObject({ ok: true });
    await chown(dir, NOBODY, NOBODY);
    expect(await reasonOf(file)).toContain(`${dir} is owned by uid ${NOBODY}`);
  });

  it("checks a symbolic link's owner and the folders of its target", async () => {
    const { dir, file } = await setup();
    const link = join(dir, 'link.INF');
    await symlink(file, link);
    expect(await checkTrusted(link)).toMatchObject({ ok: true, real: file });
    await lchown(link, NOBODY, NOBODY);
    expect(await reasonOf(link)).toBe(`${link} is owned by uid ${NOBODY}, not root`);

    const open = join(await tmp(), 'open');
    await mkdir(open, { mode: 0o777 });
    await chmod(open, 0o777);
    await writeFile(join(open, 'target.sh'), '#!/bin/sh\n', { mode: 0o755 });
    const viaLink = join(dir, 'via.sh');
    await symlink(join(open, 'target.sh'), viaLink);
    expect(await reasonOf(viaLink)).toBe(`${open} is writable by its group or by others (mode 0777)`);
  });

  it('says a missing file is missing', async () => {
    const { dir } = await setup();
    const t = await checkTrusted(join(dir, 'none.sh'));
    expect(t).toMatchObject({ ok: false, missing: true });
  });

  it('a folder is not a command', async () => {
    const { dir } = await setup();
    expect(await reasonOf(dir)).toBe(`${dir} is not a regular file`);
  });

  it("the trusted owners can be set (the service's own user)", async () => {
    const { file } = await setup();
    await chown(file, NOBODY, NOBODY);
    expect(await checkTrusted(file, { trustedUids: [0, NOBODY] })).toMatchObject({ ok: true });
  });
});

describe('checkTrusted on Windows', () => {
  it('is not checked here (ACLs; the caller notes ER_4305)', async () => {
    expect(await checkTrusted('C:\\ESM\\AlertMan\\Work\\WebReprt\\AMHTPLOG.INF', { platform: 'win32' })).toEqual({ ok: 'unchecked' });
  });

  it("returns the resolved path, so a link chain through a user's link cannot be switched after the check", async () => {
    const { dir, file } = await setup();
    const hop = join(await tmp(), 'hop');
    await symlink(file, hop); // root's link to root's file
    const link = join(dir, 'chain.sh');
    await symlink(hop, link);
    expect(await checkTrusted(link)).toMatchObject({ ok: true, real: file });
  });

  it('judges a working folder as a folder', async () => {
    const { dir, file } = await setup();
    expect(await checkTrusted(dir, { kind: 'folder' })).toMatchObject({ ok: true, real: dir });
    expect(await reasonOf2(file, { kind: 'folder' })).toBe(`${file} is not a folder`);
    await chmod(dir, 0o777);
    expect(await reasonOf2(dir, { kind: 'folder' })).toContain('is writable by its group or by others');
  });
});
