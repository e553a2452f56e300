/** ファイル → 一括準備(B)…: its dialog and menu item (docs/fleet.md, "In the window"). */
import { type ExportView } from '../../shared/host/api.js';
import { message } from '../../shared/messages/problem.js';
import { type MenuItem } from '../components/MenuBar.js';
import { type DialogId } from '../store.js';
import { FleetDialog } from './FleetDialog.js';

export const fleetDialogs = { fleet: FleetDialog };

/** Greyed in the read-only view of an export, with the reason the host gives (ER_3526). */
export function fleetItem(open: (d: DialogId) => void, view: ExportView | undefined): MenuItem {
  return {
    id: 'fleet',
    ja: '一括準備…',
    en: 'Fleet preparation…',
    key: 'B',
    run: () => open('fleet' as DialogId),
    ...(view ? { disabled: message('ER_3526', { file: view.file, method: 'fleetBuild' }) } : {}),
  };
}
