/**
 * Information: reports accepted, delivered, counted in a waiting report or suppressed; the drop folder recovered.
 * Merged into the one catalogue in ../catalogue.ts; codes are stable, never reused.
 * ER_6050-6061.
 */
import { type MessageDef } from '../message-def.js';

export const informationReportsMessages = {
  ER_6050: { kind: 'information', ja: '通報 {id}({kind})を受け付けて保存しました。', en: 'Report {id} ({kind}) was accepted and saved.' },
  ER_6051: { kind: 'information', ja: '通報 {id}({kind})を {route} で送信しました: {detail}', en: 'Report {id} ({kind}) was delivered by {route}: {detail}' },
  ER_6052: {
    kind: 'information',
    ja: '通報 {id} が {kept} と {removed} の両方にありました(移動が中断されたため)。{kept} の方を残しました。',
    en: 'Report {id} was in both {kept} and {removed} (a move was interrupted); the copy in {kept} was kept.',
  },
  ER_6053: {
    kind: 'information',
    ja: 'イベント {source} {eventId} が再度発生したため、送信待ちの通報 {id} にまとめました(計 {count} 回)。',
    en: 'Event {source} {eventId} happened again: counted in report {id}, which is waiting to be sent (now {count}).',
  },
  ER_6054: {
    kind: 'information',
    ja: 'イベント {source} {eventId} は送信済みの通報 {id} から抑制時間({minutes} 分)以内に再度発生したため、通報しませんでした(この抑制時間内で {count} 回目)。',
    en: 'Event {source} {eventId} happened again within {minutes} minutes of report {id}, which has already been sent: not reported again ({count} time(s) in this window).',
  },
  ER_6055: {
    kind: 'information',
    ja: 'イベント {source} {eventId}({severity})は同じ場所の直前の通報より重大なため、抑制せずに通報 {id} として直ちに送信します。',
    en: 'Event {source} {eventId} ({severity}) is more severe than the recent reports from {source}: it goes out at once as report {id}.',
  },
  ER_6060: {
    kind: 'information',
    ja: '投入フォルダのファイル {path} を受け付けました(先に記録した問題は解消しました)。',
    en: 'The drop-folder file {path} was accepted: the problem logged before has passed.',
  },
  ER_6061: { kind: 'information', ja: '投入フォルダ {path} を再び読み込めるようになりました。', en: 'The drop folder {path} can be read and watched again.' },
} satisfies Record<string, MessageDef>;
