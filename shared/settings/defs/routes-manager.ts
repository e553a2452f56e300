import { text } from '../../messages/text.js';
import { def, is } from '../define.js';
import { hostGuide } from './routes-host-guide.js';

/** [Manager] of routes.ini: Express through a manager (マネージャ経由). */
const F = 'routes.ini' as const;
const toManager = is('express.route', 'manager');

export const managerDefs = [
  def.text({
    key: 'manager.host',
    file: F,
    section: 'Manager',
    name: 'Host',
    default: '',
    maxLength: 253,
    charClass: 'host',
    // The manual's letters in エクスプレス通報サービス(マネージャ経由)の設定: IPアドレス(またはホスト名)(I), ポート番号(N).
    accessKey: 'I',
    requiredWhen: is('express.route', 'manager'),
    activeWhen: is('express.route', 'manager'),
    label: text('マネージャの IP アドレスまたはホスト名', 'Manager address'),
    guide: hostGuide('マネージャ', 'manager', 'manager.foo.co.jp', '192.168.0.10'),
  }),
  def.int({
    key: 'manager.port',
    file: F,
    section: 'Manager',
    name: 'Port',
    default: 31136,
    min: 1,
    max: 65535,
    port: true,
    accessKey: 'N',
    activeWhen: is('express.route', 'manager'),
    label: text('ポート番号', 'Port'),
    guide: text('マネージャと同じポート番号を指定して下さい(初期値 31136、HTTPS の場合 31138)。', "Use the manager's port (default 31136; 31138 for HTTPS)."),
  }),
  // 予備のマネージャ (beyond the original): tried when the primary does not answer (docs/delivery.md, "Via a manager").
  def.text({
    key: 'manager.secondary.host',
    file: F,
    section: 'Manager',
    name: 'SecondaryHost',
    default: '',
    maxLength: 253,
    charClass: 'host',
    activeWhen: toManager,
    label: text('予備のマネージャ: IPアドレス(またはホスト名)', 'Secondary manager: IP address (or host name)'),
    guide: text(
      '主のマネージャが応答しないときに使う予備のマネージャです(省略可)。(例) manager2.foo.co.jp、192.168.0.11',
      'A second manager, used when the first does not answer (optional), e.g. manager2.foo.co.jp or 192.168.0.11.',
    ),
  }),
  def.int({
    key: 'manager.secondary.port',
    file: F,
    section: 'Manager',
    name: 'SecondaryPort',
    default: 31136,
    min: 1,
    max: 65535,
    port: true,
    activeWhen: toManager,
    label: text('予備のマネージャ: ポート番号', 'Secondary manager: port'),
    guide: text('予備のマネージャと同じポート番号を指定して下さい(初期値 31136)。', "Use the secondary manager's port (default 31136)."),
  }),
] as const;
