import { text } from '../../messages/text.js';
import { def } from '../define.js';
import { either, mail, dialup } from './routes-conditions.js';

/** [Express] of routes.ini: the notification route, and S/MIME for the mail and dial-up routes. */
const F = 'routes.ini' as const;

export const expressRouteDefs = [
  // 通報手段: one key makes Express and Express (HTTPS) exclusive by construction.
  def.enum({
    key: 'express.route',
    file: F,
    section: 'Express',
    name: 'Route',
    default: 'off',
    choices: ['off', 'mail', 'dialup', 'manager', 'https'],
    choiceLabels: {
      off: text('無効', 'disabled'),
      mail: text('インターネットメール経由', 'via e-mail'),
      dialup: text('ダイヤルアップ経由', 'via dial-up'),
      manager: text('マネージャ経由', 'via the manager'),
      https: text('エクスプレス通報サービス(HTTPS)', 'Express Report Service (HTTPS)'),
    },
    label: text('通報手段', 'Notification route'),
    guide: text(
      '通報に使う手段を選択して下さい。エクスプレス通報サービスと(HTTPS)は同時に使用できません。',
      'Choose how reports are sent. Express and Express (HTTPS) cannot be used together.',
    ),
  }),
  def.bool({
    key: 'mail.smime',
    file: F,
    section: 'Express',
    name: 'SMIME',
    default: true,
    activeWhen: either(mail, dialup),
    label: text('S/MIME 有効', 'S/MIME enabled'),
    guide: text(
      'S/MIME 暗号化方式で送信します。開局キーファイルで開局した場合だけ使用できます。',
      'Encrypt reports with S/MIME (only after activation with a key file).',
    ),
  }),
] as const;
