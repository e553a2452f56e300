/**
 * Internal and storage: the settings files and the config folder, the service key, sealed values and the OS keychain.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_1001-1021.
 */
import { type MessageDef } from '../message-def.js';

export const internalStorageMessages = {
  ER_1001: { kind: 'internal', ja: 'ファイル {path} を読み込めません: {reason}', en: 'Cannot read {path}: {reason}' },
  ER_1002: {
    kind: 'internal',
    ja: 'ファイル {path} を書き込めません: {reason}。保存済みの内容は変更されていません。',
    en: 'Cannot write {path}: {reason}. What was saved before is unchanged.',
  },
  ER_1003: {
    kind: 'internal',
    ja: '{path} は読み込んだ後に他で変更されました。上書きせずに中止しました。読み込み直してから変更してください。',
    en: '{path} was changed by someone else after it was loaded. Nothing was overwritten; load it again and repeat the change.',
  },
  ER_1004: {
    kind: 'internal',
    ja: '設定に誤りがあるため保存しませんでした({count} 件)。',
    en: 'The settings were not saved: {count} problem(s) must be fixed first.',
  },
  ER_1005: {
    kind: 'internal',
    ja: '設定フォルダ {path} がありません。express-report init で作成してください。',
    en: 'The config folder {path} does not exist. Create it with express-report init.',
  },
  ER_1006: {
    kind: 'internal',
    ja: '暗号化された値を復号できません({reason})。パスワードを設定し直してください。',
    en: 'A sealed value cannot be opened ({reason}). Set the password again.',
  },
  ER_1007: {
    kind: 'internal',
    ja: 'サービスの鍵 {path} がありません。express-report init で作成してください。',
    en: 'The service key {path} is missing. Create it with express-report init.',
  },
  ER_1008: {
    kind: 'internal',
    ja: '設定フォルダ {path} は既に存在します。上書きするには --force を指定してください。',
    en: 'The config folder {path} already holds settings. Use --force to overwrite them.',
  },
  ER_1009: { kind: 'internal', ja: 'ファイル {path} はこの形式では読めません: {reason}', en: 'Cannot understand {path}: {reason}' },
  ER_1010: { kind: 'internal', ja: 'サービスの鍵 {path} を使用できません: {reason}', en: 'The service key {path} cannot be used: {reason}' },
  ER_1011: {
    kind: 'internal',
    ja: '{path} は {encoding} で保存されていますが、次の文字はこの文字コードで書けないため保存しませんでした: {chars}',
    en: '{path} is stored as {encoding}, which cannot hold these characters, so nothing was saved: {chars}',
  },
  ER_1012: {
    kind: 'internal',
    ja: 'このコンピュータのキーチェーン(OS のパスワード保管庫)を使用できません: {reason}。Linux では Secret Service(gnome-keyring など)が動作し、ロックが解除されている必要があります。',
    en: 'The OS keychain of this computer cannot be used: {reason}. On Linux a Secret Service (such as gnome-keyring) must be running and unlocked.',
  },
  ER_1020: {
    kind: 'internal',
    ja: '内部エラーが発生しました: {reason}。設定は変更されていません。',
    en: 'An internal error occurred: {reason}. The settings are unchanged.',
  },
  ER_1021: { kind: 'internal', ja: '画面からの要求 {method} の形式が正しくありません: {reason}', en: 'The window sent a malformed {method} request: {reason}' },
} satisfies Record<string, MessageDef>;
