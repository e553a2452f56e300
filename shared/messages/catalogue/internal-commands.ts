/**
 * Internal: the command line and serve (files it will not read, the service's answers to a command, the settings
 * window's files and its one-time link).
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_1090-1098.
 */
import { type MessageDef } from '../message-def.js';

export const internalCommandsMessages = {
  ER_1090: {
    kind: 'internal',
    ja: '{path} は通常のファイルではありません({kind})。ここでは通常のファイルだけを読み込みます。',
    en: '{path} is not a regular file ({kind}); only a regular file is read here.',
  },
  ER_1091: {
    kind: 'internal',
    ja: '{path} は大きすぎます(ここで読み込むのは {limit} バイトまでです)。正しいファイルか確認してください。',
    en: '{path} is too large: at most {limit} bytes are read here. Check that it is the right file.',
  },
  ER_1092: {
    kind: 'internal',
    ja: '通報サービスは {request} を処理できませんでした(HTTP {status}): {reason}。サービスのログ(状態フォルダの log/service.log)を確認してください。',
    en: 'The reporting service failed to carry out {request} (HTTP {status}): {reason}. See its log (log/service.log in the state folder).',
  },
  ER_1093: {
    kind: 'internal',
    ja: '通報サービスは {request} を受け付けませんでした(HTTP {status}): {reason}',
    en: 'The reporting service refused {request} (HTTP {status}): {reason}',
  },
  ER_1094: {
    kind: 'internal',
    ja: '{request} に対する通報サービスの応答を読めません(HTTP {status}): {reason}',
    en: 'The answer of the reporting service to {request} cannot be read (HTTP {status}): {reason}',
  },
  ER_1095: { kind: 'internal', ja: '設定画面(out/renderer)をビルドできません: {reason}', en: 'The settings window (out/renderer) cannot be built: {reason}' },
  ER_1096: {
    kind: 'internal',
    ja: '設定画面のファイル {path} がありません。パッケージを入れ直すか、チェックアウトでは npm run build を実行してください。',
    en: 'The settings window files are missing ({path}). Reinstall the package, or run npm run build in a checkout.',
  },
  ER_1097: {
    kind: 'internal',
    ja: '予期しないエラーのため express-report {command} を中止しました: {reason}',
    en: 'express-report {command} stopped on an unexpected error: {reason}',
  },
  ER_1098: {
    kind: 'internal',
    ja: 'この設定画面のリンクは使用済みか期限切れです(1 回だけ、{seconds} 秒以内に使用できます)。express-report serve を起動し直すか、serve が端末に表示した URL を開いてください。このリンクを開いた覚えがない場合は、他の利用者が開いた可能性があります。serve を停止してください(Ctrl+C)。',
    en: 'This link to the settings window has been used or has expired (it works once, within {seconds} s). Start express-report serve again, or open the URL it printed in its terminal. If you did not open this link before, someone else may have: stop serve (Ctrl+C).',
  },
} satisfies Record<string, MessageDef>;
