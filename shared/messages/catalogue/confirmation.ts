/**
 * Confirmation: questions asked before an operation that cannot be undone or goes ahead despite problems.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_5001-5002.
 */
import { type MessageDef } from '../message-def.js';

export const confirmationMessages = {
  ER_5001: {
    kind: 'confirmation',
    ja: '再開局すると、以前に設定した内容はすべて消去されます。よろしいですか?',
    en: 'Activating again erases every setting made before. Continue?',
  },
  ER_5002: {
    kind: 'confirmation',
    ja: '定義ファイルに誤りがあります({count} 件)。このまま開局通報する場合は OK(--ignore-definition-errors)、修正する場合はキャンセルしてください。',
    en: 'The definition files have {count} problem(s). Send the activation notification anyway with OK (--ignore-definition-errors), or cancel and fix them.',
  },
} satisfies Record<string, MessageDef>;
