/**
 * The free-space rule of backup and restore: the disk holding the target must have twice the archive's size free
 * (the archive, or the extracted folders, plus as much again for the set-aside copy and whatever the service writes
 * meanwhile), checked before anything is written.
 */
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { codedError } from '../coded-error.js';

/** Free bytes for an unprivileged writer on the disk holding `path` (its nearest existing parent). */
export type FreeSpace = (path: string) => Promise<number>;

export const statfsFree: FreeSpace = async (path) => {
  for (let p = path; ; p = dirname(p)) {
    try {
      const s = await statfs(p);
      return s.bavail * s.bsize;
    } catch (e) {
      if (dirname(p) === p) throw e;
    }
  }
};

/** Throws ER_8110 (ER_9052: `size` is what the archive holds unpacked) unless the disk holding `path` has 2 × `size` bytes free. */
export async function needTwice(path: string, size: number, free: FreeSpace = statfsFree, code: 'ER_8110' | 'ER_9052' = 'ER_8110'): Promise<void> {
  const have = await free(path);
  const need = 2 * size;
  if (have < need) throw codedError(code, { path, free: have, need, size });
}
