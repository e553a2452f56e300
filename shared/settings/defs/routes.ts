import { text } from '../../messages/text.js';
import { def, is, isOn, all } from '../define.js';

/** routes.ini: the notification method and each route's settings (docs/design.md section 8.2). */
const F = 'routes.ini' as const;
const mail = is('express.route', 'mail');
const dialup = is('express.route', 'dialup');
const smtpAuth = all(mail, isOn('mail.auth.use'));
const pop = all(mail, isOn('mail.pop.use'));
const proxy = all(is('express.route', 'https'), isOn('https.proxy.use'));
const remote = all(is('express.route', 'mail', 'https'), isOn('remote.use'));
/** A host field's guide; each server has an example of its own (a proxy's example must not look like an SMTP server). */
const host = (what: string, en: string, name: string, ip: string) =>
  text(`${what}のホスト名またはIPアドレスを入力して下さい。(例) ${name}、${ip}`, `Enter the ${en}'s host name or IP address, e.g. ${name} or ${ip}.`);

export const routeDefs = [
  // 通報手段: one key makes Express and Express (HTTPS) exclusive by construction.
  def.enum({
    key: 'express.route', file: F, section: 'Express', name: 'Route', default: 'off', choices: ['off', 'mail', 'dialup', 'manager', 'https'],
    choiceLabels: {
      off: text('無効', 'disabled'), mail: text('インターネットメール経由', 'via e-mail'), dialup: text('ダイヤルアップ経由', 'via dial-up'),
      manager: text('マネージャ経由', 'via the manager'), https: text('エクスプレス通報サービス(HTTPS)', 'Express Report Service (HTTPS)'),
    },
    label: text('通報手段', 'Notification route'),
    guide: text('通報に使う手段を選択して下さい。エクスプレス通報サービスと(HTTPS)は同時に使用できません。', 'Choose how reports are sent. Express and Express (HTTPS) cannot be used together.'),
  }),
  def.bool({
    key: 'mail.smime', file: F, section: 'Express', name: 'SMIME', default: true, activeWhen: is('express.route', 'mail', 'dialup'),
    label: text('S/MIME 有効', 'S/MIME enabled'),
    guide: text('S/MIME 暗号化方式で送信します。開局キーファイルで開局した場合だけ使用できます。', 'Encrypt reports with S/MIME (only after activation with a key file).'),
  }),

  // インターネットメール経由
  def.text({
    key: 'mail.smtp.host', file: F, section: 'Mail', name: 'SmtpHost', default: '', maxLength: 253, charClass: 'host',
    requiredWhen: mail, activeWhen: mail, label: text('メールサーバ(SMTP)', 'Mail server (SMTP)'), guide: host('SMTP が動作しているメールサーバ', 'SMTP server', 'smtp.foo.co.jp', '192.168.0.100'),
  }),
  def.int({
    key: 'mail.smtp.port', file: F, section: 'Mail', name: 'SmtpPort', default: 25, min: 1, max: 65535, port: true, requiredWhen: mail, activeWhen: mail,
    label: text('SMTP ポート番号', 'SMTP port'), guide: text('SMTP サーバのポート番号を入力して下さい(初期値 25)。', 'Enter the SMTP server\'s port (default 25).'),
  }),
  def.enum({
    key: 'mail.smtp.security', file: F, section: 'Mail', name: 'Security', default: 'none', choices: ['none', 'starttls', 'tls'], activeWhen: mail,
    choiceLabels: { none: text('なし', 'none'), starttls: text('STARTTLS', 'STARTTLS'), tls: text('SSL/TLS', 'SSL/TLS') },
    label: text('暗号化', 'Encryption'), guide: text('メールサーバとの通信の暗号化方式を選択して下さい。', 'Choose how the connection to the mail server is encrypted.'),
  }),
  def.text({
    key: 'mail.sender', file: F, section: 'Mail', name: 'Sender', default: '', maxLength: 254, charClass: 'email', requiredWhen: mail, activeWhen: mail,
    label: text('送信者メールアドレス', 'Sender address'),
    guide: text('自分(送信者)のメールボックスの電子メールアドレスを入力して下さい。(例) sousin@foo.co.jp', 'Enter your (the sender\'s) e-mail address, e.g. sousin@foo.co.jp.'),
  }),
  def.text({
    key: 'mail.to', file: F, section: 'Mail', name: 'To', default: '', maxLength: 254, charClass: 'email', requiredWhen: mail, activeWhen: mail,
    label: text('宛先', 'Destination'), guide: text('宛先は開局時に自動的に設定されます。通常は変更しないで下さい。', 'Set automatically by activation; normally leave it as it is.'),
  }),
  def.enum({
    key: 'mail.encoding', file: F, section: 'Mail', name: 'Encoding', default: 'uuencode', choices: ['uuencode', 'base64'], activeWhen: mail,
    label: text('エンコード方式', 'Encoding'), guide: text('添付ファイルのエンコード方式を選択して下さい(初期値 uuencode)。', 'Choose the attachment encoding (default uuencode).'),
  }),
  def.int({
    key: 'mail.timeoutSeconds', file: F, section: 'Mail', name: 'TimeoutSeconds', default: 60, min: 60, max: 3600, activeWhen: mail,
    unit: text('秒', 's'), label: text('タイムアウト時間', 'Timeout'), guide: text('メールサーバとの通信のタイムアウト時間(60~3600秒)です。', 'Timeout for the mail server (60-3600 s).'),
  }),
  def.bool({
    key: 'mail.auth.use', file: F, section: 'SmtpAuth', name: 'Use', default: false, activeWhen: mail,
    label: text('このサーバは SMTP 認証が必要', 'This server requires SMTP authentication'), guide: text('SMTP 認証が必要な場合にチェックして下さい。', 'Check when the SMTP server requires authentication.'),
  }),
  def.text({
    key: 'mail.auth.user', file: F, section: 'SmtpAuth', name: 'User', default: '', maxLength: 128, charClass: 'ascii', requiredWhen: smtpAuth, activeWhen: smtpAuth,
    label: text('SMTP 認証のアカウント名', 'SMTP account'), guide: text('SMTP 認証で使用するアカウント名を入力して下さい。', 'Enter the account for SMTP authentication.'),
  }),
  def.secret({
    key: 'mail.auth.password', file: F, section: 'SmtpAuth', name: 'Password', maxLength: 128, requiredWhen: smtpAuth, activeWhen: smtpAuth,
    label: text('SMTP 認証のパスワード', 'SMTP password'), guide: text('SMTP 認証で使用するパスワードを入力して下さい。', 'Enter the password for SMTP authentication.'),
  }),
  def.list({
    key: 'mail.auth.methods', file: F, section: 'SmtpAuth', name: 'Methods', default: ['CRAM-MD5', 'LOGIN', 'PLAIN'], choices: ['CRAM-MD5', 'LOGIN', 'PLAIN'],
    requiredWhen: smtpAuth, activeWhen: smtpAuth, label: text('認証方式', 'Authentication methods'),
    guide: text('使用する認証方式をチェックして下さい。複数チェックされた場合は CRAM-MD5、LOGIN、PLAIN の順に認証を行います。', 'Check the methods to use; with several, CRAM-MD5, then LOGIN, then PLAIN is tried.'),
  }),
  def.bool({
    key: 'mail.pop.use', file: F, section: 'PopBeforeSmtp', name: 'Use', default: false, activeWhen: mail,
    label: text('このサーバは POP Before SMTP が必要', 'This server requires POP before SMTP'), guide: text('POP Before SMTP が必要な場合にチェックして下さい。', 'Check when the SMTP server requires POP before SMTP.'),
  }),
  def.text({
    key: 'mail.pop.host', file: F, section: 'PopBeforeSmtp', name: 'Host', default: '', maxLength: 253, charClass: 'host', requiredWhen: pop, activeWhen: pop,
    label: text('メールサーバ(POP)', 'Mail server (POP)'), guide: host('POP サーバ', 'POP server', 'pop.foo.co.jp', '192.168.0.101'),
  }),
  def.int({
    key: 'mail.pop.port', file: F, section: 'PopBeforeSmtp', name: 'Port', default: 110, min: 1, max: 65535, port: true, requiredWhen: pop, activeWhen: pop,
    label: text('POP ポート番号', 'POP port'), guide: text('POP サーバのポート番号です(初期値 110)。問題がなければ変更の必要はありません。', 'The POP server\'s port (default 110); normally leave it.'),
  }),
  def.text({
    key: 'mail.pop.user', file: F, section: 'PopBeforeSmtp', name: 'User', default: '', maxLength: 128, charClass: 'ascii', requiredWhen: pop, activeWhen: pop,
    label: text('POP のアカウント名', 'POP account'), guide: text('POP サーバとの接続に使用するアカウント名を入力して下さい。', 'Enter the account for the POP server.'),
  }),
  def.secret({
    key: 'mail.pop.password', file: F, section: 'PopBeforeSmtp', name: 'Password', maxLength: 128, requiredWhen: pop, activeWhen: pop,
    label: text('POP のパスワード', 'POP password'), guide: text('POP サーバとの接続に使用するパスワードを入力して下さい。', 'Enter the password for the POP server.'),
  }),
  def.int({
    key: 'mail.pop.waitMs', file: F, section: 'PopBeforeSmtp', name: 'WaitMs', default: 1000, min: 0, max: 600000, activeWhen: pop, unit: text('ミリ秒', 'ms'),
    label: text('待ち時間', 'Wait time'), guide: text('POP サーバに接続後、SMTP サーバに接続するまでの待ち時間(ミリ秒)です。', 'How long to wait between the POP login and the SMTP connection (ms).'),
  }),

  // ダイヤルアップ経由
  def.enum({
    key: 'dialup.method', file: F, section: 'Dialup', name: 'Method', default: 'serial', choices: ['serial', 'server-management-port', 'management-port'], activeWhen: dialup,
    choiceLabels: { serial: text('シリアルポート', 'serial port'), 'server-management-port': text('サーバ管理ポート', 'server management port'), 'management-port': text('マネージメントポート', 'management port (BMC)') },
    label: text('通報方法', 'Dial-up method'), guide: text('モデムを接続したポートの種類を選択して下さい。', 'Choose where the modem is connected.'),
  }),
  def.text({
    key: 'dialup.primary.number', file: F, section: 'Dialup', name: 'PrimaryNumber', default: '', maxLength: 32, charClass: 'dial', requiredWhen: dialup, activeWhen: dialup,
    label: text('一次通報先電話番号', 'Primary number'), guide: text('一次通報先の電話番号を入力して下さい。(例) 123-456-7890', 'Enter the primary phone number, e.g. 123-456-7890.'),
  }),
  def.text({
    key: 'dialup.primary.comment', file: F, section: 'Dialup', name: 'PrimaryComment', default: '', maxLength: 40, charClass: 'any', activeWhen: dialup,
    label: text('一次通報先コメント', 'Primary comment'), guide: text('一次通報先のコメントです。', 'A comment for the primary number.'),
  }),
  def.text({
    key: 'dialup.secondary.number', file: F, section: 'Dialup', name: 'SecondaryNumber', default: '', maxLength: 32, charClass: 'dial', activeWhen: dialup,
    label: text('二次通報先電話番号', 'Secondary number'), guide: text('二次通報先の電話番号を入力して下さい(省略可)。', 'Enter the secondary phone number (optional).'),
  }),
  def.text({
    key: 'dialup.secondary.comment', file: F, section: 'Dialup', name: 'SecondaryComment', default: '', maxLength: 40, charClass: 'any', activeWhen: dialup,
    label: text('二次通報先コメント', 'Secondary comment'), guide: text('二次通報先のコメントです。', 'A comment for the secondary number.'),
  }),
  def.text({
    key: 'dialup.serial.port', file: F, section: 'Dialup', name: 'SerialPort', default: '', maxLength: 128, charClass: 'ascii',
    requiredWhen: all(dialup, is('dialup.method', 'serial')), activeWhen: all(dialup, is('dialup.method', 'serial')),
    label: text('シリアルポート', 'Serial port'), guide: text('モデムを接続したシリアルポートを入力して下さい。(例) COM1、/dev/ttyS0', 'Enter the modem\'s serial port, e.g. COM1 or /dev/ttyS0.'),
  }),
  def.bool({
    key: 'dialup.serial.shareWithRemote', file: F, section: 'Dialup', name: 'ShareWithRemoteAccess', default: false, activeWhen: dialup,
    label: text('リモートアクセスサービスとポートを共有する', 'Share the port with remote access'), guide: text('リモートアクセスサービスと同じポートを使う場合にチェックして下さい。', 'Check when remote access uses the same port.'),
  }),
  def.int({
    key: 'dialup.intervalSeconds', file: F, section: 'Dialup', name: 'IntervalSeconds', default: 60, min: 0, max: 3600, activeWhen: dialup, unit: text('秒', 's'),
    label: text('ダイヤルアップ間隔', 'Dial-up interval'), guide: text('ダイヤルアップの間隔(秒、初期値 60)です。', 'Seconds between dial attempts (default 60).'),
  }),
  def.enum({
    key: 'dialup.mode', file: F, section: 'Dialup', name: 'DialMode', default: 'tone', choices: ['tone', 'pulse'], activeWhen: dialup,
    choiceLabels: { tone: text('トーン', 'tone'), pulse: text('パルス', 'pulse') },
    label: text('ダイヤル方法', 'Dial mode'), guide: text('回線のダイヤル方法(パルス/トーン)を選択して下さい。', 'Choose pulse or tone dialling.'),
  }),
  def.bool({
    key: 'dialup.zeroDial', file: F, section: 'Dialup', name: 'ZeroDial', default: false, activeWhen: dialup,
    label: text('0発信', 'Dial 0 first'), guide: text('0発信の回線の場合にチェックして下さい(番号の前に 0, を付けます)。', 'Check for a line that needs 0 first (the number is prefixed with "0,").'),
  }),

  // マネージャ経由
  def.text({
    key: 'manager.host', file: F, section: 'Manager', name: 'Host', default: '', maxLength: 253, charClass: 'host',
    requiredWhen: is('express.route', 'manager'), activeWhen: is('express.route', 'manager'),
    label: text('マネージャの IP アドレスまたはホスト名', 'Manager address'), guide: host('マネージャ', 'manager', 'manager.foo.co.jp', '192.168.0.10'),
  }),
  def.int({
    key: 'manager.port', file: F, section: 'Manager', name: 'Port', default: 31136, min: 1, max: 65535, port: true, activeWhen: is('express.route', 'manager'),
    label: text('ポート番号', 'Port'), guide: text('マネージャと同じポート番号を指定して下さい(初期値 31136、HTTPS の場合 31138)。', 'Use the manager\'s port (default 31136; 31138 for HTTPS).'),
  }),

  // HTTPS 経由
  def.bool({
    key: 'https.proxy.use', file: F, section: 'Https', name: 'ProxyUse', default: false, activeWhen: is('express.route', 'https'),
    label: text('指定したプロキシサーバを使用する', 'Use this proxy server'), guide: text('プロキシサーバを使用する場合にチェックして下さい(自動構成スクリプト、自動検出は使用できません)。', 'Check to use a proxy (no auto-config script, no auto-detection).'),
  }),
  def.text({
    key: 'https.proxy.host', file: F, section: 'Https', name: 'ProxyHost', default: '', maxLength: 253, charClass: 'host', requiredWhen: proxy, activeWhen: proxy,
    label: text('プロキシサーバのアドレス', 'Proxy address'), guide: host('プロキシサーバ', 'proxy server', 'proxy.foo.co.jp', '192.168.0.1'),
  }),
  def.int({
    key: 'https.proxy.port', file: F, section: 'Https', name: 'ProxyPort', default: 8080, min: 1, max: 65535, port: true, requiredWhen: proxy, activeWhen: proxy,
    label: text('プロキシサーバのポート', 'Proxy port'), guide: text('プロキシサーバのポート番号を入力して下さい。', 'Enter the proxy\'s port.'),
  }),
  def.text({
    key: 'https.proxy.user', file: F, section: 'Https', name: 'ProxyUser', default: '', maxLength: 128, charClass: 'ascii', activeWhen: proxy,
    label: text('プロキシのユーザー名', 'Proxy user'), guide: text('プロキシの認証(Basic 認証)に使うユーザー名を入力して下さい。', 'The user for the proxy\'s Basic authentication.'),
  }),
  def.secret({
    key: 'https.proxy.password', file: F, section: 'Https', name: 'ProxyPassword', maxLength: 128, activeWhen: proxy,
    label: text('プロキシのパスワード', 'Proxy password'), guide: text('プロキシの認証(Basic 認証)に使うパスワードを入力して下さい。', 'The password for the proxy\'s Basic authentication.'),
  }),
  def.text({
    key: 'https.caFile', file: F, section: 'Https', name: 'CaFile', default: '', maxLength: 1024, charClass: 'absolute-path', activeWhen: is('express.route', 'https'),
    label: text('追加の CA 証明書ファイル', 'Extra CA bundle'), guide: text('通報先の証明書の検証に追加で使う CA 証明書(PEM)の絶対パスです(省略可)。', 'Absolute path of extra CA certificates (PEM) trusted for the center (optional).'),
  }),
  def.int({
    key: 'https.timeoutSeconds', file: F, section: 'Https', name: 'TimeoutSeconds', default: 60, min: 10, max: 3600, activeWhen: is('express.route', 'https'), unit: text('秒', 's'),
    label: text('タイムアウト時間', 'Timeout'), guide: text('通報先との通信のタイムアウト時間(10~3600秒)です。', 'Timeout for the center (10-3600 s).'),
  }),

  // リモートアクセスサービスの利用 (mail and HTTPS)
  def.bool({
    key: 'remote.use', file: F, section: 'RemoteAccess', name: 'Use', default: false, activeWhen: is('express.route', 'mail', 'https'),
    label: text('リモートアクセスサービスを利用する', 'Use remote access'), guide: text('プロバイダなどにダイヤルアップで接続してから送信する場合にチェックして下さい。', 'Check to dial up to a provider before sending.'),
  }),
  def.text({
    key: 'remote.entry', file: F, section: 'RemoteAccess', name: 'Entry', default: '', maxLength: 256, charClass: 'any', requiredWhen: remote, activeWhen: remote,
    label: text('使用するエントリ', 'Connection entry'), guide: text('ダイヤルアップで接続する接続先(接続名)を指定して下さい。', 'The dial-up connection to use (its name).'),
  }),
  def.text({
    key: 'remote.user', file: F, section: 'RemoteAccess', name: 'User', default: '', maxLength: 128, charClass: 'any', requiredWhen: remote, activeWhen: remote,
    label: text('ユーザー名', 'User name'), guide: text('接続に使うユーザー名を設定して下さい。OS に保存されたものは使用しません。', 'The user for the connection (the one saved in the OS is not used).'),
  }),
  def.secret({
    key: 'remote.password', file: F, section: 'RemoteAccess', name: 'Password', maxLength: 128, requiredWhen: remote, activeWhen: remote,
    label: text('パスワード', 'Password'), guide: text('接続に使うパスワードを設定して下さい。OS に保存されたものは使用しません。', 'The password for the connection (the one saved in the OS is not used).'),
  }),

  // 通報の抑制: "do not change the defaults unless the maintenance company says so".
  def.bool({
    key: 'suppression.use', file: F, section: 'Suppression', name: 'Use', default: true,
    label: text('通報の抑制', 'Report suppression'), guide: text('保守サービス会社からの指示がある場合を除いて、既定値を変更しないで下さい。', 'Do not change the defaults unless the maintenance company says so.'),
  }),
  def.int({
    key: 'suppression.windowMinutes', file: F, section: 'Suppression', name: 'WindowMinutes', default: 60, min: 1, max: 1440, activeWhen: isOn('suppression.use'), unit: text('分', 'min'),
    label: text('抑制時間', 'Suppression window'), guide: text('同じイベントをまとめる時間(分)です。保守サービス会社からの指示がある場合を除いて、既定値を変更しないで下さい。', 'Identical events within this many minutes fold into one report. Do not change unless told to.'),
  }),

  // マネージャ側: relay of agents' reports
  def.bool({
    key: 'relay.express.enabled', file: F, section: 'Relay', name: 'ExpressEnabled', default: false,
    label: text('マネージャからのエクスプレス通報', 'Express relay (manager)'), guide: text('エージェントからの通報をメールまたはモデムで転送します。', 'Relay agents\' reports over e-mail or modem.'),
  }),
  def.int({
    key: 'relay.express.port', file: F, section: 'Relay', name: 'ExpressPort', default: 31136, min: 1, max: 65535, port: true, activeWhen: isOn('relay.express.enabled'),
    label: text('受信ポート番号', 'Receive port'), guide: text('エージェントからの通報を受信するポート番号です(初期値 31136)。', 'The port that receives agents\' reports (default 31136).'),
  }),
  def.enum({
    key: 'relay.express.forward', file: F, section: 'Relay', name: 'ExpressForward', default: 'mail', choices: ['mail', 'dialup'], activeWhen: isOn('relay.express.enabled'),
    choiceLabels: { mail: text('インターネットメール経由', 'via e-mail'), dialup: text('ダイヤルアップ経由', 'via dial-up') },
    label: text('転送手段', 'Forwarding route'), guide: text('エージェントからの通報を転送する手段です。', 'How agents\' reports are forwarded.'),
  }),
  def.bool({
    key: 'relay.https.enabled', file: F, section: 'Relay', name: 'HttpsEnabled', default: false,
    label: text('マネージャからのエクスプレス通報(HTTPS)', 'Express relay (manager, HTTPS)'), guide: text('エージェントからの通報を HTTPS で転送します。', 'Relay agents\' reports over HTTPS.'),
  }),
  def.int({
    key: 'relay.https.port', file: F, section: 'Relay', name: 'HttpsPort', default: 31138, min: 1, max: 65535, port: true, activeWhen: isOn('relay.https.enabled'),
    label: text('受信ポート番号(HTTPS)', 'Receive port (HTTPS)'), guide: text('エージェントからの通報を受信するポート番号です(初期値 31138)。', 'The port that receives agents\' reports (default 31138).'),
  }),
] as const;
