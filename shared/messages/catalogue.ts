/**
 * The one message catalogue, shared by the UI, the command line and the service (like REMCS's RMG_xxxx).
 * Codes are stable: never renumber or reuse one; retire a code by leaving it here unused.
 *   ER_1xxx internal and storage   ER_2xxx network (with the peer's own reply)   ER_3xxx input validation
 *   ER_4xxx definition files       ER_5xxx confirmation                          ER_6xxx information
 * {name} placeholders are filled by message(); a placeholder may carry a LocalizedText (a field label).
 */
export type MessageKind = 'internal' | 'network' | 'validation' | 'definition' | 'warning' | 'confirmation' | 'information';

export interface MessageDef {
  readonly kind: MessageKind;
  readonly ja: string;
  readonly en: string;
}

export const catalogue = {
  // ---- internal and storage
  ER_1001: { kind: 'internal', ja: 'ファイル {path} を読み込めません: {reason}', en: 'Cannot read {path}: {reason}' },
  ER_1002: { kind: 'internal', ja: 'ファイル {path} を書き込めません: {reason}。保存済みの内容は変更されていません。', en: 'Cannot write {path}: {reason}. What was saved before is unchanged.' },
  ER_1003: { kind: 'internal', ja: '{path} は読み込んだ後に他で変更されました。上書きせずに中止しました。読み込み直してから変更してください。', en: '{path} was changed by someone else after it was loaded. Nothing was overwritten; load it again and repeat the change.' },
  ER_1004: { kind: 'internal', ja: '設定に誤りがあるため保存しませんでした({count} 件)。', en: 'The settings were not saved: {count} problem(s) must be fixed first.' },
  ER_1005: { kind: 'internal', ja: '設定フォルダ {path} がありません。express-report init で作成してください。', en: 'The config folder {path} does not exist. Create it with express-report init.' },
  ER_1006: { kind: 'internal', ja: '暗号化された値を復号できません({reason})。パスワードを設定し直してください。', en: 'A sealed value cannot be opened ({reason}). Set the password again.' },
  ER_1007: { kind: 'internal', ja: 'サービスの鍵 {path} がありません。express-report init で作成してください。', en: 'The service key {path} is missing. Create it with express-report init.' },
  ER_1008: { kind: 'internal', ja: '設定フォルダ {path} は既に存在します。上書きするには --force を指定してください。', en: 'The config folder {path} already holds settings. Use --force to overwrite them.' },
  ER_1009: { kind: 'internal', ja: 'ファイル {path} はこの形式では読めません: {reason}', en: 'Cannot understand {path}: {reason}' },
  ER_1010: { kind: 'internal', ja: 'サービスの鍵 {path} を使用できません: {reason}', en: 'The service key {path} cannot be used: {reason}' },
  ER_1011: { kind: 'internal', ja: '{path} は {encoding} で保存されていますが、次の文字はこの文字コードで書けないため保存しませんでした: {chars}', en: '{path} is stored as {encoding}, which cannot hold these characters, so nothing was saved: {chars}' },
  ER_1020: { kind: 'internal', ja: '内部エラーが発生しました: {reason}。設定は変更されていません。', en: 'An internal error occurred: {reason}. The settings are unchanged.' },
  ER_1021: { kind: 'internal', ja: '画面からの要求 {method} の形式が正しくありません: {reason}', en: 'The window sent a malformed {method} request: {reason}' },
  ER_1030: { kind: 'internal', ja: '通報サービスは既に起動しています(状態フォルダ {path}、プロセス {pid})。', en: 'The reporting service is already running (state folder {path}, process {pid}).' },
  ER_1031: { kind: 'internal', ja: '変更された設定に誤りがあるため、直前の正しい設定で動作を続けます({count} 件)。', en: 'The changed settings have {count} problem(s): the service keeps running with the last good settings.' },
  ER_1032: { kind: 'internal', ja: '通報サービスが起動していません(状態フォルダ {path})。express-report service で起動してください。', en: 'The reporting service is not running (state folder {path}). Start it with express-report service.' },

  // ---- input validation (settings)
  ER_3001: { kind: 'validation', ja: '{label}を入力してください(必須項目です)。', en: '{label} is required.' },
  ER_3002: { kind: 'validation', ja: '{label}は {max} 文字以内で入力してください(現在 {length} 文字)。', en: '{label} must be at most {max} characters (it has {length}).' },
  ER_3003: { kind: 'validation', ja: '{label}は {length} 桁の半角数字で入力してください。', en: '{label} must be exactly {length} half-width digits.' },
  ER_3004: { kind: 'validation', ja: '{label}は全角文字で入力してください(使用できない文字: 「{char}」)。', en: '{label} must be full-width characters (not allowed: "{char}").' },
  ER_3005: { kind: 'validation', ja: '{label}は半角カタカナで入力してください(使用できない文字: 「{char}」)。', en: '{label} must be half-width katakana (not allowed: "{char}").' },
  ER_3006: { kind: 'validation', ja: '{label}は半角数字で入力してください。', en: '{label} must be half-width digits.' },
  ER_3007: { kind: 'validation', ja: '{label}はメールアドレスの形式(例: sousin@foo.co.jp)で入力してください。', en: '{label} must be an e-mail address (for example sousin@foo.co.jp).' },
  ER_3008: { kind: 'validation', ja: '{label}はホスト名、FQDN、IPv4 または IPv6 アドレスで入力してください(例: smtp.foo.co.jp、192.168.0.100)。', en: '{label} must be a host name, FQDN, IPv4 or IPv6 address (for example smtp.foo.co.jp or 192.168.0.100).' },
  ER_3009: { kind: 'validation', ja: '{label}は 1~65535 のポート番号で入力してください。', en: '{label} must be a port number from 1 to 65535.' },
  ER_3010: { kind: 'validation', ja: '{label}は半角数字と記号(- + ( ))で入力してください(空白は使用できません。例: 0123-45-6789)。', en: '{label} must be half-width digits and the symbols - + ( ) with no spaces (for example 0123-45-6789).' },
  ER_3011: { kind: 'validation', ja: '{label}は 7 桁の半角数字で入力してください(例: 0123456)。', en: '{label} must be 7 half-width digits (for example 0123456).' },
  ER_3012: { kind: 'validation', ja: '{label}は {min}~{max} の整数で入力してください。', en: '{label} must be a whole number from {min} to {max}.' },
  ER_3013: { kind: 'validation', ja: '{label}には次のいずれかを指定してください: {choices}', en: '{label} must be one of: {choices}' },
  ER_3014: { kind: 'validation', ja: '{label}には on または off を指定してください。', en: '{label} must be on or off.' },
  ER_3015: { kind: 'validation', ja: '{label}は半角英数字と記号で入力してください(使用できない文字: 「{char}」)。', en: '{label} must be half-width letters, digits and symbols (not allowed: "{char}").' },
  ER_3016: { kind: 'validation', ja: '{label}は HH:MM-HH:MM の形式(例: 09:00-17:30、終日は 00:00-24:00、通報しない日は none)で入力してください。', en: '{label} must be HH:MM-HH:MM (for example 09:00-17:30; all day is 00:00-24:00; none for no reports that day).' },
  ER_3017: { kind: 'validation', ja: 'お客様属性が個人の場合、{label}は入力できません。', en: '{label} cannot be set for an individual customer.' },
  ER_3018: { kind: 'validation', ja: 'S/MIME は開局キーファイルで開局した場合だけ使用できます。', en: 'S/MIME can be used only after activation with a key file.' },
  ER_3019: { kind: 'validation', ja: 'エクスプレス通報サービスとエクスプレス通報サービス(HTTPS)は同時に有効にできません。{other}を無効にしてから有効にしてください。', en: 'Express Report Service and Express Report Service (HTTPS) cannot be enabled together. Disable {other} first.' },
  ER_3020: { kind: 'validation', ja: '{label}が平文で書かれています。パスワードは express-report config set または設定画面で設定してください。', en: '{label} is written in clear text. Set passwords with express-report config set or in the settings window.' },
  ER_3021: { kind: 'validation', ja: '{key} という設定はありません。express-report config list で一覧を確認してください。', en: 'There is no setting named {key}. See express-report config list.' },
  ER_3022: { kind: 'validation', ja: '{label}は YYYY-MM-DD の形式の日付で入力してください。', en: '{label} must be a date in the form YYYY-MM-DD.' },
  ER_3023: { kind: 'validation', ja: '{label}は {max} 件までです。', en: '{label} may hold at most {max} entries.' },
  ER_3024: { kind: 'validation', ja: '{label}には CRAM-MD5、LOGIN、PLAIN のうち 1 つ以上をカンマ区切りで指定してください(使用できない値: 「{value}」)。', en: '{label} must list one or more of CRAM-MD5, LOGIN, PLAIN, separated by commas (not allowed: "{value}").' },
  ER_3025: { kind: 'validation', ja: '{label}は 1 文字以上の空白以外の文字を含めてください。', en: '{label} must contain something other than spaces.' },
  ER_3026: { kind: 'validation', ja: '{label}は絶対パスで指定してください。', en: '{label} must be an absolute path.' },
  ER_3027: { kind: 'validation', ja: '{label}の値「{value}」は整数ではありません。', en: '{label}: "{value}" is not a whole number.' },
  ER_3028: { kind: 'validation', ja: '{label}は {min} 文字以上で入力してください。', en: '{label} must be at least {min} characters.' },
  ER_3029: { kind: 'validation', ja: '{label}に改行や制御文字は使用できません。', en: '{label} cannot contain line breaks or control characters.' },
  ER_3030: { kind: 'validation', ja: '{label}は{other}と異なる番号にしてください。', en: '{label} must differ from {other}.' },
  ER_3031: { kind: 'validation', ja: 'リトライ間隔はリトライ期限より短くしてください。', en: 'The retry interval must be shorter than the retry limit.' },
  ER_3032: { kind: 'validation', ja: '{path} の種類がわかりません。--kind adr|log|hbi を指定してください。', en: 'Cannot tell what kind of file {path} is: give --kind adr|log|hbi.' },
  ER_3033: { kind: 'validation', ja: 'config set には KEY VALUE の組(--stdin の場合は KEY を 1 つ)を指定してください。', en: 'config set takes KEY VALUE pairs (or one KEY with --stdin).' },
  ER_3034: { kind: 'validation', ja: 'コマンドの指定に誤りがあります: {reason}', en: 'The command line is not right: {reason}' },
  ER_3035: { kind: 'validation', ja: '{file} は{what}ではありません({reason})。', en: '{file} is not a valid {what} ({reason}).' },
  ER_3036: { kind: 'validation', ja: '{what}が壊れているか改変されています(署名が一致しません)。受付センターから受け取ったものをそのまま指定してください。', en: 'The {what} is damaged or has been altered (the signature does not match). Use it exactly as received from the reception center.' },
  ER_3037: { kind: 'validation', ja: '{what}は受付センターの署名ではありません(署名者「{signer}」の証明書は信頼された認証局から発行されていません)。', en: 'The {what} is not signed by the reception center (the signer "{signer}" was not issued by a trusted CA).' },
  ER_3038: { kind: 'validation', ja: '{what}の署名者の証明書は有効期間外です(有効期間 {from}~{to})。', en: 'The certificate that signed the {what} is not valid now (valid from {from} to {to}).' },
  ER_3039: { kind: 'validation', ja: '{what}の有効期限 {expiry} を過ぎています。受付センターに新しい{what}を依頼してください。', en: 'The {what} expired on {expiry}. Ask the reception center for a new one.' },
  ER_3040: { kind: 'validation', ja: '{what}の項目 {field} が正しくありません: {reason}', en: 'The {what} has an invalid {field}: {reason}' },
  ER_3041: { kind: 'validation', ja: 'この期限延長キーはユーザシステムコード {other} 用です(このサーバは {code})。', en: 'This extension key is for user system code {other}, not for this server ({code}).' },
  ER_3042: { kind: 'validation', ja: 'この期限延長キーの有効期限 {expiry} は現在の有効期限 {current} より後ではないため、期限は延長されません。', en: 'This extension key ends on {expiry}, which is not after the current expiry {current}, so it extends nothing.' },
  ER_3050: { kind: 'validation', ja: '開局キーファイルのサーバ名称({serverName})と OS のホスト名({hostName})が一致しません。続行すると OS のホスト名が登録されます。', en: 'The key file\'s server name ({serverName}) differs from the OS host name ({hostName}). If you continue, the OS host name is registered.' },
  ER_3051: { kind: 'validation', ja: 'サービスは開局していないため、この操作はできません。', en: 'The service is not activated, so this cannot be done.' },

  // ---- definition files (file:line is always given)
  ER_4001: { kind: 'definition', ja: 'セクション名 [{section}] は使用できません。[Tool001]~[Tool999] の 3 桁の番号で指定してください。', en: 'Section [{section}] is not allowed: use [Tool001] to [Tool999], a three-digit number.' },
  ER_4002: { kind: 'warning', ja: '未知のセクション [{section}] です(内容はそのまま保持されます)。', en: 'Unknown section [{section}] (kept as it is).' },
  ER_4003: { kind: 'definition', ja: '必須のセクション [{section}] がありません。', en: 'The required section [{section}] is missing.' },
  ER_4004: { kind: 'definition', ja: 'セクション [{section}] に必須のキー {key} がありません。', en: 'Section [{section}] lacks the required key {key}.' },
  ER_4005: { kind: 'definition', ja: 'URL は 500 文字以内で記載してください(現在 {length} 文字)。', en: 'The URL must be at most 500 characters (it has {length}).' },
  ER_4006: { kind: 'definition', ja: 'URL「{value}」は半角英数字と記号による https:// または http:// で始まる URL で記載してください。', en: 'The URL "{value}" must be an https:// or http:// URL of half-width letters, digits and symbols.' },
  ER_4007: { kind: 'definition', ja: 'イベント ID「{value}」は 0x で始まる 8 桁の 16 進数(32 ビットすべて。例: 0xC0040006)または * で記載してください。', en: 'Event ID "{value}" must be 0x followed by 8 hex digits (all 32 bits, for example 0xC0040006) or *.' },
  ER_4008: { kind: 'definition', ja: '{key} が空です。ソース名または * を記載してください。', en: '{key} is empty: give a source name or *.' },
  ER_4009: { kind: 'definition', ja: '{key} に対応する {pair} がありません。SourceNameXX と EventIDXX は同じ番号で対にしてください。', en: '{key} has no matching {pair}: SourceNameXX and EventIDXX go in pairs with the same number.' },
  ER_4010: { kind: 'definition', ja: 'キー {key} の番号は 01~99 の 2 桁で指定してください。', en: 'The number in {key} must be two digits from 01 to 99.' },
  ER_4011: { kind: 'definition', ja: '{key} は絶対パスで記載してください(「{value}」)。', en: '{key} must be an absolute path ("{value}").' },
  ER_4012: { kind: 'definition', ja: 'Command に引数は指定できません(「{value}」)。引数が必要な場合はバッチファイル等を作成して指定してください。パスに空白を含む場合は "" で囲んでください。', en: 'Command cannot take arguments ("{value}"). Put the arguments in a batch file or script and give its path; quote a path that contains spaces.' },
  ER_4013: { kind: 'definition', ja: 'Command にリダイレクトは指定できません(「{value}」)。必要な場合はバッチファイル等の中で指定してください。', en: 'Command cannot contain a redirection ("{value}"). Redirect inside a batch file or script instead.' },
  ER_4014: { kind: 'definition', ja: '{key} は 0 以上 {max} 以下の整数で記載してください(「{value}」)。', en: '{key} must be a whole number from 0 to {max} ("{value}").' },
  ER_4015: { kind: 'definition', ja: 'ScheduleType は every month または every week を記載してください(「{value}」)。', en: 'ScheduleType must be "every month" or "every week" ("{value}").' },
  ER_4016: { kind: 'definition', ja: 'ScheduleDay は {type} の場合 {min}~{max} で記載してください(「{value}」)。', en: 'ScheduleDay must be {min} to {max} for {type} ("{value}").' },
  ER_4017: { kind: 'definition', ja: 'ScheduleTime は HH:MM(時 0~23、分 0~59)で記載してください(「{value}」)。', en: 'ScheduleTime must be HH:MM (hours 0-23, minutes 0-59) ("{value}").' },
  ER_4018: { kind: 'definition', ja: 'この行を解釈できません: 「{value}」。[セクション]、キー=値、または ; で始まるコメントを記載してください。', en: 'This line cannot be understood: "{value}". Write a [section], a key=value pair or a comment starting with ;.' },
  ER_4019: { kind: 'definition', ja: 'セクション [{section}] が重複しています(最初は {first} 行目)。', en: 'Section [{section}] appears twice (first on line {first}).' },
  ER_4020: { kind: 'definition', ja: 'キー {key} が重複しています(最初は {first} 行目)。', en: 'Key {key} appears twice (first on line {first}).' },
  ER_4021: { kind: 'definition', ja: 'キー {key} がセクションの外にあります。', en: 'Key {key} is outside any section.' },
  ER_4022: { kind: 'definition', ja: '必須のファイル {path} がありません。', en: 'The required file {path} is missing.' },
  ER_4023: { kind: 'warning', ja: 'このファイルには {encoding} として正しくないバイトがあります。変更すると元のバイトは保持されません。', en: 'This file has bytes that are not valid {encoding}; they will not survive if the file is changed.' },
  ER_4024: { kind: 'definition', ja: '[{section}] に対象のイベント(SourceNameXX/EventIDXX)がありません。', en: '[{section}] names no event (SourceNameXX / EventIDXX).' },
  ER_4025: { kind: 'warning', ja: '未知のキー {key} です(内容はそのまま保持されます)。', en: 'Unknown key {key} (kept as it is).' },
  ER_4026: { kind: 'definition', ja: '{key} の値「{value}」は {label}として正しくありません: {reason}', en: '{key} = "{value}" is not a valid {label}: {reason}' },
  ER_4027: { kind: 'definition', ja: '{key} の引用符が閉じていません(「{value}」)。', en: '{key} has an unclosed quotation mark ("{value}").' },
  ER_4028: { kind: 'definition', ja: 'Command を指定する場合は Directory も指定してください。', en: 'A Command needs a Directory (the folder it runs in).' },
  ER_4029: { kind: 'definition', ja: '{key} の * はすべてのイベント ID を表します。他のイベント ID と並べて記載しないでください(「{value}」)。', en: 'In {key}, * already means every event ID: do not list it with other IDs ("{value}").' },
  ER_4030: { kind: 'definition', ja: '{key} の閉じた引用符の後に文字があります(「{value}」)。値全体を "..." で囲んでください。', en: '{key} has text after the closing quotation mark ("{value}"). Enclose the whole value in double quotes.' },

  // ---- confirmation
  ER_5001: { kind: 'confirmation', ja: '再開局すると、以前に設定した内容はすべて消去されます。よろしいですか?', en: 'Activating again erases every setting made before. Continue?' },

  // ---- information
  ER_6001: { kind: 'information', ja: '設定に誤りはありません({files} ファイル、{settings} 項目、{warnings} 件の警告)。', en: 'The settings are valid ({files} files, {settings} settings, {warnings} warning(s)).' },
  ER_6002: { kind: 'information', ja: '既定の設定を {path} に作成しました。', en: 'Wrote the default settings to {path}.' },
  ER_6003: { kind: 'information', ja: '{key} を設定しました。', en: '{key} has been set.' },
  ER_6004: { kind: 'information', ja: '開局しました(サーバ名称 {serverName}、状態 {state})。次はテスト通報です。', en: 'Activated (server name {serverName}, state {state}). Next: a test notification.' },
  ER_6010: { kind: 'information', ja: '通報サービスを開始しました(状態フォルダ {path})。', en: 'The reporting service started (state folder {path}).' },
  ER_6011: { kind: 'information', ja: '通報サービスを停止しました。', en: 'The reporting service stopped.' },
  ER_6012: { kind: 'information', ja: '変更された設定を適用しました({files})。', en: 'Applied the changed settings ({files}).' },
  ER_6013: { kind: 'information', ja: 'イベント {source} {id} を受け付けました。', en: 'Accepted event {source} {id}.' },
} as const satisfies Record<string, MessageDef>;

export type MessageCode = keyof typeof catalogue;
