/** ファイル → 一括準備(B)…: greyed in the read-only view of an export, with the reason the host gives (ER_3526). */
import { type ExportView } from '../../shared/host/api.js';
import { message } from '../../shared/messages/problem.js';
import { type MenuItem } from '../components/MenuBar.js';
import { type DialogId } from '../store.js';

export function fleetItem(open: (d: DialogId) => void, view: ExportView | undefined): MenuItem {
  const greyed = view ? { disabled: message('ER_3526', { file: view.file, method: 'fleetBuild' }) } : {};
  return { id: 'fleet', ja: '一括準備…', en: 'Fleet preparation…', key: 'B', run: () => open('fleet'), ...greyed };
}
