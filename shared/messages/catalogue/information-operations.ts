/**
 * Information: test and activation notifications, test reports, the service's status, clock changes, the browser,
 * untested changes, registration and the destinations set automatically.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_6020-6041 and ER_6090-6100.
 */
import { type MessageDef } from '../message-def.js';

export const informationOperationsMessages = {
  ER_6020: {
    kind: 'information',
    ja: 'テスト通報に成功しました({detail})。状態: {state}。',
    en: 'The test notification succeeded ({detail}). State: {state}.',
  },
  ER_6021: {
    kind: 'information',
    ja: '開局通報に成功しました({detail})。通報サービスを開始します(状態: {state})。',
    en: 'The activation notification succeeded ({detail}). The service starts (state: {state}).',
  },
  ER_6022: {
    kind: 'information',
    ja: 'エクスプレス通報サービスを終了しました。以後、通報は送信されません。',
    en: 'The Express Report Service has ended. No more reports will be sent.',
  },
  ER_6023: {
    kind: 'information',
    ja: '通報テスト: イベント {source} {id} を通報 {reportId} として受け付けました。送信の結果は [ツール]-[通報サービスの状態] で確認できます。',
    en: 'Test report: event {source} {id} was accepted as report {reportId}. See Tools → Reporting service status for its delivery.',
  },
  ER_6024: {
    kind: 'information',
    ja: '通報テスト: イベント {source} {id} は送信待ちの通報 {reportId} にまとめられました(計 {count} 回)。',
    en: 'Test report: event {source} {id} was counted in report {reportId}, which is waiting to be sent (now {count}).',
  },
  ER_6025: {
    kind: 'warning',
    ja: '通報テスト: イベント {source} {id} は通報されませんでした: {reason}',
    en: 'Test report: event {source} {id} was not reported: {reason}',
  },
  ER_6026: {
    kind: 'information',
    ja: '通報サービスの状態: {state}、送信待ち {pending} 件、期限切れ {expired} 件。',
    en: 'Reporting service: {state}, {pending} waiting, {expired} expired.',
  },
  ER_6027: {
    kind: 'information',
    ja: '通報テスト: イベント {source} {id} の通報 {reportId} を送信しました: {detail}',
    en: 'Test report: report {reportId} for event {source} {id} was delivered: {detail}',
  },
  ER_6028: {
    kind: 'warning',
    ja: '通報テスト: イベント {source} {id} の通報 {reportId} は送信できず、期限切れになりました: {reason}',
    en: 'Test report: report {reportId} for event {source} {id} could not be delivered and has expired: {reason}',
  },
  ER_6030: {
    kind: 'warning',
    ja: 'システム時刻が経過時間に対して {amount} {direction}ました(本来 {expected}、現在 {actual})。再送の間隔とリトライ期限は経過時間で数え、通報時間帯は新しい時刻に従います。',
    en: 'The system clock was set {direction} by {amount} against the elapsed time (it should read {expected}, it reads {actual}). Retry intervals and the retry limit count elapsed time; the time window follows the new clock.',
  },
  ER_6031: {
    kind: 'information',
    ja: 'OS の再起動をはさんで通報サービスが再開したため、停止していた時間をシステム時刻から見積もりました。送信待ちの通報 {count} 件の経過時間に最大 {gap} を加えました。',
    en: 'The service resumed after a reboot: the time it was stopped was estimated from the system clock, and up to {gap} was added to the elapsed time of {count} waiting report(s).',
  },
  ER_6032: {
    kind: 'warning',
    ja: 'システム時刻({now})が、送信待ちの通報 {count} 件を最後に保存した時刻(最も新しいもので {at})より前です。時刻が戻されたか以前進んでいたため、停止していた時間は 0 としました。システム時刻を確認してください。',
    en: 'The system clock ({now}) is earlier than when {count} waiting report(s) were last saved (latest {at}): it was set back or was ahead before, so the time the service was stopped counts as 0. Check the system clock.',
  },
  ER_6040: {
    kind: 'information',
    ja: 'ブラウザで設定画面を開きます(1 回限りのリンク、{seconds} 秒以内有効)。ブラウザが開かない場合は上の URL を開いてください。',
    en: 'Opening the settings window in the browser (a one-time link, valid for {seconds} s). If no browser opens, open the URL above.',
  },
  ER_6041: {
    kind: 'warning',
    ja: 'ブラウザ {command} を起動できません({reason})。上の URL をブラウザで開いてください。',
    en: 'Cannot start the browser {command} ({reason}). Open the URL above in a browser.',
  },
  ER_6090: {
    kind: 'warning',
    ja: '最後のテスト通報の後に{areas}が変更されました(変更後未テスト)。通報はこのまま続けられます。テスト通報で確認することをお勧めします。',
    en: 'The {areas} changed after the last test notification (changed, not tested). Reports go on being sent; a test notification is advisable.',
  },
  ER_6091: {
    kind: 'information',
    ja: '開局情報を変更しました。状態({state})、通報手段、プロキシ、証明書、スケジュールは変わりません。',
    en: 'The registration information was changed. The state ({state}), routes, proxy, certificates and schedule are unchanged.',
  },
  ER_6100: {
    kind: 'information',
    ja: '通報の宛先を自動的に設定しました({source}): HTTPS の一次通報先 {url1}、電子メールの宛先 {mail}。',
    en: 'The destinations were set automatically ({source}): HTTPS primary {url1}, e-mail {mail}.',
  },
} satisfies Record<string, MessageDef>;
