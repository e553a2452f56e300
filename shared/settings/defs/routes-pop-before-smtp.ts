import { text } from '../../messages/text.js';
import { def, isOn, all } from '../define.js';
import { mail } from './routes-conditions.js';
import { hostGuide } from './routes-host-guide.js';

/** [PopBeforeSmtp] of routes.ini: POP before SMTP for the e-mail route. */
const F = 'routes.ini' as const;
const pop = all(mail, isOn('mail.pop.use'));

export const popBeforeSmtpDefs = [
  def.bool({
    key: 'mail.pop.use',
    file: F,
    section: 'PopBeforeSmtp',
    name: 'Use',
    default: false,
    activeWhen: mail,
    label: text('このサーバは POP Before SMTP が必要', 'This server requires POP before SMTP'),
    guide: text('POP Before SMTP が必要な場合にチェックして下さい。', 'Check when the SMTP server requires POP before SMTP.'),
  }),
  def.text({
    key: 'mail.pop.host',
    file: F,
    section: 'PopBeforeSmtp',
    name: 'Host',
    default: '',
    maxLength: 253,
    charClass: 'host',
    requiredWhen: pop,
    activeWhen: pop,
    label: text('メールサーバ(POP)', 'Mail server (POP)'),
    guide: hostGuide('POP サーバ', 'POP server', 'pop.foo.co.jp', '192.168.0.101'),
  }),
  def.int({
    key: 'mail.pop.port',
    file: F,
    section: 'PopBeforeSmtp',
    name: 'Port',
    default: 110,
    min: 1,
    max: 65535,
    port: true,
    requiredWhen: pop,
    activeWhen: pop,
    label: text('POP ポート番号', 'POP port'),
    guide: text('POP サーバのポート番号です(初期値 110)。問題がなければ変更の必要はありません。', "The POP server's port (default 110); normally leave it."),
  }),
  def.text({
    key: 'mail.pop.user',
    file: F,
    section: 'PopBeforeSmtp',
    name: 'User',
    default: '',
    maxLength: 128,
    charClass: 'ascii',
    requiredWhen: pop,
    activeWhen: pop,
    label: text('POP のアカウント名', 'POP account'),
    guide: text('POP サーバとの接続に使用するアカウント名を入力して下さい。', 'Enter the account for the POP server.'),
  }),
  def.secret({
    key: 'mail.pop.password',
    file: F,
    section: 'PopBeforeSmtp',
    name: 'Password',
    maxLength: 128,
    requiredWhen: pop,
    activeWhen: pop,
    label: text('POP のパスワード', 'POP password'),
    guide: text('POP サーバとの接続に使用するパスワードを入力して下さい。', 'Enter the password for the POP server.'),
  }),
  def.int({
    key: 'mail.pop.waitMs',
    file: F,
    section: 'PopBeforeSmtp',
    name: 'WaitMs',
    default: 1000,
    min: 0,
    max: 600000,
    activeWhen: pop,
    unit: text('ミリ秒', 'ms'),
    label: text('待ち時間', 'Wait time'),
    guide: text(
      'POP サーバに接続後、SMTP サーバに接続するまでの待ち時間(ミリ秒)です。',
      'How long to wait between the POP login and the SMTP connection (ms).',
    ),
  }),
] as const;
