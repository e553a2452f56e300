/** ファイル → 一括準備(B)…'s dialog by id (docs/fleet.md, "In the window"). */
import { type ComponentType } from 'react';
import { type DialogId } from '../store.js';
import { FleetDialog } from './FleetDialog.js';

export const fleetDialogs: Partial<Record<DialogId, ComponentType>> = { fleet: FleetDialog };
