import { text } from '../../messages/text.js';
import { def, isOn, all } from '../define.js';
import { either, mail, httpsDirect } from './routes-conditions.js';

/** [RemoteAccess] of routes.ini: dialling up to a provider before sending (mail and HTTPS). */
const F = 'routes.ini' as const;
const remote = all(either(mail, httpsDirect), isOn('remote.use'));

export const remoteAccessDefs = [
  def.bool({
    key: 'remote.use',
    file: F,
    section: 'RemoteAccess',
    name: 'Use',
    default: false,
    activeWhen: either(mail, httpsDirect),
    label: text('リモートアクセスサービスを利用する', 'Use remote access'),
    guide: text('プロバイダなどにダイヤルアップで接続してから送信する場合にチェックして下さい。', 'Check to dial up to a provider before sending.'),
  }),
  def.text({
    key: 'remote.entry',
    file: F,
    section: 'RemoteAccess',
    name: 'Entry',
    default: '',
    maxLength: 256,
    charClass: 'any',
    requiredWhen: remote,
    activeWhen: remote,
    label: text('使用するエントリ', 'Connection entry'),
    guide: text('ダイヤルアップで接続する接続先(接続名)を指定して下さい。', 'The dial-up connection to use (its name).'),
  }),
  def.text({
    key: 'remote.user',
    file: F,
    section: 'RemoteAccess',
    name: 'User',
    default: '',
    maxLength: 128,
    charClass: 'any',
    requiredWhen: remote,
    activeWhen: remote,
    label: text('ユーザー名', 'User name'),
    guide: text(
      '接続に使うユーザー名を設定して下さい。OS に保存されたものは使用しません。',
      'The user for the connection (the one saved in the OS is not used).',
    ),
  }),
  def.secret({
    key: 'remote.password',
    file: F,
    section: 'RemoteAccess',
    name: 'Password',
    maxLength: 128,
    requiredWhen: remote,
    activeWhen: remote,
    label: text('パスワード', 'Password'),
    guide: text(
      '接続に使うパスワードを設定して下さい。OS に保存されたものは使用しません。',
      'The password for the connection (the one saved in the OS is not used).',
    ),
  }),
] as const;
