/**
 * The one message catalogue, shared by the UI, the command line and the service (like REMCS's RMG_xxxx).
 * Codes are stable: never renumber or reuse one; retire a code by leaving it here unused.
 *   ER_1xxx internal and storage   ER_2xxx network (with the peer's own reply)   ER_3xxx input validation
 *   ER_4xxx definition files       ER_5xxx confirmation                          ER_6xxx information
 *   ER_8xxx install, formats, run mode, performance   ER_9xxx reliability (limits, faults, permissions; any kind)
 * Parts with many codes keep them in catalogue/<part>.ts (spread in below), so the parts can grow apart.
 * {name} placeholders are filled by message(); a placeholder may carry a LocalizedText (a field label).
 */
import { type MessageDef } from './message-def.js';
import { mailMessages } from './catalogue/mail.js';
import { modemMessages } from './catalogue/modem.js';
import { collectMessages } from './catalogue/collect.js';
import { sourcesMessages } from './catalogue/sources.js';
import { lifecycleMessages } from './catalogue/lifecycle.js';
import { relayForwardMessages } from './catalogue/relay-forward.js';
import { relayManagerMessages } from './catalogue/relay-manager.js';
import { relayAgentMessages } from './catalogue/relay-agent.js';
import { relayWindowMessages } from './catalogue/relay-window.js';
import { relayAnswerMessages } from './catalogue/relay-answer.js';
import { settingsTransferMessages } from './catalogue/settings-transfer.js';
import { fleetMessages } from './catalogue/fleet.js';
import { settingsTransferWindowMessages } from './catalogue/settings-transfer-window.js';
import { formatsBackupMessages } from './catalogue/formats-backup.js';
import { runModeMessages } from './catalogue/run-mode.js';
import { packageMessages } from './catalogue/package.js';
import { windowLoadMessages } from './catalogue/window-load.js';
import { serviceMemoryMessages } from './catalogue/service-memory.js';
import { spoolIntakeMessages } from './catalogue/spool-intake.js';
import { infSpeedMessages } from './catalogue/inf-speed.js';
import { fuzzMessages } from './catalogue/fuzz.js';
import { faultsMessages } from './catalogue/faults.js';
import { soakSecurityMessages } from './catalogue/soak-security.js';

export const catalogue = {
  ...mailMessages,
  ...modemMessages,
  ...collectMessages,
  ...sourcesMessages,
  ...lifecycleMessages,
  ...relayForwardMessages,
  ...relayManagerMessages,
  ...relayAgentMessages,
  ...relayWindowMessages,
  ...relayAnswerMessages,
  ...settingsTransferMessages,
  ...fleetMessages,
  ...settingsTransferWindowMessages,
  ...formatsBackupMessages,
  ...runModeMessages,
  ...packageMessages,
  ...windowLoadMessages,
  ...serviceMemoryMessages,
  ...spoolIntakeMessages,
  ...infSpeedMessages,
  ...fuzzMessages,
  ...faultsMessages,
  ...soakSecurityMessages,
  // ---- internal and storage
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
  ER_1030: {
    kind: 'internal',
    ja: '通報サービスは既に起動しています(状態フォルダ {path}、プロセス {pid})。',
    en: 'The reporting service is already running (state folder {path}, process {pid}).',
  },
  ER_1031: {
    kind: 'internal',
    ja: '変更された設定に誤りがあるため、直前の正しい設定で動作を続けます({count} 件)。',
    en: 'The changed settings have {count} problem(s): the service keeps running with the last good settings.',
  },
  ER_1032: {
    kind: 'internal',
    ja: '通報サービスが起動していません(状態フォルダ {path})。express-report service で起動してください。',
    en: 'The reporting service is not running (state folder {path}). Start it with express-report service.',
  },
  ER_1050: {
    kind: 'internal',
    ja: '通報ファイル {path} は使用できないため {moved} に移動しました({reason})。この通報は送信されません。',
    en: 'The spool file {path} cannot be used ({reason}); it was moved to {moved} and will not be sent.',
  },
  ER_1051: {
    kind: 'internal',
    ja: '通報手段 {route} で予期しないエラーが発生しました: {reason}。通報は保持され、再送されます。',
    en: 'The {route} route failed unexpectedly: {reason}. The report is kept and will be tried again.',
  },
  ER_1052: {
    kind: 'internal',
    ja: '通報 {id} の送信結果を保存できません: {reason}。通報は保持され、{minutes} 分後に再度処理します。',
    en: 'The outcome of report {id} cannot be saved: {reason}. The report is kept and handled again in {minutes} minutes.',
  },
  ER_1033: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} はイベントとして読めないため rejected/{moved} に移しました: {reason}',
    en: 'The drop-folder file {path} is not a valid event and was moved to rejected/{moved}: {reason}',
  },
  ER_1035: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} を受け付けられません: {reason}。ファイルは投入フォルダに残し、自動的に再試行します(最初は {seconds} 秒後、以後は間隔を延ばして最長 {max} 秒ごと)。この問題は 1 回だけ記録します。',
    en: 'The drop-folder file {path} cannot be accepted now: {reason}. It stays in the drop folder and is tried again by itself (after {seconds} s, then less often, at least every {max} s); this is logged once.',
  },
  ER_1036: {
    kind: 'internal',
    ja: '投入フォルダ {path} を読み込めないか監視できません: {reason}。自動的に再試行します(最初は {seconds} 秒後、以後は間隔を延ばして最長 {max} 秒ごと)。この問題は 1 回だけ記録します。',
    en: 'The drop folder {path} cannot be read or watched: {reason}. It is tried again by itself (after {seconds} s, then less often, at least every {max} s); this is logged once.',
  },
  ER_1037: {
    kind: 'internal',
    ja: '投入フォルダの {path} は通常のファイルではない({type})ため、開かずに rejected/{moved} に移しました。',
    en: 'The drop-folder entry {path} is a {type}, not a regular file: it was not opened and was moved to rejected/{moved}.',
  },
  ER_1038: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} は {limit} バイトを超えている({size} バイト)ため、読み込まずに rejected/{moved} に移しました。',
    en: 'The drop-folder file {path} is larger than {limit} bytes ({size} bytes): it was not read and was moved to rejected/{moved}.',
  },
  ER_1039: {
    kind: 'internal',
    ja: '投入フォルダのファイル {path} を{action}できません({why}): {reason}。ファイルはそのまま残し、変更されるまで再度読み込みません。',
    en: 'The drop-folder file {path} could not be {action} ({why}): {reason}. It is left in place and not read again until it changes.',
  },
  ER_1040: {
    kind: 'internal',
    ja: '予期しない内部エラーが発生しました: {reason}。通報サービスは動作を続けます。',
    en: 'An unexpected internal failure occurred: {reason}. The reporting service keeps running.',
  },
  ER_1041: {
    kind: 'internal',
    ja: '予期しない内部エラーのため通報サービスを終了します: {reason}。再度起動してください(監視プログラムがあれば再起動されます)。',
    en: 'An unexpected internal failure ends the reporting service: {reason}. Start it again (a supervisor restarts it).',
  },
  ER_1042: {
    kind: 'internal',
    ja: '通報サービスは起動できず、{seconds} 秒後も終了処理が完了しないため、プロセスを終了します。',
    en: 'The reporting service did not start, and {seconds} s later something it had opened still held the process: the process ends now.',
  },
  ER_1043: {
    kind: 'internal',
    ja: '通報サービスの一部を停止できませんでした: {reason}。残りの停止処理は続行しました。',
    en: 'A part of the reporting service failed to stop: {reason}. The rest was stopped.',
  },
  ER_1044: {
    kind: 'internal',
    ja: 'ローカル API の接続数が上限 {limit} に達したため、待機中の古い接続を {count} 本切断しました。ローカルのプログラムが接続を開いたままにしている可能性があります。',
    en: 'The local API reached its limit of {limit} connections: {count} idle connection(s) were closed to make room. A local program may be holding connections open.',
  },
  ER_1045: {
    kind: 'internal',
    ja: 'ローカル API への要求 {request} の本文が {limit} バイトを超えるため拒否しました。',
    en: 'The local API refused the request {request}: its body is larger than {limit} bytes.',
  },
  ER_1034: {
    kind: 'internal',
    ja: '通報サービスへの要求 {request} が失敗しました: {reason}',
    en: 'The reporting service could not handle {request}: {reason}',
  },
  ER_1060: {
    kind: 'internal',
    ja: '設定フォルダ {path} がありません(削除されたか置き換え中です)。直前の正しい設定で動作を続け、フォルダが戻ると監視を再開して読み込みます。',
    en: 'The config folder {path} is missing (removed, or being replaced): the service keeps running with the last good settings, and watches and reads the folder again once it is back.',
  },
  ER_1061: {
    kind: 'internal',
    ja: 'フォルダ {path} を監視できません: {reason}。変更はすぐには適用されません。自動的に再試行します(最初は 1 秒後、以後は間隔を延ばして最長 30 秒ごと)。',
    en: 'The folder {path} cannot be watched: {reason}. Changes are not applied at once; watching is tried again by itself (after 1 s, then less often, at least every 30 s).',
  },
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
  // The window and its host (HostApi over Electron IPC or serve's HTTP; shared/host/errors.ts)
  ER_1100: {
    kind: 'internal',
    ja: '設定画面から express-report serve に接続できません: {reason}。serve が動作しているか確認してください。終了していた場合は起動し直し、端末に表示された URL で画面を開き直してください。',
    en: 'The settings window cannot reach express-report serve: {reason}. Check that serve is still running; if it stopped, start it again and open the URL it prints.',
  },
  ER_1101: {
    kind: 'internal',
    ja: '画面の要求 {method} に対する応答を読めません: {reason}',
    en: "The answer to the window's {method} request cannot be read: {reason}",
  },
  ER_1102: {
    kind: 'internal',
    ja: 'express-report serve は画面の要求 {method} を受け付けませんでした({why})。serve を起動し直した場合は、端末に表示された新しい URL で画面を開き直してください。',
    en: "express-report serve refused the window's {method} request ({why}). If serve was started again, open the new URL it printed.",
  },
  ER_1103: { kind: 'internal', ja: '設定画面で予期しないエラーが発生しました: {reason}', en: 'An unexpected error occurred in the settings window: {reason}' },
  ER_1080: {
    kind: 'internal',
    ja: '設定フォルダ {path} は他のプロセス(ホスト {host}、プロセス {pid})が書き込み中です。{seconds} 秒待ちましたが終わらないため、何も保存していません。もう一度保存してください。そのプロセスが存在しない場合はロックファイル {lock} を削除してください。',
    en: 'The config folder {path} is being written by another process (host {host}, pid {pid}); waited {seconds} s and saved nothing. Save again; if no such process exists, remove the lock file {lock}.',
  },

  // ---- network (with the peer's own reply)
  ER_2001: {
    kind: 'network',
    ja: '{peer}のホスト名 {host} を解決できません({reason})。ホスト名と DNS の設定を確認してください。',
    en: 'Cannot resolve the host name {host} of {peer} ({reason}). Check the name and the DNS settings.',
  },
  ER_2002: { kind: 'network', ja: '{peer}に接続できません: {reason}', en: 'Cannot connect to {peer}: {reason}' },
  ER_2003: { kind: 'network', ja: '{peer}から {seconds} 秒以内に応答がありません({phase})。', en: 'No answer from {peer} within {seconds} s ({phase}).' },
  ER_2004: {
    kind: 'network',
    ja: '{peer}の証明書を検証できません: {reason}({code})。通報先が独自の認証局を使う場合は、[追加の CA 証明書ファイル]にその CA 証明書(PEM)を指定してください。',
    en: 'The certificate of {peer} cannot be verified: {reason} ({code}). If the center uses its own CA, give its certificate (PEM) in [Extra CA bundle].',
  },
  ER_2005: { kind: 'network', ja: '{peer}との TLS ハンドシェイクに失敗しました: {reason}', en: 'The TLS handshake with {peer} failed: {reason}' },
  ER_2006: {
    kind: 'network',
    ja: 'プロキシサーバ {proxy} が認証を求めたか、利用者名とパスワードを受け付けませんでした({reply})。[プロキシサーバ]の[ユーザー名]と[パスワード]を確認してください(Basic 認証のみ使用できます)。',
    en: 'The proxy {proxy} asked for authentication or did not accept the credentials ({reply}). Check [User name] and [Password] under [Proxy server] (Basic authentication only).',
  },
  ER_2007: {
    kind: 'network',
    ja: 'プロキシサーバ {proxy} が {target} への接続を拒否しました: {reply}',
    en: 'The proxy {proxy} did not open a connection to {target}: {reply}',
  },
  ER_2008: { kind: 'network', ja: '{peer}がエラーを返しました: {reply}', en: 'Error from {peer}: {reply}' },
  ER_2009: { kind: 'network', ja: '通報先 {label} の URL「{url}」は使用できません: {reason}', en: 'The {label} destination "{url}" cannot be used: {reason}' },
  ER_2010: {
    kind: 'network',
    ja: '通報先 {label} が設定されていません(AMHTPADR.INF の [{label}] URL=)。',
    en: 'There is no {label} destination (AMHTPADR.INF [{label}] URL=).',
  },
  ER_2011: { kind: 'network', ja: '{peer}との接続が応答の前に切断されました: {reason}', en: 'The connection to {peer} closed before it answered: {reason}' },
  ER_2012: {
    kind: 'network',
    ja: 'どの通報先にも送信できませんでした。URL1: {first} / URL2: {second}',
    en: 'No destination accepted the report. URL1: {first} / URL2: {second}',
  },
  ER_2013: {
    kind: 'network',
    ja: 'リモートアクセスの接続 {entry} に失敗しました({command}: {reason})。',
    en: 'Remote access could not connect {entry} ({command}: {reason}).',
  },
  ER_2014: { kind: 'network', ja: '{peer}への送信を中止しました(サービスの停止)。', en: 'Sending to {peer} was cancelled (the service is stopping).' },
  ER_2015: {
    kind: 'network',
    ja: '添付ファイルを読み込めないため送信を中止しました: {reason}',
    en: 'Sending stopped because the attachment could not be read: {reason}',
  },
  ER_2016: {
    kind: 'network',
    ja: '[追加の CA 証明書ファイル]の {path} に PEM 形式の証明書がありません。',
    en: 'The file {path} in [Extra CA bundle] holds no PEM certificate.',
  },
  ER_2100: {
    kind: 'network',
    ja: '設定された通報手段はこの版では使用できないため、通報 {id} を送信できません。通報は保持され、再送されます。',
    en: 'Report {id} cannot be sent: the configured route is not available in this version. It is kept and will be tried again.',
  },
  ER_2101: {
    kind: 'warning',
    ja: '通報 {id} を {route} で送信できませんでした({attempts} 回目): {reason}。次の送信は {next} です。',
    en: 'Report {id} was not delivered by {route} (attempt {attempts}): {reason}. Next attempt at {next}.',
  },
  ER_2102: {
    kind: 'network',
    ja: '通報 {id}({kind})はリトライ期限({hours} 時間)までに送信できなかったため、期限切れとして保存しました(試行 {attempts} 回)。',
    en: 'Report {id} ({kind}) was not delivered within the retry limit of {hours} hours ({attempts} attempt(s)); it is kept as expired.',
  },
  ER_2103: {
    kind: 'network',
    ja: '通報 {id}({kind})はリトライ期限 {limit} までに通報時間帯が始まらないため、期限切れとして保存しました。',
    en: 'Report {id} ({kind}) is kept as expired: the time window does not open again before its retry limit ({limit}).',
  },
  ER_2104: {
    kind: 'network',
    ja: '通報 {id}({kind})は {route} で受け付けられず、再送しても送信できないため、期限切れとして保存しました: {reason}',
    en: 'Report {id} ({kind}) was refused by {route} and cannot succeed if tried again, so it is kept as expired: {reason}',
  },
  ER_2105: {
    kind: 'network',
    ja: '通報手段「{route}」では送信できません。通報手段(メール、ダイヤルアップ、HTTPS)を選択してください(マネージャ経由の送信はこの版では使用できません)。',
    en: 'Reports cannot be sent over the route "{route}". Choose a route (mail, dial-up or HTTPS); the manager relay is not available in this version.',
  },
  ER_2106: {
    kind: 'warning',
    ja: 'イベント {source} {eventId} は通報しませんでした: 有効な通報手段がありません([設定]-[通報基本設定]で通報手段を有効にしてください)。このイベントは保存も再送もされません。',
    en: 'Event {source} {eventId} was not reported: no notification route is enabled (enable one in Settings → Basic notification settings). It is neither kept nor retried.',
  },
  ER_2107: {
    kind: 'warning',
    ja: '通報 {id}({kind})は送信しませんでした: 有効な通報手段がありません。再送せず、期限切れとして保存しました。',
    en: 'Report {id} ({kind}) was not sent: no notification route is enabled. It is not retried; it is kept as expired.',
  },
  ER_2108: {
    kind: 'warning',
    ja: '構成情報の通報({why})は行いませんでした: 有効な通報手段がありません。',
    en: 'The configuration information ({why}) was not sent: no notification route is enabled.',
  },

  // ---- input validation (settings)
  ER_3001: { kind: 'validation', ja: '{label}を入力してください(必須項目です)。', en: '{label} is required.' },
  ER_3002: {
    kind: 'validation',
    ja: '{label}は {max} 文字以内で入力してください(現在 {length} 文字)。',
    en: '{label} must be at most {max} characters (it has {length}).',
  },
  ER_3003: { kind: 'validation', ja: '{label}は {length} 桁の半角数字で入力してください。', en: '{label} must be exactly {length} half-width digits.' },
  ER_3004: {
    kind: 'validation',
    ja: '{label}は全角文字で入力してください(使用できない文字: 「{char}」)。',
    en: '{label} must be full-width characters (not allowed: "{char}").',
  },
  ER_3005: {
    kind: 'validation',
    ja: '{label}は半角カタカナで入力してください(使用できない文字: 「{char}」)。',
    en: '{label} must be half-width katakana (not allowed: "{char}").',
  },
  ER_3006: { kind: 'validation', ja: '{label}は半角数字で入力してください。', en: '{label} must be half-width digits.' },
  ER_3007: {
    kind: 'validation',
    ja: '{label}はメールアドレスの形式(例: sousin@foo.co.jp)で入力してください。',
    en: '{label} must be an e-mail address (for example sousin@foo.co.jp).',
  },
  ER_3008: {
    kind: 'validation',
    ja: '{label}はホスト名、FQDN、IPv4 または IPv6 アドレスで入力してください(例: smtp.foo.co.jp、192.168.0.100)。',
    en: '{label} must be a host name, FQDN, IPv4 or IPv6 address (for example smtp.foo.co.jp or 192.168.0.100).',
  },
  ER_3009: { kind: 'validation', ja: '{label}は 1~65535 のポート番号で入力してください。', en: '{label} must be a port number from 1 to 65535.' },
  ER_3010: {
    kind: 'validation',
    ja: '{label}は半角数字と記号(- + ( ))で入力してください(空白は使用できません。例: 0123-45-6789)。',
    en: '{label} must be half-width digits and the symbols - + ( ) with no spaces (for example 0123-45-6789).',
  },
  ER_3011: {
    kind: 'validation',
    ja: '{label}は 7 桁の半角数字で入力してください(例: 0123456)。',
    en: '{label} must be 7 half-width digits (for example 0123456).',
  },
  ER_3012: { kind: 'validation', ja: '{label}は {min}~{max} の整数で入力してください。', en: '{label} must be a whole number from {min} to {max}.' },
  ER_3013: { kind: 'validation', ja: '{label}には次のいずれかを指定してください: {choices}', en: '{label} must be one of: {choices}' },
  ER_3014: { kind: 'validation', ja: '{label}には on または off を指定してください。', en: '{label} must be on or off.' },
  ER_3015: {
    kind: 'validation',
    ja: '{label}は半角英数字と記号で入力してください(使用できない文字: 「{char}」)。',
    en: '{label} must be half-width letters, digits and symbols (not allowed: "{char}").',
  },
  ER_3016: {
    kind: 'validation',
    ja: '{label}は HH:MM-HH:MM の形式(例: 09:00-17:30、終日は 00:00-24:00、通報しない日は none)で入力してください。',
    en: '{label} must be HH:MM-HH:MM (for example 09:00-17:30; all day is 00:00-24:00; none for no reports that day).',
  },
  ER_3017: { kind: 'validation', ja: 'お客様属性が個人の場合、{label}は入力できません。', en: '{label} cannot be set for an individual customer.' },
  ER_3018: {
    kind: 'validation',
    ja: 'S/MIME は開局キーファイルで開局した場合だけ使用できます。',
    en: 'S/MIME can be used only after activation with a key file.',
  },
  ER_3019: {
    kind: 'validation',
    ja: 'エクスプレス通報サービスとエクスプレス通報サービス(HTTPS)は同時に有効にできません。{other}を無効にしてから有効にしてください。',
    en: 'Express Report Service and Express Report Service (HTTPS) cannot be enabled together. Disable {other} first.',
  },
  ER_3020: {
    kind: 'validation',
    ja: '{label}が平文で書かれています。パスワードは express-report config set または設定画面で設定してください。',
    en: '{label} is written in clear text. Set passwords with express-report config set or in the settings window.',
  },
  ER_3021: {
    kind: 'validation',
    ja: '{key} という設定はありません。express-report config list で一覧を確認してください。',
    en: 'There is no setting named {key}. See express-report config list.',
  },
  ER_3022: { kind: 'validation', ja: '{label}は YYYY-MM-DD の形式の日付で入力してください。', en: '{label} must be a date in the form YYYY-MM-DD.' },
  ER_3023: { kind: 'validation', ja: '{label}は {max} 件までです。', en: '{label} may hold at most {max} entries.' },
  ER_3024: {
    kind: 'validation',
    ja: '{label}には CRAM-MD5、LOGIN、PLAIN のうち 1 つ以上をカンマ区切りで指定してください(使用できない値: 「{value}」)。',
    en: '{label} must list one or more of CRAM-MD5, LOGIN, PLAIN, separated by commas (not allowed: "{value}").',
  },
  ER_3025: { kind: 'validation', ja: '{label}は 1 文字以上の空白以外の文字を含めてください。', en: '{label} must contain something other than spaces.' },
  ER_3026: { kind: 'validation', ja: '{label}は絶対パスで指定してください。', en: '{label} must be an absolute path.' },
  ER_3027: { kind: 'validation', ja: '{label}の値「{value}」は整数ではありません。', en: '{label}: "{value}" is not a whole number.' },
  ER_3028: { kind: 'validation', ja: '{label}は {min} 文字以上で入力してください。', en: '{label} must be at least {min} characters.' },
  ER_3029: { kind: 'validation', ja: '{label}に改行や制御文字は使用できません。', en: '{label} cannot contain line breaks or control characters.' },
  ER_3030: { kind: 'validation', ja: '{label}は{other}と異なる番号にしてください。', en: '{label} must differ from {other}.' },
  ER_3031: { kind: 'validation', ja: 'リトライ間隔はリトライ期限より短くしてください。', en: 'The retry interval must be shorter than the retry limit.' },
  ER_3032: {
    kind: 'validation',
    ja: '{path} の種類がわかりません。--kind adr|log|hbi を指定してください。',
    en: 'Cannot tell what kind of file {path} is: give --kind adr|log|hbi.',
  },
  ER_3033: {
    kind: 'validation',
    ja: 'config set には KEY VALUE の組(--stdin の場合は KEY を 1 つ)を指定してください。',
    en: 'config set takes KEY VALUE pairs (or one KEY with --stdin).',
  },
  ER_3034: { kind: 'validation', ja: 'コマンドの指定に誤りがあります: {reason}', en: 'The command line is not right: {reason}' },
  ER_3035: { kind: 'validation', ja: '{file} は{what}ではありません({reason})。', en: '{file} is not a valid {what} ({reason}).' },
  ER_3036: {
    kind: 'validation',
    ja: '{what}が壊れているか改変されています(署名が一致しません)。受付センターから受け取ったものをそのまま指定してください。',
    en: 'The {what} is damaged or has been altered (the signature does not match). Use it exactly as received from the reception center.',
  },
  ER_3037: {
    kind: 'validation',
    ja: '{what}は受付センターの署名ではありません(署名者「{signer}」の証明書は信頼された認証局から発行されていません)。',
    en: 'The {what} is not signed by the reception center (the signer "{signer}" was not issued by a trusted CA).',
  },
  ER_3038: {
    kind: 'validation',
    ja: '{what}の署名者の証明書は有効期間外です(有効期間 {from}~{to})。',
    en: 'The certificate that signed the {what} is not valid now (valid from {from} to {to}).',
  },
  ER_3039: {
    kind: 'validation',
    ja: '{what}の有効期限 {expiry} を過ぎています。受付センターに新しい{what}を依頼してください。',
    en: 'The {what} expired on {expiry}. Ask the reception center for a new one.',
  },
  ER_3040: { kind: 'validation', ja: '{what}の項目 {field} が正しくありません: {reason}', en: 'The {what} has an invalid {field}: {reason}' },
  ER_3041: {
    kind: 'validation',
    ja: 'この期限延長キーはユーザシステムコード {other} 用です(このサーバは {code})。',
    en: 'This extension key is for user system code {other}, not for this server ({code}).',
  },
  ER_3042: {
    kind: 'validation',
    ja: 'この期限延長キーの有効期限 {expiry} は現在の有効期限 {current} より後ではないため、期限は延長されません。',
    en: 'This extension key ends on {expiry}, which is not after the current expiry {current}, so it extends nothing.',
  },
  ER_3050: {
    kind: 'validation',
    ja: '開局キーファイルのサーバ名称({serverName})と OS のホスト名({hostName})が一致しません。続行すると OS のホスト名が登録されます。',
    en: "The key file's server name ({serverName}) differs from the OS host name ({hostName}). If you continue, the OS host name is registered.",
  },
  ER_3051: { kind: 'validation', ja: 'サービスは開局していないため、この操作はできません。', en: 'The service is not activated, so this cannot be done.' },
  ER_3052: {
    kind: 'validation',
    ja: '開局通報はテスト通報が成功した後に行ってください。',
    en: 'Send the activation notification after a successful test notification.',
  },
  ER_3053: {
    kind: 'validation',
    ja: 'このコンピュータには {account} の{label}が記憶されていません。パスワードを入力してください。',
    en: 'No {label} is remembered on this computer for {account}. Type the password.',
  },
  ER_3054: {
    kind: 'validation',
    ja: '{label}を記憶する、または記憶したものを使用するには、先に{needs}を入力してください。',
    en: 'To remember {label} or use a remembered one, fill in {needs} first.',
  },
  ER_3060: {
    kind: 'validation',
    ja: '{label}は設定情報の変更では変更できません。開局し直す(開局情報の入力)か、通報基本設定で変更してください。',
    en: '{label} cannot be changed as registration information: activate again (Activation information) or change it in the basic notification settings.',
  },
  ER_3061: {
    kind: 'validation',
    ja: '{key} はテスト通報・開局通報の一時的な値として使用できません。',
    en: '{key} cannot be used as a temporary value for a test or activation notification.',
  },
  ER_3070: {
    kind: 'validation',
    ja: '{label}は半角数字で入力してください(全角の数字は使用できません: 「{value}」)。',
    en: '{label} must be typed in half-width digits (0-9), not full-width ones: "{value}".',
  },
  ER_3071: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} がありません: {reason}',
    en: 'The file {path} given in {label} does not exist: {reason}',
  },
  ER_3072: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} を読み込めません: {reason}',
    en: 'The file {path} given in {label} cannot be read: {reason}',
  },
  ER_3073: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} は PEM 形式の CA 証明書ではありません(-----BEGIN CERTIFICATE----- で始まる証明書が必要です)。',
    en: 'The file {path} given in {label} is not a CA certificate in PEM form (a certificate starting with -----BEGIN CERTIFICATE----- is needed).',
  },
  ER_3074: {
    kind: 'validation',
    ja: '{label}に指定したファイル {path} の {index} 番目の証明書を読み取れません: {reason}',
    en: 'Certificate {index} in the file {path} given in {label} cannot be read: {reason}',
  },
  ER_3080: {
    kind: 'validation',
    ja: 'サービスの終了は、サービスの開始後(運用中)にだけ行えます。現在の状態: {state}。',
    en: 'The service can be ended only once it has started (active). Current state: {state}.',
  },
  ER_3081: {
    kind: 'validation',
    ja: 'サービス有効期限の変更は、サービスの終了後にだけ行えます。現在の状態: {state}。',
    en: 'The expiry can be changed only after the service has ended. Current state: {state}.',
  },
  ER_3082: {
    kind: 'validation',
    ja: '保守センターの宛先ファイル {path} を読み込めないため、開局できません: {reason}',
    en: "Cannot activate: the center's destination file {path} cannot be read: {reason}",
  },

  // ---- definition files (file:line is always given)
  ER_4001: {
    kind: 'definition',
    ja: 'セクション名 [{section}] は使用できません。[Tool001]~[Tool999] の 3 桁の番号で指定してください。',
    en: 'Section [{section}] is not allowed: use [Tool001] to [Tool999], a three-digit number.',
  },
  ER_4002: { kind: 'warning', ja: '未知のセクション [{section}] です(内容はそのまま保持されます)。', en: 'Unknown section [{section}] (kept as it is).' },
  ER_4003: { kind: 'definition', ja: '必須のセクション [{section}] がありません。', en: 'The required section [{section}] is missing.' },
  ER_4004: { kind: 'definition', ja: 'セクション [{section}] に必須のキー {key} がありません。', en: 'Section [{section}] lacks the required key {key}.' },
  ER_4005: {
    kind: 'definition',
    ja: 'URL は 500 文字以内で記載してください(現在 {length} 文字)。',
    en: 'The URL must be at most 500 characters (it has {length}).',
  },
  ER_4006: {
    kind: 'definition',
    ja: 'URL「{value}」は半角英数字と記号による https:// または http:// で始まる URL で記載してください。',
    en: 'The URL "{value}" must be an https:// or http:// URL of half-width letters, digits and symbols.',
  },
  ER_4007: {
    kind: 'definition',
    ja: 'イベント ID「{value}」は 0x で始まる 8 桁の 16 進数(32 ビットすべて。例: 0xC0040006)または * で記載してください。',
    en: 'Event ID "{value}" must be 0x followed by 8 hex digits (all 32 bits, for example 0xC0040006) or *.',
  },
  ER_4008: { kind: 'definition', ja: '{key} が空です。ソース名または * を記載してください。', en: '{key} is empty: give a source name or *.' },
  ER_4009: {
    kind: 'definition',
    ja: '{key} に対応する {pair} がありません。SourceNameXX と EventIDXX は同じ番号で対にしてください。',
    en: '{key} has no matching {pair}: SourceNameXX and EventIDXX go in pairs with the same number.',
  },
  ER_4010: { kind: 'definition', ja: 'キー {key} の番号は 01~99 の 2 桁で指定してください。', en: 'The number in {key} must be two digits from 01 to 99.' },
  ER_4011: { kind: 'definition', ja: '{key} は絶対パスで記載してください(「{value}」)。', en: '{key} must be an absolute path ("{value}").' },
  ER_4012: {
    kind: 'definition',
    ja: 'Command に引数は指定できません(「{value}」)。引数が必要な場合はバッチファイル等を作成して指定してください。パスに空白を含む場合は "" で囲んでください。',
    en: 'Command cannot take arguments ("{value}"). Put the arguments in a batch file or script and give its path; quote a path that contains spaces.',
  },
  ER_4013: {
    kind: 'definition',
    ja: 'Command にリダイレクトは指定できません(「{value}」)。必要な場合はバッチファイル等の中で指定してください。',
    en: 'Command cannot contain a redirection ("{value}"). Redirect inside a batch file or script instead.',
  },
  ER_4014: {
    kind: 'definition',
    ja: '{key} は 0 以上 {max} 以下の整数で記載してください(「{value}」)。',
    en: '{key} must be a whole number from 0 to {max} ("{value}").',
  },
  ER_4015: {
    kind: 'definition',
    ja: 'ScheduleType は every month または every week を記載してください(「{value}」)。',
    en: 'ScheduleType must be "every month" or "every week" ("{value}").',
  },
  ER_4016: {
    kind: 'definition',
    ja: 'ScheduleDay は {type} の場合 {min}~{max} で記載してください(「{value}」)。',
    en: 'ScheduleDay must be {min} to {max} for {type} ("{value}").',
  },
  ER_4017: {
    kind: 'definition',
    ja: 'ScheduleTime は HH:MM(時 0~23、分 0~59)で記載してください(「{value}」)。',
    en: 'ScheduleTime must be HH:MM (hours 0-23, minutes 0-59) ("{value}").',
  },
  ER_4018: {
    kind: 'definition',
    ja: 'この行を解釈できません: 「{value}」。[セクション]、キー=値、または ; で始まるコメントを記載してください。',
    en: 'This line cannot be understood: "{value}". Write a [section], a key=value pair or a comment starting with ;.',
  },
  ER_4019: {
    kind: 'definition',
    ja: 'セクション [{section}] が重複しています(最初は {first} 行目)。',
    en: 'Section [{section}] appears twice (first on line {first}).',
  },
  ER_4020: { kind: 'definition', ja: 'キー {key} が重複しています(最初は {first} 行目)。', en: 'Key {key} appears twice (first on line {first}).' },
  ER_4021: { kind: 'definition', ja: 'キー {key} がセクションの外にあります。', en: 'Key {key} is outside any section.' },
  ER_4022: { kind: 'definition', ja: '必須のファイル {path} がありません。', en: 'The required file {path} is missing.' },
  ER_4023: {
    kind: 'warning',
    ja: 'このファイルには {encoding} として正しくないバイトがあります。変更すると元のバイトは保持されません。',
    en: 'This file has bytes that are not valid {encoding}; they will not survive if the file is changed.',
  },
  ER_4024: {
    kind: 'definition',
    ja: '[{section}] に対象のイベント(SourceNameXX/EventIDXX)がありません。',
    en: '[{section}] names no event (SourceNameXX / EventIDXX).',
  },
  ER_4025: { kind: 'warning', ja: '未知のキー {key} です(内容はそのまま保持されます)。', en: 'Unknown key {key} (kept as it is).' },
  ER_4026: {
    kind: 'definition',
    ja: '{key} の値「{value}」は {label}として正しくありません: {reason}',
    en: '{key} = "{value}" is not a valid {label}: {reason}',
  },
  ER_4027: { kind: 'definition', ja: '{key} の引用符が閉じていません(「{value}」)。', en: '{key} has an unclosed quotation mark ("{value}").' },
  ER_4028: { kind: 'definition', ja: 'Command を指定する場合は Directory も指定してください。', en: 'A Command needs a Directory (the folder it runs in).' },
  ER_4029: {
    kind: 'definition',
    ja: '{key} の * はすべてのイベント ID を表します。他のイベント ID と並べて記載しないでください(「{value}」)。',
    en: 'In {key}, * already means every event ID: do not list it with other IDs ("{value}").',
  },
  ER_4030: {
    kind: 'definition',
    ja: '{key} の閉じた引用符の後に文字があります(「{value}」)。値全体を "..." で囲んでください。',
    en: '{key} has text after the closing quotation mark ("{value}"). Enclose the whole value in double quotes.',
  },
  ER_4031: {
    kind: 'definition',
    ja: '{path} は {encoding} で保存されています。{encoding} には対応していません。Shift_JIS または UTF-8 で保存し直してください。',
    en: '{path} is saved as {encoding}, which is not supported: save it as Shift_JIS or UTF-8.',
  },

  // ---- confirmation
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

  // ---- information
  ER_6001: {
    kind: 'information',
    ja: '設定に誤りはありません({files} ファイル、{settings} 項目、{warnings} 件の警告)。',
    en: 'The settings are valid ({files} files, {settings} settings, {warnings} warning(s)).',
  },
  ER_6002: { kind: 'information', ja: '既定の設定を {path} に作成しました。', en: 'Wrote the default settings to {path}.' },
  ER_6003: { kind: 'information', ja: '{key} を設定しました。', en: '{key} has been set.' },
  ER_6004: {
    kind: 'information',
    ja: '開局しました(サーバ名称 {serverName}、状態 {state})。次はテスト通報です。',
    en: 'Activated (server name {serverName}, state {state}). Next: a test notification.',
  },
  ER_6005: {
    kind: 'warning',
    ja: '設定は保存しましたが、{label}をこのコンピュータに記憶できませんでした: {reason}',
    en: 'The settings were saved, but {label} was not remembered on this computer: {reason}',
  },
  ER_6006: {
    kind: 'warning',
    ja: '記憶した{label}を読み出せないため、{label}は変更していません(他の設定は保存しました): {reason}',
    en: 'The remembered {label} could not be read, so {label} was left unchanged (the other settings were saved): {reason}',
  },
  ER_6007: { kind: 'information', ja: '{label}をこのコンピュータに記憶しました({account})。', en: '{label} is remembered on this computer ({account}).' },
  ER_6008: {
    kind: 'information',
    ja: 'このコンピュータに記憶したパスワード {account} を削除しました。',
    en: 'Forgot the password remembered on this computer for {account}.',
  },
  ER_6010: { kind: 'information', ja: '通報サービスを開始しました(状態フォルダ {path})。', en: 'The reporting service started (state folder {path}).' },
  ER_6011: { kind: 'information', ja: '通報サービスを停止しました。', en: 'The reporting service stopped.' },
  ER_6012: { kind: 'information', ja: '変更された設定を適用しました({files})。', en: 'Applied the changed settings ({files}).' },
  ER_6013: { kind: 'information', ja: 'イベント {source} {id} を受け付けました。', en: 'Accepted event {source} {id}.' },
  ER_6014: {
    kind: 'information',
    ja: 'フォルダ {path} が置き換えられた(または再作成された)ため、新しいフォルダの監視を再開し、設定を読み込み直します。',
    en: 'The folder {path} was replaced (or created again): the new folder is watched and the settings are read again.',
  },
  ER_6050: { kind: 'information', ja: '通報 {id}({kind})を受け付けて保存しました。', en: 'Report {id} ({kind}) was accepted and saved.' },
  ER_6051: { kind: 'information', ja: '通報 {id}({kind})を {route} で送信しました: {detail}', en: 'Report {id} ({kind}) was delivered by {route}: {detail}' },
  ER_6052: {
    kind: 'information',
    ja: '通報 {id} が {kept} と {removed} の両方にありました(移動が中断されたため)。{kept} の方を残しました。',
    en: 'Report {id} was in both {kept} and {removed} (a move was interrupted); the copy in {kept} was kept.',
  },
  ER_6053: {
    kind: 'information',
    ja: 'イベント {source} {eventId} が再度発生したため、送信待ちの通報 {id} にまとめました(計 {count} 回)。',
    en: 'Event {source} {eventId} happened again: counted in report {id}, which is waiting to be sent (now {count}).',
  },
  ER_6054: {
    kind: 'information',
    ja: 'イベント {source} {eventId} は送信済みの通報 {id} から抑制時間({minutes} 分)以内に再度発生したため、通報しませんでした(この抑制時間内で {count} 回目)。',
    en: 'Event {source} {eventId} happened again within {minutes} minutes of report {id}, which has already been sent: not reported again ({count} time(s) in this window).',
  },
  ER_6055: {
    kind: 'information',
    ja: 'イベント {source} {eventId}({severity})は同じ場所の直前の通報より重大なため、抑制せずに通報 {id} として直ちに送信します。',
    en: 'Event {source} {eventId} ({severity}) is more severe than the recent reports from {source}: it goes out at once as report {id}.',
  },
  ER_6060: {
    kind: 'information',
    ja: '投入フォルダのファイル {path} を受け付けました(先に記録した問題は解消しました)。',
    en: 'The drop-folder file {path} was accepted: the problem logged before has passed.',
  },
  ER_6061: { kind: 'information', ja: '投入フォルダ {path} を再び読み込めるようになりました。', en: 'The drop folder {path} can be read and watched again.' },
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
} as const satisfies Record<string, MessageDef>;

export type MessageCode = keyof typeof catalogue;
