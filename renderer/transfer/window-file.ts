/**
 * An export file chosen in the window: one must be chosen (ER_3530), and the window reads at most WINDOW_FILE_BYTES
 * (ER_3532). The browser's read is base64: the file's bytes are 3/4 of it.
 */
import { problem, type Problem } from '../../shared/messages/problem.js';
import { WINDOW_FILE_BYTES } from '../../shared/transfer/format.js';

export interface WindowFile {
  name: string;
  contentBase64: string;
}

/** Why the chosen file cannot be sent to the host: none when it can. */
export function refusedFile(file: WindowFile | undefined): Problem[] {
  if (!file) return [problem('ER_3530', {}, { field: 'file' })];
  const size = Math.floor((file.contentBase64.length * 3) / 4);
  if (size > WINDOW_FILE_BYTES) return [problem('ER_3532', { file: file.name, size, limit: WINDOW_FILE_BYTES }, { field: 'file' })];
  return [];
}
