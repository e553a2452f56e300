/**
 * One weekday's 通報時間帯 (schedule.window.<day>: HH:MM-HH:MM, 00:00-24:00 all day, none for no reports):
 * the text itself, 全日 (all day), 通報しない (none), or the start and end times.
 */
import { useId, type ReactNode } from 'react';
import { type SettingKey } from '../../shared/settings/schema.js';
import { type WEEKDAYS } from '../../shared/settings/defs/schedule.js';
import { FieldErrors, FieldLabel } from '../components/Field.js';
import { useApp } from '../store-context.js';
import { type DialogForm } from './form.js';
import { defOf, useT } from './parts.js';

export type Weekday = (typeof WEEKDAYS)[number];
export const ALL_DAY = '00:00-24:00';
const PART_TIME = '09:00-17:00';
const DAY_NAMES: Record<Weekday, [string, string]> = {
  sun: ['日曜日', 'Sunday'],
  mon: ['月曜日', 'Monday'],
  tue: ['火曜日', 'Tuesday'],
  wed: ['水曜日', 'Wednesday'],
  thu: ['木曜日', 'Thursday'],
  fri: ['金曜日', 'Friday'],
  sat: ['土曜日', 'Saturday'],
};

/** The parts of a window as typed so far (loosely, so typing into the start or end never loses characters). */
export function splitWindow(value: string): { none: boolean; allDay: boolean; from: string; to: string } {
  const v = value.trim();
  if (v.toLowerCase() === 'none') return { none: true, allDay: false, from: '', to: '' };
  const dash = v.indexOf('-');
  return { none: false, allDay: v === ALL_DAY, from: dash < 0 ? v : v.slice(0, dash), to: dash < 0 ? '' : v.slice(dash + 1) };
}

export function DayWindow({ form, day }: { form: DialogForm; day: Weekday }): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  const id = useId();
  const k = `schedule.window.${day}` as SettingKey;
  const def = defOf(k);
  const value = form.values[k] ?? '';
  const w = splitWindow(value);
  const problems = form.problemsOf(k);
  const dayName = t(...DAY_NAMES[day]);
  const set = (v: string) => form.set(k, v);
  const guide = () => setGuide(def.guide);
  const times = w.none || w.allDay;
  return (
    <tr data-day={day}>
      <th scope="row">
        <FieldLabel text={def.label[lang]} htmlFor={`${id}-text`} required={form.required(def)} />
      </th>
      <td>
        <input
          id={`${id}-text`}
          type="text"
          name={k}
          data-key={k}
          value={value}
          maxLength={def.kind === 'text' ? def.maxLength : 11}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={problems.length > 0 ? `${id}-err` : undefined}
          onFocus={guide}
          onChange={(e) => set(e.target.value)}
        />
        <FieldErrors id={`${id}-err`} problems={problems} />
      </td>
      <td>
        <label>
          <input type="checkbox" checked={w.allDay} onFocus={guide} onChange={(e) => set(e.target.checked ? ALL_DAY : PART_TIME)} />
          {t('全日', 'All day')}
          <span className="sr-only">({dayName})</span>
        </label>
      </td>
      <td>
        <label>
          <input type="checkbox" checked={w.none} onFocus={guide} onChange={(e) => set(e.target.checked ? 'none' : ALL_DAY)} />
          {t('通報しない', 'No reports')}
          <span className="sr-only">({dayName})</span>
        </label>
      </td>
      <td>
        <label className="sr-only" htmlFor={`${id}-from`}>{`${dayName} ${t('開始', 'from')}`}</label>
        <input
          id={`${id}-from`}
          type="text"
          inputMode="numeric"
          placeholder="HH:MM"
          maxLength={5}
          size={5}
          disabled={times}
          value={w.from}
          onFocus={guide}
          onChange={(e) => set(`${e.target.value}-${w.to}`)}
        />
      </td>
      <td>
        <label className="sr-only" htmlFor={`${id}-to`}>{`${dayName} ${t('終了', 'to')}`}</label>
        <input
          id={`${id}-to`}
          type="text"
          inputMode="numeric"
          placeholder="HH:MM"
          maxLength={5}
          size={5}
          disabled={times}
          value={w.to}
          onFocus={guide}
          onChange={(e) => set(`${w.from}-${e.target.value}`)}
        />
      </td>
    </tr>
  );
}
