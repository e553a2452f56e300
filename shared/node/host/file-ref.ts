import { basename } from 'node:path';
import { type FileRef } from '../../host/api.js';
import { READ_LIMITS, readFileBounded } from '../bounded-read.js';
import { CodedError, codedError } from '../coded-error.js';
import { type Problem } from '../../messages/problem.js';

/**
 * The bytes and display name of a file the UI or the command line pointed at (a path, or content the browser read):
 * a key file or an AMHTPADR.INF, both a few KB. A path is read through readFileBounded, so `--key-file /dev/zero`, a
 * FIFO or a huge file is refused (ER_1090 / ER_1091) before it is read.
 */
export async function readFileRef(ref: FileRef): Promise<{ name: string; bytes: Uint8Array }> {
  if ('path' in ref) {
    const bytes = await readFileBounded(ref.path, READ_LIMITS.keyFile);
    if (!bytes) throw codedError('ER_4022', { path: ref.path }, { file: ref.path, line: 1 });
    return { name: ref.path, bytes };
  }
  return { name: basename(ref.name), bytes: new Uint8Array(Buffer.from(ref.contentBase64, 'base64')) };
}

/** readFileRef, with a coded failure (missing or unreadable file) returned as problems rather than thrown. */
export async function tryReadFileRef(ref: FileRef): Promise<{ ok: true; name: string; bytes: Uint8Array } | { ok: false; problems: Problem[] }> {
  try {
    return { ok: true, ...(await readFileRef(ref)) };
  } catch (e) {
    if (e instanceof CodedError) return { ok: false, problems: [e.problem] };
    throw e;
  }
}
