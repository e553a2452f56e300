import { text } from '../../messages/text.js';
import { def, type SettingsView } from '../define.js';

/** [Relay] of routes.ini, manager side: the receiver's guards (service/relay/, docs/relay.md). */
const F = 'routes.ini' as const;
/** The manager's receiver runs while either relay is enabled. */
const relaying = (s: SettingsView): boolean => s.get('relay.express.enabled') === true || s.get('relay.https.enabled') === true;

export const relayGuardDefs = [
  def.text({
    key: 'relay.allow',
    file: F,
    section: 'Relay',
    name: 'Allow',
    default: '',
    maxLength: 4096,
    charClass: 'any',
    activeWhen: relaying,
    label: text('受け付けるエージェントのアドレス', 'Agents allowed'),
    guide: text(
      '通報を受け付けるエージェントの IP アドレスまたは CIDR(例: 192.168.0.0/24)をカンマで区切って指定します。空欄ならすべて受け付けます。',
      'IP addresses or CIDR blocks (for example 192.168.0.0/24) of the agents whose reports are taken, separated by commas. Empty: any.',
    ),
  }),
  def.int({
    key: 'relay.maxConnections',
    file: F,
    section: 'Relay',
    name: 'MaxConnections',
    default: 1024,
    min: 1,
    max: 65535,
    activeWhen: relaying,
    label: text('同時接続数の上限', 'Connections at once'),
    guide: text(
      'エージェントからの同時接続の上限です。超えた接続には「混雑」を返します。',
      'The most agent connections at once; beyond it an agent is told "busy".',
    ),
  }),
  def.int({
    key: 'relay.maxWaitingPerAgent',
    file: F,
    section: 'Relay',
    name: 'MaxWaitingPerAgent',
    default: 500,
    min: 1,
    max: 100000,
    activeWhen: relaying,
    label: text('エージェントごとの転送待ち上限', 'Waiting reports per agent'),
    guide: text('1 台のエージェントから受信して転送を待つ通報の上限(件)です。', 'The most reports of one agent waiting to be forwarded.'),
  }),
  def.int({
    key: 'relay.maxStoreMiB',
    file: F,
    section: 'Relay',
    name: 'MaxStoreMiB',
    default: 2048,
    min: 64,
    max: 1048576,
    unit: text('MiB', 'MiB'),
    activeWhen: relaying,
    label: text('受信済み通報の容量上限', 'Received reports, at most'),
    guide: text('受信して転送を待つ通報(添付データを含む)の合計の上限です。', 'The most the received reports (with their attachments) may take on disk.'),
  }),
  def.int({
    key: 'relay.minFreeMiB',
    file: F,
    section: 'Relay',
    name: 'MinFreeMiB',
    default: 256,
    min: 0,
    max: 1048576,
    unit: text('MiB', 'MiB'),
    activeWhen: relaying,
    label: text('ディスクの空きの下限', 'Disk space kept free'),
    guide: text(
      'この空きを下回る場合は通報を受け付けず、エージェントに再送を求めます。',
      'Below this much free disk, reports are refused and the agents send again later.',
    ),
  }),
  def.int({
    key: 'relay.keepIdsHours',
    file: F,
    section: 'Relay',
    name: 'KeepIdsHours',
    // The largest retry limit (schedule.retry.limitHours max 720): an agent's repeat is recognised as long as it retries.
    default: 720,
    min: 24,
    max: 8760,
    unit: text('時間', 'h'),
    activeWhen: relaying,
    label: text('受信済み通報 ID の保持時間', 'Keep received report ids'),
    guide: text(
      '再送された通報を見分けるために受信済みの通報 ID を覚えておく時間です(初期値 720 時間、リトライ期限の最大値)。',
      'How long received report ids are kept to recognise a repeat (default 720 h, the largest retry limit).',
    ),
  }),
] as const;
