/**
 * The two text files the archive carries besides the logs (UTF-8, CRLF so Notepad at the center shows them):
 *  - `_collection.txt`, always: what the collection did (commands and their outcome, missing paths, refusals), each
 *    note with its code, in Japanese and English;
 *  - `_truncated.txt`, only when MaxSize left files out: size and name of each.
 * Each is cut at MANIFEST_MAX_BYTES (with a line saying how much was left unsaid) so the reserve in zip-stream.ts
 * always holds them.
 */
import { type Problem } from '../../shared/messages/problem.js';

export const COLLECTION_NAME = '_collection.txt';
export const TRUNCATED_NAME = '_truncated.txt';
export const MANIFEST_MAX_BYTES = 24 * 1024;

/** Lines joined and cut to fit; `more(n)` says that n lines were left out. */
function bounded(head: readonly string[], lines: readonly string[], more: (n: number) => string): Buffer {
  const out = [...head];
  let size = Buffer.byteLength(out.join('\r\n')) + 2;
  const room = MANIFEST_MAX_BYTES - 200;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const add = Buffer.byteLength(line) + 2;
    if (size + add > room) {
      out.push(more(lines.length - i));
      break;
    }
    out.push(line);
    size += add;
  }
  return Buffer.from(out.join('\r\n') + '\r\n', 'utf8');
}

export function noteLines(p: Problem): string[] {
  return [`${p.code} ${p.message.ja}`, `        ${p.message.en}`];
}

export function collectionText(header: readonly string[], notes: readonly Problem[]): Buffer {
  const lines = notes.length === 0 ? ['(記録なし / nothing to report)'] : notes.flatMap(noteLines);
  return bounded([...header, ''], lines, (n) => `... 他 ${n} 行 / ${n} more line(s)`);
}

export interface LeftOut {
  name: string;
  size: number;
}

export function truncatedText(maxBytes: number, leftOut: readonly LeftOut[]): Buffer {
  return bounded(
    [`MaxSize ${maxBytes} bytes: 添付しなかったファイル / files not attached (size, name)`, ''],
    leftOut.map((f) => `${f.size}\t${f.name}`),
    (n) => `... 他 ${n} 個 / ${n} more file(s)`,
  );
}
