/**
 * Network: what became of a report that was not delivered (tried again, expired, no route enabled).
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_2100-2108.
 */
import { type MessageDef } from '../message-def.js';

export const deliveryOutcomeMessages = {
  ER_2100: {
    kind: 'network',
    ja: '設定された通報手段はこの版では使用できないため、通報 {id} を送信できません。通報は保持され、再送されます。',
    en: 'Report {id} cannot be sent: the configured route is not available in this version. It is kept and will be tried again.',
  },
  ER_2101: {
    kind: 'warning',
    ja: '通報 {id} を {route} で送信できませんでした({attempts} 回目): {reason}。次の送信は {next} です。',
    en: 'Report {id} was not delivered by {route} (attempt {attempts}): {reason}. Next attempt at {next}.',
  },
  ER_2102: {
    kind: 'network',
    ja: '通報 {id}({kind})はリトライ期限({hours} 時間)までに送信できなかったため、期限切れとして保存しました(試行 {attempts} 回)。',
    en: 'Report {id} ({kind}) was not delivered within the retry limit of {hours} hours ({attempts} attempt(s)); it is kept as expired.',
  },
  ER_2103: {
    kind: 'network',
    ja: '通報 {id}({kind})はリトライ期限 {limit} までに通報時間帯が始まらないため、期限切れとして保存しました。',
    en: 'Report {id} ({kind}) is kept as expired: the time window does not open again before its retry limit ({limit}).',
  },
  ER_2104: {
    kind: 'network',
    ja: '通報 {id}({kind})は {route} で受け付けられず、再送しても送信できないため、期限切れとして保存しました: {reason}',
    en: 'Report {id} ({kind}) was refused by {route} and cannot succeed if tried again, so it is kept as expired: {reason}',
  },
  ER_2105: {
    kind: 'network',
    ja: '通報手段「{route}」では送信できません。通報手段(メール、ダイヤルアップ、HTTPS)を選択してください(マネージャ経由の送信はこの版では使用できません)。',
    en: 'Reports cannot be sent over the route "{route}". Choose a route (mail, dial-up or HTTPS); the manager relay is not available in this version.',
  },
  ER_2106: {
    kind: 'warning',
    ja: 'イベント {source} {eventId} は通報しませんでした: 有効な通報手段がありません([設定]-[通報基本設定]で通報手段を有効にしてください)。このイベントは保存も再送もされません。',
    en: 'Event {source} {eventId} was not reported: no notification route is enabled (enable one in Settings → Basic notification settings). It is neither kept nor retried.',
  },
  ER_2107: {
    kind: 'warning',
    ja: '通報 {id}({kind})は送信しませんでした: 有効な通報手段がありません。再送せず、期限切れとして保存しました。',
    en: 'Report {id} ({kind}) was not sent: no notification route is enabled. It is not retried; it is kept as expired.',
  },
  ER_2108: {
    kind: 'warning',
    ja: '構成情報の通報({why})は行いませんでした: 有効な通報手段がありません。',
    en: 'The configuration information ({why}) was not sent: no notification route is enabled.',
  },
} satisfies Record<string, MessageDef>;
