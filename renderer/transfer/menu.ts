/**
 * ファイル menu's items of the settings transfer (docs/settings-transfer.md, "The window"): エクスポート(E)...,
 * インポート(I)..., エクスポートを開く(O).... In the read-only view of an export they are greyed (ER_3540; the host refuses
 * them anyway, ER_3526): nothing of a view writes, and a view opens no other view.
 */
import { type ExportView } from '../../shared/host/api.js';
import { message } from '../../shared/messages/problem.js';
import { text } from '../../shared/messages/text.js';
import { type MenuItem } from '../components/MenuBar.js';
import { type DialogId } from '../store.js';

export function transferItems(open: (d: DialogId) => void, view: ExportView | undefined): MenuItem[] {
  const items: MenuItem[] = [
    { id: 'export', ja: 'エクスポート…', en: 'Export…', key: 'E', run: () => open('export') },
    { id: 'import', ja: 'インポート…', en: 'Import…', key: 'I', run: () => open('import') },
    { id: 'open-export', ja: 'エクスポートを開く…', en: 'Open an export…', key: 'O', run: () => open('open-export') },
  ];
  return items.map((i) => greyedInView(i, view));
}

/** In the read-only view of an export: greyed, its guide naming the item as the menu shows it (ER_3540). */
export const greyedInView = (i: MenuItem, view: ExportView | undefined): MenuItem =>
  view ? { ...i, disabled: message('ER_3540', { file: view.file, item: text(i.ja, i.en) }) } : i;
