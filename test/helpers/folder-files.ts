/** A folder's files as bytes, to prove what a step wrote and what it left alone. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file of a folder, relative name -> bytes as latin1 text (the `.bak` copies a save leaves are left out). */
export async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.name.endsWith('.bak')) out[join(e.parentPath, e.name).slice(dir.length)] = await readFile(join(e.parentPath, e.name), 'latin1');
  }
  return out;
}

/** The names whose bytes differ between two `files` readings (added and removed too), sorted. */
export const changedFiles = (a: Record<string, string>, b: Record<string, string>): string[] =>
  Object.keys({ ...a, ...b })
    .filter((f) => a[f] !== b[f])
    .sort();
