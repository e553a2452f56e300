/**
 * Messages of connection limits, permissions and command-path checks (issue 17). Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_9200-9299.
 */
import { type MessageDef } from '../message-def.js';

export const soakSecurityMessages = {
  ER_9200: {
    kind: 'internal',
    ja: '設定画面のサーバー (serve) の接続数が上限 {limit} に達したため、待機中の古い接続を {count} 本切断しました。ローカルのプログラムが接続を開いたままにしている可能性があります。',
    en: 'The settings window server (serve) reached its limit of {limit} connections: {count} idle connection(s) were closed to make room. A local program may be holding connections open.',
  },
  ER_9201: {
    kind: 'internal',
    ja: '設定画面のサーバー (serve) への要求 {request} の本文が {limit} バイトを超えるため拒否しました。',
    en: 'The settings window server (serve) refused the request {request}: its body is larger than {limit} bytes.',
  },
  ER_9210: {
    kind: 'warning',
    ja: 'イベントソースの読み取り位置 {path} を使用できません: {reason}。このソースは現在の末尾から読み取ります (停止中に記録された行は通報されません)。',
    en: 'The event source position {path} cannot be used: {reason}. The source reads from its current end (lines logged while the service was stopped are not reported).',
  },
  ER_9211: {
    kind: 'warning',
    ja: 'イベントソースの読み取り位置 {path} を保存できません: {reason}。再起動後は前回保存した位置から読み直すため、同じ行が再度通報されることがあります。',
    en: 'The event source position {path} cannot be saved: {reason}. After a restart the source reads again from the last saved position, so lines may be reported again.',
  },
  ER_9212: {
    kind: 'warning',
    ja: 'ログファイル {path} の前回の読み取り位置が末尾より {skipped} バイト前にあり、停止後の読み直しの上限 {limit} バイトを超えています。その {skipped} バイトは読み飛ばし (通報しません)、末尾から {limit} バイト以内の最初の行の先頭 (バイト位置 {offset}) から読み取りを再開します。',
    en: 'The saved position in the log file {path} is {skipped} bytes behind its end, more than the catch-up limit of {limit} bytes after a stop. Those {skipped} bytes were skipped (not reported); reading resumed at byte {offset}, the first line start in the last {limit} bytes.',
  },
  ER_9213: {
    kind: 'warning',
    ja: 'ログファイル {path} の停止後の読み直しで、リトライ期限 ({hours} 時間) より前に記録された {count} 行を読み飛ばしました (通報しません。最も新しいものは {newest} の行です)。',
    en: 'While catching up on the log file {path} after a stop, {count} line(s) logged more than the retry limit ({hours} h) ago were skipped (not reported; the newest was logged at {newest}).',
  },
  ER_9214: {
    kind: 'warning',
    ja: 'systemd ジャーナル ({command}) の前回の読み取り位置 ({saved} のエントリ) はリトライ期限 ({hours} 時間) より前です。{since} より前のエントリは読み飛ばし (通報しません)、{since} 以降のエントリから読み取りを再開します。',
    en: 'The saved position in the systemd journal ({command}), an entry of {saved}, is older than the retry limit ({hours} h). Entries logged before {since} were skipped (not reported); reading resumed at {since}.',
  },
} satisfies Record<string, MessageDef>;
