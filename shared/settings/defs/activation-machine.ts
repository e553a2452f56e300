import { text } from '../../messages/text.js';
import { def, type Condition } from '../define.js';

/** [Machine] of activation.ini: this server (本機に関する情報). */
const F = 'activation.ini' as const;
const activated: Condition = (s) => s.get('activation.method') !== 'none';

export const machineDefs = [
  def.text({
    key: 'machine.serverName',
    file: F,
    section: 'Machine',
    name: 'ServerName',
    default: '',
    maxLength: 20,
    charClass: 'any',
    accessKey: 'R',
    requiredWhen: activated,
    label: text('サーバ名称', 'Server name'),
    guide: text('お客様が付けたいサーバ名称(20文字以内)を入力して下さい。', 'Enter the name you want for this server (at most 20 characters).'),
  }),
  def.text({
    key: 'machine.deviceCode',
    file: F,
    section: 'Machine',
    name: 'DeviceCode',
    default: '',
    maxLength: 20,
    charClass: 'ascii',
    accessKey: 'H',
    requiredWhen: activated,
    label: text('装置コード', 'Device code'),
    guide: text(
      '装置コードを一覧から選択して下さい。一覧に無い場合は入力して下さい。(例) N8100-XXX',
      'Choose the device code from the list, or type it if it is not listed (e.g. N8100-XXX).',
    ),
  }),
  def.text({
    key: 'machine.serialNumber',
    file: F,
    section: 'Machine',
    name: 'SerialNumber',
    default: '',
    maxLength: 16,
    charClass: 'ascii',
    accessKey: 'U',
    requiredWhen: activated,
    label: text('製造番号', 'Serial number'),
    guide: text('本体装置の製造番号を入力して下さい。', 'Enter the serial number of the server.'),
  }),
  def.text({
    key: 'machine.warrantyNumber',
    file: F,
    section: 'Machine',
    name: 'WarrantyNumber',
    default: '',
    maxLength: 16,
    charClass: 'ascii',
    accessKey: 'G',
    requiredWhen: activated,
    label: text('保証書番号', 'Warranty number'),
    guide: text('本体装置の保証書番号を入力して下さい。', 'Enter the warranty number of the server.'),
  }),
  def.text({
    key: 'machine.comment',
    file: F,
    section: 'Machine',
    name: 'Comment',
    default: '',
    maxLength: 60,
    charClass: 'any',
    accessKey: 'C',
    label: text('コメント', 'Comment'),
    guide: text('必要であればコメントを入力して下さい(60文字以内)。', 'An optional comment (at most 60 characters).'),
  }),
] as const;
