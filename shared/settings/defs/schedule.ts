import { text } from '../../messages/text.js';
import { def, always } from '../define.js';

/** schedule.ini: retry and the time window (docs/design.md section 8.4). Recommended defaults: every 5 minutes until 72 hours, all day. */
const F = 'schedule.ini' as const;
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const dayNames = {
  sun: text('日曜日', 'Sunday'),
  mon: text('月曜日', 'Monday'),
  tue: text('火曜日', 'Tuesday'),
  wed: text('水曜日', 'Wednesday'),
  thu: text('木曜日', 'Thursday'),
  fri: text('金曜日', 'Friday'),
  sat: text('土曜日', 'Saturday'),
} as const;

const windowDef = <const D extends (typeof WEEKDAYS)[number]>(day: D) =>
  def.text({
    key: `schedule.window.${day}`,
    file: F,
    section: 'Window',
    name: day[0]!.toUpperCase() + day.slice(1),
    default: '00:00-24:00',
    maxLength: 11,
    charClass: 'time-window',
    requiredWhen: always,
    label: text(`通報時間帯(${dayNames[day].ja})`, `Time window (${dayNames[day].en})`),
    guide: text(
      `${dayNames[day].ja}に通報する時間帯を HH:MM-HH:MM で指定して下さい(終日は 00:00-24:00、通報しない日は none)。`,
      `When reports may be sent on ${dayNames[day].en} (HH:MM-HH:MM; all day 00:00-24:00; none for no reports).`,
    ),
  });

export const scheduleDefs = [
  def.int({
    key: 'schedule.retry.intervalMinutes',
    file: F,
    section: 'Retry',
    name: 'IntervalMinutes',
    default: 5,
    min: 1,
    max: 1440,
    unit: text('分', 'min'),
    label: text('リトライ間隔', 'Retry interval'),
    guide: text('通報に失敗した場合に再送する間隔(分、初期値 5)です。', 'Minutes between attempts after a failure (default 5).'),
  }),
  def.int({
    key: 'schedule.retry.limitHours',
    file: F,
    section: 'Retry',
    name: 'LimitHours',
    default: 72,
    min: 1,
    max: 720,
    unit: text('時間', 'h'),
    label: text('リトライ期限', 'Retry limit'),
    guide: text(
      '再送を続ける期限(時間、初期値 72)です。過ぎた通報は期限切れとして残ります。',
      'Hours to keep retrying (default 72); after that the report is kept as expired.',
    ),
  }),
  windowDef('sun'),
  windowDef('mon'),
  windowDef('tue'),
  windowDef('wed'),
  windowDef('thu'),
  windowDef('fri'),
  windowDef('sat'),
] as const;
