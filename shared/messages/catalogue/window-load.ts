/**
 * Messages of the window's start-up (issue 16: one first request, loading after interactive). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_8300-8319.
 */
import { type MessageDef } from '../message-def.js';

export const windowLoadMessages = {
  ER_8300: {
    kind: 'internal',
    ja: '設定画面のダイアログを読み込めません: {reason}。serve が動作しているか確認し、もう一度メニューから開いてください。',
    en: 'The settings window cannot load its dialogs: {reason}. Check that serve is still running, then open the dialog from the menu again.',
  },
} satisfies Record<string, MessageDef>;
