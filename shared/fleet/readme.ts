/** The README.txt of one prepared server folder (Japanese, then English; CRLF so Notepad shows it). */
import { type Schedule } from '../inf/hbi.js';
import { scheduleText } from './result.js';

export const EXPORT_NAME = 'express-report-settings.zip';

export interface ReadmeFacts {
  serverName: string;
  serial: string;
  schedule: Schedule;
  /** Base secrets not carried over (set on the server). */
  secrets: readonly string[];
}

export function readmeText(f: ReadmeFacts): string {
  const secretsJa =
    f.secrets.length > 0
      ? [`パスワード(${f.secrets.join(', ')})は含まれていません。import の後に次で設定してください:`, `  express-report config set --stdin KEY`]
      : [];
  const secretsEn =
    f.secrets.length > 0
      ? [`The secrets (${f.secrets.join(', ')}) are not included. After the import set each with:`, `  express-report config set --stdin KEY`]
      : [];
  const lines = [
    `エクスプレス通報サービス 一括準備: ${f.serverName}(製造番号 ${f.serial})`,
    '',
    'このフォルダをサーバにコピーし、このフォルダで次の 3 つのコマンドを順に実行してください',
    '(設定フォルダがまだ無いときは、先に express-report init を実行します。',
    ' test-notify と activate-notify は通報サービスが動作している必要があります)。',
    '',
    `  1. express-report import ${EXPORT_NAME}`,
    '  2. express-report test-notify',
    '  3. express-report activate-notify',
    '',
    ...secretsJa,
    `構成情報通報: 毎週 ${scheduleText(f.schedule, 'ja')}(製造番号から決まり、作り直しても変わりません)。`,
    'config/ はこのサーバの設定フォルダそのもの(状態: 設定済み)です。import の代わりに設定フォルダとしてコピーしても使えます。',
    '',
    `Express Report fleet preparation: ${f.serverName} (serial ${f.serial})`,
    '',
    'Copy this folder to the server and run these three commands in it, in this order',
    '(when the server has no config folder yet, run express-report init first;',
    ' test-notify and activate-notify need the reporting service running):',
    '',
    `  1. express-report import ${EXPORT_NAME}`,
    '  2. express-report test-notify',
    '  3. express-report activate-notify',
    '',
    ...secretsEn,
    `Configuration information: every week, ${scheduleText(f.schedule, 'en')} (derived from the serial; a rebuild keeps it).`,
    "config/ is this server's config folder itself (state: configured); it can be copied as the config folder instead of the import.",
    '',
  ];
  return lines.join('\r\n');
}
