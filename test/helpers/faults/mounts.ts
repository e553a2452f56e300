/**
 * Real small disks for the fault tests: a tmpfs mounted on a folder (root, or CAP_SYS_ADMIN; without that right the
 * tests skip and say why), filled until ENOSPC, remounted read-only. A file-size limit cannot stand in for a full disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { cp, mkdir, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGE = 4096;

/** Why a tmpfs cannot be mounted here, or undefined when it can (checked once per file, so the skip says why). */
export function cannotMount(): string | undefined {
  const probe = mkdtempSync(join(tmpdir(), 'er-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return undefined;
  } catch (e) {
    return (e as { stderr?: Buffer }).stderr?.toString().trim() || String(e);
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export function mountTmpfs(dir: string, size: string, mode = '0700'): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=${mode}`, 'tmpfs', dir], { stdio: 'pipe' });
}

export function remount(dir: string, how: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${how}`, dir], { stdio: 'pipe' });
}

export function umount(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'pipe' });
}

/** Moves a folder's contents onto a fresh tmpfs mounted in its place (modes kept). */
export async function ontoTmpfs(dir: string, size: string): Promise<void> {
  const aside = `${dir}.before-tmpfs`;
  await rename(dir, aside);
  await mkdir(dir);
  mountTmpfs(dir, size);
  await cp(aside, dir, { recursive: true, preserveTimestamps: true });
  await rm(aside, { recursive: true, force: true });
}

/** Fills the disk under `dir` with `<dir>/filler` until ENOSPC; `leave` pages are given back. Returns the filler's path. */
export async function fill(dir: string, leave = 0): Promise<string> {
  const filler = join(dir, 'filler');
  const fh = await open(filler, 'a');
  try {
    const chunk = Buffer.alloc(PAGE, 1);
    for (;;) {
      try {
        await fh.write(chunk);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOSPC') throw e;
        break;
      }
    }
    const size = (await fh.stat()).size;
    await fh.truncate(Math.floor(size / PAGE) * PAGE);
    const free = () => Number(statfsSync(dir).bfree);
    if (free() < leave) await fh.truncate(Math.floor(size / PAGE) * PAGE - (leave - free()) * PAGE);
  } finally {
    await fh.close();
  }
  return filler;
}
