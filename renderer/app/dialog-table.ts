/** Every dialog but the wizard, by id: its own chunk (renderer/app/dialogs.ts loads it after the window is ready). */
import { type ComponentType } from 'react';
import { type DialogId } from '../store.js';
import { settingsDialogs } from '../settings/index.js';
import { transferDialogs } from '../transfer/index.js';
import { fleetDialogs } from '../fleet/index.js';

export type DialogTable = Partial<Record<DialogId, ComponentType>>;

export const dialogTable: DialogTable = { ...settingsDialogs, ...transferDialogs, ...fleetDialogs };
