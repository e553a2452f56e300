/**
 * ファイル menu's items of the settings transfer (docs/settings-transfer.md, "The window"): エクスポート(E)...,
 * インポート(I)..., エクスポートを開く(O).... In the read-only view of an export they are greyed with the reason the host
 * would give (ER_3526): nothing of a view writes, and a view opens no other view.
 */
import { type ExportView } from '../../shared/host/api.js';
import { message } from '../../shared/messages/problem.js';
import { type MenuItem } from '../components/MenuBar.js';
import { type DialogId } from '../store.js';

export function transferItems(open: (d: DialogId) => void, view: ExportView | undefined): MenuItem[] {
  const greyed = (method: string) => (view ? { disabled: message('ER_3526', { file: view.file, method }) } : {});
  return [
    { id: 'export', ja: 'エクスポート…', en: 'Export…', key: 'E', run: () => open('export'), ...greyed('exportSettings') },
    { id: 'import', ja: 'インポート…', en: 'Import…', key: 'I', run: () => open('import'), ...greyed('applyImport') },
    { id: 'open-export', ja: 'エクスポートを開く…', en: 'Open an export…', key: 'O', run: () => open('open-export'), ...greyed('openView') },
  ];
}
