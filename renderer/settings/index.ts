/** The settings window's dialogs by id (filled in by renderer/settings/*). */
import { type ComponentType } from 'react';
import { type DialogId } from '../store.js';

export const settingsDialogs: Partial<Record<DialogId, ComponentType>> = {};
