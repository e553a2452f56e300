/**
 * 追加の CA 証明書ファイル (https.caFile), checked when the window saves it (OK) instead of first failing at a test
 * notification: the file must exist, be a regular file of reasonable size, and hold at least one readable PEM
 * certificate. Each problem names the field by its label; the system's own text (ENOENT, ...) is the detail, which the
 * window shows on a line of its own (shared/messages/detail.ts).
 */
import { X509Certificate } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { problem, type Problem } from '../../messages/problem.js';
import { settingDef } from '../../settings/schema.js';
import { isAbsolutePath } from '../../settings/charclass.js';
import { readFileBounded } from '../bounded-read.js';
import { isCodedError, reasonOf } from '../coded-error.js';

export const CA_FIELD = 'https.caFile';
/** A CA bundle is a few KB to a few hundred (a system's whole bundle ~220 KB); more is not a CA file. */
export const CA_FILE_LIMIT = 4 * 1024 * 1024;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export async function checkCaFile(path: string): Promise<Problem[]> {
  // Empty is allowed (no extra CA); a relative path is the setting's own rule (ER_3026), said by the validation.
  if (path === '' || !isAbsolutePath(path)) return [];
  const label = settingDef(CA_FIELD)!.label;
  const at = { field: CA_FIELD };
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readFileBounded(path, CA_FILE_LIMIT);
  } catch (e) {
    if (isCodedError(e, 'ER_1001')) return [problem('ER_3072', { label, path, reason: reasonOf(e.cause ?? e) }, at)];
    if (isCodedError(e)) return [{ ...e.problem, ...at }];
    return [problem('ER_3072', { label, path, reason: reasonOf(e) }, at)];
  }
  if (!bytes) {
    // The system's own words for the detail line ("ENOENT: no such file or directory, stat '…'").
    const reason = await stat(path).then(() => 'ENOENT', reasonOf);
    return [problem('ER_3071', { label, path, reason }, at)];
  }
  const blocks = Buffer.from(bytes).toString('latin1').match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) return [problem('ER_3073', { label, path }, at)];
  for (const [i, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (e) {
      return [problem('ER_3074', { label, path, index: i + 1, reason: reasonOf(e) }, at)];
    }
  }
  return [];
}
