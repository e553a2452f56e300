/** The read-only view's words (its banner is on the window's first screen; the other transfer words are in ./texts.ts). */
import { text } from '../../shared/messages/text.js';

export const VIEW_TEXT = {
  title: text('エクスポートを開く', 'Open an export'),
  intro: text(
    'エクスポートしたファイルを読み取り専用で表示します。この装置の設定は変更されません。',
    "Shows an export read-only. This machine's settings are not changed.",
  ),
  banner: text('読み取り専用: エクスポート', 'Read-only: export'),
  server: text('サーバ', 'Server'),
  made: text('作成日時', 'Made at'),
  close: text('閉じる(C)', 'Close (C)'),
};
