import { type Eol } from '../ini/document.js';
import { type SettingsFile } from './define.js';
import { defsOfFile } from './schema.js';
import { formatValue } from './values.js';
import { quote } from '../ini/document.js';
import { describeLimits } from './describe.js';

/** The commented default files `init` writes: every default written out, so an export never leaves one implicit. */
const headers: Record<SettingsFile, string[]> = {
  'activation.ini': [
    'activation.ini - 開局情報 / activation data',
    'お客様、本機、オプション装置、販売店の情報と通報サービスの状態。設定画面と express-report activate が書き込みます。',
    'Customer, machine, option devices, dealer and the service state; written by the settings window and express-report activate.',
  ],
  'routes.ini': [
    'routes.ini - 通報手段 / notification routes',
    'メール、POP before SMTP、SMTP 認証、ダイヤルアップ、マネージャ経由、HTTPS とプロキシ、リモートアクセス、通報の抑制、マネージャ側の転送。',
    'Mail, POP before SMTP, SMTP authentication, dial-up, via manager, HTTPS and proxy, remote access, suppression, manager-side relay.',
  ],
  'schedule.ini': [
    'schedule.ini - スケジュール / schedule',
    'リトライ(初期値 5 分間隔で 72 時間後まで)と通報時間帯(初期値 24 時間)。',
    'Retry (default every 5 minutes until 72 hours) and the time window (default all day).',
  ],
};

export function settingsFileHeader(file: SettingsFile, eol: Exclude<Eol, ''>): string {
  const lines = headers[file].map((l) => `; ${l}`);
  lines.push('; ; で始まる行はコメントです。パスワードは平文では保存されません。 Lines starting with ; are comments; passwords are never stored in clear.');
  let section = '';
  for (const d of defsOfFile(file)) {
    if (d.section !== section) {
      section = d.section;
      lines.push('', `[${section}]`);
    }
    lines.push(`; ${d.label.ja} / ${d.label.en} (${d.key}): ${describeLimits(d)}`);
    lines.push(`${d.name}=${quote(formatValue(d, d.default))}`);
  }
  return lines.join(eol) + eol;
}
