/** The ファイル menu's transfer dialogs by id (docs/settings-transfer.md, "The window"). */
import { type ComponentType } from 'react';
import { type DialogId } from '../store.js';
import { ExportDialog } from './ExportDialog.js';
import { ImportDialog } from './ImportDialog.js';
import { OpenExportDialog } from './OpenExportDialog.js';
import './transfer.css';

export const transferDialogs: Partial<Record<DialogId, ComponentType>> = {
  export: ExportDialog,
  import: ImportDialog,
  'open-export': OpenExportDialog,
};
