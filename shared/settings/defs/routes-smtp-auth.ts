import { text } from '../../messages/text.js';
import { def, isOn, all } from '../define.js';
import { mail } from './routes-conditions.js';

/** [SmtpAuth] of routes.ini: SMTP authentication for the e-mail route. */
const F = 'routes.ini' as const;
const smtpAuth = all(mail, isOn('mail.auth.use'));

export const smtpAuthDefs = [
  def.bool({
    key: 'mail.auth.use',
    file: F,
    section: 'SmtpAuth',
    name: 'Use',
    default: false,
    activeWhen: mail,
    label: text('このサーバは SMTP 認証が必要', 'This server requires SMTP authentication'),
    guide: text('SMTP 認証が必要な場合にチェックして下さい。', 'Check when the SMTP server requires authentication.'),
  }),
  def.text({
    key: 'mail.auth.user',
    file: F,
    section: 'SmtpAuth',
    name: 'User',
    default: '',
    maxLength: 128,
    charClass: 'ascii',
    requiredWhen: smtpAuth,
    activeWhen: smtpAuth,
    label: text('SMTP 認証のアカウント名', 'SMTP account'),
    guide: text('SMTP 認証で使用するアカウント名を入力して下さい。', 'Enter the account for SMTP authentication.'),
  }),
  def.secret({
    key: 'mail.auth.password',
    file: F,
    section: 'SmtpAuth',
    name: 'Password',
    maxLength: 128,
    requiredWhen: smtpAuth,
    activeWhen: smtpAuth,
    label: text('SMTP 認証のパスワード', 'SMTP password'),
    guide: text('SMTP 認証で使用するパスワードを入力して下さい。', 'Enter the password for SMTP authentication.'),
  }),
  def.list({
    key: 'mail.auth.methods',
    file: F,
    section: 'SmtpAuth',
    name: 'Methods',
    default: ['CRAM-MD5', 'LOGIN', 'PLAIN'],
    choices: ['CRAM-MD5', 'LOGIN', 'PLAIN'],
    requiredWhen: smtpAuth,
    activeWhen: smtpAuth,
    label: text('認証方式', 'Authentication methods'),
    guide: text(
      '使用する認証方式をチェックして下さい。複数チェックされた場合は CRAM-MD5、LOGIN、PLAIN の順に認証を行います。',
      'Check the methods to use; with several, CRAM-MD5, then LOGIN, then PLAIN is tried.',
    ),
  }),
] as const;
