/**
 * Messages of the manager relay's window (renderer/settings/Relay*.tsx, the agent list, 宛先登録; merged into the one
 * catalogue in ../catalogue.ts; codes are stable, never reused). docs/desktop-app.md, docs/relay.md.
 */
import { type MessageDef } from '../message-def.js';

export const relayWindowMessages = {
  // ---- input: 宛先登録
  ER_3131: {
    kind: 'validation',
    ja: '開局キーファイル {file} には登録する宛先(メールの宛先、HTTPS の宛先、電話番号)がありません。宛先は変更していません。',
    en: 'The key file {file} holds no destination to register (mail address, HTTPS URL, phone number). The destinations are unchanged.',
  },
} as const satisfies Record<string, MessageDef>;
