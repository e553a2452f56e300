/**
 * Messages of the lifecycle state and the maintenance pause (保守中; merged into the one catalogue in ../catalogue.ts;
 * codes are stable, never reused). docs/activation.md, docs/delivery.md.
 */
import { type MessageDef } from '../message-def.js';

export const lifecycleMessages = {
  // ---- internal: the overlay file
  ER_1110: {
    kind: 'internal',
    ja: '保守中の記録 {path} を読めません({reason})。安全のため終了予定なしの保守中として扱い、通報を保留します。express-report resume で保守を終了できます。',
    en: 'The maintenance record {path} cannot be read ({reason}). To be safe it is taken as a pause without an end time and reports are held; express-report resume ends it.',
  },
  ER_1111: {
    kind: 'internal',
    ja: '保守中の記録 {path} を書き込めません: {reason}。保守中の状態は変わっていません。',
    en: 'Cannot write the maintenance record {path}: {reason}. The pause is as it was.',
  },

  // ---- input: what changes the state, and when a pause may be asked
  ER_3090: {
    kind: 'validation',
    ja: '状態(運用中など)は設定の保存では変更できません。状態を変えるのは次の操作だけです: 開局(設定ユーティリティ / express-report activate)、テスト通報(test-notify)、開局通報(activate-notify)、サービスの終了(end-service)、有効期限の変更。保守のために通報を止めるには保守中にする(express-report pause)を使用してください。',
    en: 'The state (active and so on) cannot be changed by saving settings. Only these operations change it: activation (the setup utility / express-report activate), the test notification (test-notify), the activation notification (activate-notify), ending the service (end-service) and changing the expiry. To stop reporting for maintenance, use pause (express-report pause).',
  },
  ER_3091: {
    kind: 'validation',
    ja: '保守中にできるのは運用中(開局通報の後)だけです。現在の状態: {state}。',
    en: 'A pause for maintenance is possible only while the service is active (after the activation notification). Current state: {state}.',
  },
  ER_3092: {
    kind: 'validation',
    ja: '既に保守中です({since} から、{until})。変更するには保守を終了(express-report resume)してから保守中にしてください。',
    en: 'Already paused for maintenance (since {since}, {until}). To change it, resume (express-report resume) and pause again.',
  },
  ER_3093: {
    kind: 'validation',
    ja: '終了予定時刻「{value}」は使用できません。現在より後の時刻を YYYY-MM-DD HH:MM、HH:MM(今日、過ぎていれば明日)または ISO 8601(例: 2025-06-01T18:00:00+09:00)で指定してください。',
    en: 'The end time "{value}" cannot be used. Give a time after now as YYYY-MM-DD HH:MM, HH:MM (today, or tomorrow when past) or ISO 8601 (for example 2025-06-01T18:00:00+09:00).',
  },
  ER_3094: {
    kind: 'validation',
    ja: '終了予定時刻 {value} は遠すぎます。保守中にできるのは最長 {days} 日です。',
    en: 'The end time {value} is too far ahead: a pause lasts at most {days} days.',
  },
  ER_3095: {
    kind: 'validation',
    ja: '時間数「{value}」は使用できません。0 より大きく {max} 以下の数を半角数字で指定してください(例: 8、1.5)。',
    en: 'The hours "{value}" cannot be used: give a number above 0 and at most {max} in half-width digits (for example 8 or 1.5).',
  },
  ER_3096: {
    kind: 'validation',
    ja: '終了予定時刻(--until)と時間数(--hours)は、どちらか一方だけを指定してください。',
    en: 'Give either the end time (--until) or the hours (--hours), not both.',
  },
  ER_3097: {
    kind: 'validation',
    ja: '保守中ではないため、保守を終了できません。',
    en: 'The service is not paused for maintenance, so there is nothing to resume.',
  },
  ER_3098: {
    kind: 'validation',
    ja: '保守中({until})は通報しません。テスト通報・開局通報は保守を終了(express-report resume)してから行ってください。',
    en: 'Nothing is sent while paused for maintenance ({until}). Resume (express-report resume) before a test or activation notification.',
  },
  ER_3099: { kind: 'validation', ja: '{label}に改行や制御文字は使用できません。', en: '{label} cannot contain line breaks or control characters.' },

  // ---- information and warnings
  ER_6110: {
    kind: 'information',
    ja: '保守中にしました({until}、理由: {reason})。保守センターに開始を通知しました({detail})。終了まで通報は保留されます。',
    en: 'Paused for maintenance ({until}, reason: {reason}). The center was told ({detail}). Reports are held until the pause ends.',
  },
  ER_6111: {
    kind: 'warning',
    ja: '保守中にしました({until}、理由: {reason})。保守センターへの開始の通知は今は送信できませんでした({problem})。通知は保留され、保守の終了後に最初に送信されます。',
    en: 'Paused for maintenance ({until}, reason: {reason}). The center could not be told now ({problem}); the notice is held and goes first after the pause ends.',
  },
  ER_6112: {
    kind: 'information',
    ja: '保守を終了しました({by})。保留していた通報 {held} 件を送信します。保守センターに終了を通知します。',
    en: 'The maintenance pause has ended ({by}). The {held} report(s) held meanwhile are sent now; the center is told of the end.',
  },
  ER_6113: {
    kind: 'information',
    ja: '保守を終了しました({by})。保留していた通報 {expired} 件は指定により送信せず、期限切れにしました。保守センターに終了を通知します。',
    en: 'The maintenance pause has ended ({by}). As asked, the {expired} report(s) held meanwhile were not sent but moved to expired; the center is told of the end.',
  },
  ER_6114: {
    kind: 'warning',
    ja: '通報 {id}({kind})は保守中(理由: {reason})に保留され、保守の終了時に利用者の指定により送信せず期限切れにしました。',
    en: 'Report {id} ({kind}) was held during the maintenance pause (reason: {reason}) and, as the user asked when it ended, moved to expired without being sent.',
  },
  ER_6115: {
    kind: 'warning',
    ja: '旧版の状態 State=paused を、運用中 + 保守中(終了予定なし)に移行しました。通報は保留されています。express-report resume で保守を終了できます。',
    en: "The older version's State=paused was migrated to active + paused for maintenance without an end time. Reports are held; express-report resume ends the pause.",
  },
  ER_6116: {
    kind: 'warning',
    ja: '状態は「{state}」ですが、この状態フォルダにテスト通報の成功の記録がありません(activation.ini の手作業の編集、または他の機器からの複写の可能性)。通報サービスはこの状態のまま動作します。express-report test-notify でテスト通報を行ってください。',
    en: 'The state is "{state}", but this state folder has no record of a successful test notification (activation.ini edited by hand, or copied from another machine?). The service works with this state as it is; send a test notification (express-report test-notify).',
  },
  ER_6117: {
    kind: 'information',
    ja: '保守中です({until}、理由: {reason})。通報は保守の終了まで保留されます。',
    en: 'Paused for maintenance ({until}, reason: {reason}). Reports are held until the pause ends.',
  },
} as const satisfies Record<string, MessageDef>;
