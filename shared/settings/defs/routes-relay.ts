import { text } from '../../messages/text.js';
import { def, isOn } from '../define.js';

/** [Relay] of routes.ini, manager side: relaying agents' reports and the ports they arrive on. */
const F = 'routes.ini' as const;

export const relayDefs = [
  def.bool({
    key: 'relay.express.enabled',
    file: F,
    section: 'Relay',
    name: 'ExpressEnabled',
    default: false,
    label: text('マネージャからのエクスプレス通報', 'Express relay (manager)'),
    guide: text('エージェントからの通報をメールまたはモデムで転送します。', "Relay agents' reports over e-mail or modem."),
  }),
  def.int({
    key: 'relay.express.port',
    file: F,
    section: 'Relay',
    name: 'ExpressPort',
    default: 31136,
    min: 1,
    max: 65535,
    port: true,
    activeWhen: isOn('relay.express.enabled'),
    label: text('受信ポート番号', 'Receive port'),
    guide: text('エージェントからの通報を受信するポート番号です(初期値 31136)。', "The port that receives agents' reports (default 31136)."),
  }),
  def.enum({
    key: 'relay.express.forward',
    file: F,
    section: 'Relay',
    name: 'ExpressForward',
    default: 'mail',
    choices: ['mail', 'dialup'],
    activeWhen: isOn('relay.express.enabled'),
    choiceLabels: { mail: text('インターネットメール経由', 'via e-mail'), dialup: text('ダイヤルアップ経由', 'via dial-up') },
    label: text('転送手段', 'Forwarding route'),
    guide: text('エージェントからの通報を転送する手段です。', "How agents' reports are forwarded."),
  }),
  def.bool({
    key: 'relay.https.enabled',
    file: F,
    section: 'Relay',
    name: 'HttpsEnabled',
    default: false,
    label: text('マネージャからのエクスプレス通報(HTTPS)', 'Express relay (manager, HTTPS)'),
    guide: text('エージェントからの通報を HTTPS で転送します。', "Relay agents' reports over HTTPS."),
  }),
  def.int({
    key: 'relay.https.port',
    file: F,
    section: 'Relay',
    name: 'HttpsPort',
    default: 31138,
    min: 1,
    max: 65535,
    port: true,
    activeWhen: isOn('relay.https.enabled'),
    label: text('受信ポート番号(HTTPS)', 'Receive port (HTTPS)'),
    guide: text('エージェントからの通報を受信するポート番号です(初期値 31138)。', "The port that receives agents' reports (default 31138)."),
  }),
] as const;
