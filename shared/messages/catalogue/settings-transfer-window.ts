/**
 * Messages of the settings export / import in the window, the read-only view of an export and its HTML summary (issue 14,
 * second part; docs/settings-transfer.md). ER_3526-3549 input, ER_1120-1129 internal.
 */
import { type MessageDef } from '../message-def.js';

export const settingsTransferWindowMessages = {
  ER_3526: {
    kind: 'validation',
    ja: 'このウィンドウはエクスポート {file} の読み取り専用の表示です。{method} は使用できません(何も書き込んでいません)。',
    en: 'This window is a read-only view of the export {file}; {method} cannot be used (nothing was written).',
  },
  ER_3540: {
    kind: 'validation',
    ja: 'このウィンドウはエクスポート {file} の読み取り専用の表示のため、[{item}] は使用できません。',
    en: 'This window is a read-only view of the export {file}: [{item}] cannot be used here.',
  },
  ER_3527: {
    kind: 'validation',
    ja: 'エクスポートの表示は閉じられています。ファイル → エクスポートを開く でもう一度開いてください。',
    en: 'The view of the export is closed. Open it again with File → Open an export.',
  },
  ER_3528: {
    kind: 'validation',
    ja: 'パスフレーズは 8 文字以上で入力してください。',
    en: 'Type a passphrase of at least 8 characters.',
  },
  ER_3529: {
    kind: 'validation',
    ja: '確認のパスフレーズが一致しません。',
    en: 'The two passphrases differ.',
  },
  ER_3530: {
    kind: 'validation',
    ja: 'エクスポートのファイルを選択してください。',
    en: 'Choose an export file.',
  },
  ER_3531: {
    kind: 'validation',
    ja: '読み込む項目を 1 つ以上選択してください。',
    en: 'Choose at least one group to import.',
  },
  ER_3532: {
    kind: 'validation',
    ja: 'ファイル {file} は大きすぎるためこのウィンドウでは開けません({size} バイト、上限 {limit} バイト)。コマンド(express-report import)で読み込んでください。',
    en: 'The file {file} is too large for this window ({size} bytes, at most {limit}). Import it with the command (express-report import).',
  },
  ER_1120: {
    kind: 'internal',
    ja: 'エクスポート {file} を表示できません: {reason}',
    en: 'The export {file} cannot be shown: {reason}',
  },
  ER_1121: {
    kind: 'internal',
    ja: '{file} の要約を HTML で書き出しました: {path}',
    en: 'The summary of {file} was written as HTML: {path}',
  },
} as const satisfies Record<string, MessageDef>;
