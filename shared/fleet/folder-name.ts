/**
 * The output folder of a row (the folder column, default the serial): one plain name inside the output folder, the
 * same on Windows and Linux, so a row can never write outside it.
 */
import { text, type LocalizedText } from '../messages/text.js';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** Why `name` cannot be a folder name, or undefined when it can. */
export function folderNameRefusal(name: string): LocalizedText | undefined {
  if (name.trim() === '') return text('空です', 'empty');
  if (name.length > 64) return text('64 文字を超えています', 'longer than 64 characters');
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(name)) return text('使えない文字を含みます', 'a character not allowed in a folder name');
  if (name.startsWith('.') || name.endsWith('.') || name.endsWith(' '))
    return text('. で始まるか . か空白で終わります', 'starts with a dot or ends with a dot or space');
  if (RESERVED.test(name)) return text('Windows の予約名です', 'a name Windows reserves');
  return undefined;
}

/** Folder names compare as Windows does (case-insensitively). */
export const folderKey = (name: string): string => name.toLowerCase();
