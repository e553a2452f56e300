import { text } from '../../messages/text.js';
import { def, is, all } from '../define.js';

/** [HttpsManager] of routes.ini: Express (HTTPS) through a manager. */
const F = 'routes.ini' as const;
/** Express (HTTPS) through a manager (manual 4.2.2): the manager's address replaces the HTTPS destinations on the agent. */
const httpsViaManager = all(is('express.route', 'https'), is('https.via', 'manager'));

export const httpsManagerDefs = [
  def.text({
    key: 'https.manager.host',
    file: F,
    section: 'HttpsManager',
    name: 'Host',
    default: '',
    maxLength: 253,
    charClass: 'host',
    accessKey: 'I',
    requiredWhen: httpsViaManager,
    activeWhen: httpsViaManager,
    label: text('IPアドレス(またはホスト名)', 'IP address (or host name)'),
    guide: text(
      '経由するマネージャの IP アドレスまたはホスト名を入力して下さい。(例) hmanager.foo.co.jp、192.168.0.20',
      "Enter the manager's IP address or host name, e.g. hmanager.foo.co.jp or 192.168.0.20.",
    ),
  }),
  def.int({
    key: 'https.manager.port',
    file: F,
    section: 'HttpsManager',
    name: 'Port',
    default: 31138,
    min: 1,
    max: 65535,
    port: true,
    accessKey: 'N',
    activeWhen: httpsViaManager,
    label: text('ポート番号', 'Port'),
    guide: text(
      'マネージャとのソケット間通信に使うポート番号です(初期値 31138)。変更する場合はマネージャでも同一のポート番号を指定して下さい。',
      'The port for the manager (default 31138); if you change it, set the same port on the manager.',
    ),
  }),
  def.text({
    key: 'https.manager.secondary.host',
    file: F,
    section: 'HttpsManager',
    name: 'SecondaryHost',
    default: '',
    maxLength: 253,
    charClass: 'host',
    activeWhen: httpsViaManager,
    label: text('予備のマネージャ: IPアドレス(またはホスト名)', 'Secondary manager: IP address (or host name)'),
    guide: text(
      '主のマネージャが応答しないときに使う予備のマネージャです(省略可)。(例) hmanager2.foo.co.jp、192.168.0.21',
      'A second manager, used when the first does not answer (optional), e.g. hmanager2.foo.co.jp or 192.168.0.21.',
    ),
  }),
  def.int({
    key: 'https.manager.secondary.port',
    file: F,
    section: 'HttpsManager',
    name: 'SecondaryPort',
    default: 31138,
    min: 1,
    max: 65535,
    port: true,
    activeWhen: httpsViaManager,
    label: text('予備のマネージャ: ポート番号', 'Secondary manager: port'),
    guide: text('予備のマネージャと同じポート番号を指定して下さい(初期値 31138)。', "Use the secondary manager's port (default 31138)."),
  }),
] as const;
