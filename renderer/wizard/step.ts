/**
 * The setup utility's page counter ("2 / 5"). 開局方式選択 is not counted: it decides which pages follow (a key file has
 * one page more than a key code), so counting it made the total change under the user's eyes when the method was
 * chosen. The counter starts on the first page of the chosen method and moves by one per 次へ / 戻る.
 */
import { type PageId } from './model.js';

export function stepOf(pages: readonly PageId[], index: number): { at: number; of: number } | undefined {
  const page = pages[index];
  if (page === undefined || page === 'method') return undefined;
  const counted = pages.filter((p) => p !== 'method');
  return { at: counted.indexOf(page) + 1, of: counted.length };
}
