/** ファイル → 一括準備(B)…: greyed in the read-only view of an export (ER_3540; the host refuses it anyway, ER_3526). */
import { type ExportView } from '../../shared/host/api.js';
import { type MenuItem } from '../components/MenuBar.js';
import { type DialogId } from '../store.js';
import { greyedInView } from '../transfer/menu.js';

export function fleetItem(open: (d: DialogId) => void, view: ExportView | undefined): MenuItem {
  return greyedInView({ id: 'fleet', ja: '一括準備…', en: 'Fleet preparation…', key: 'B', run: () => open('fleet') }, view);
}
