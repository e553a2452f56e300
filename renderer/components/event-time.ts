/**
 * An event line's local time as Intl.DateTimeFormat writes it for ja-JP and en-GB (all fields numeric), by hand:
 * building the first Intl formatter loads the locale's ICU data, ~25 ms of the window's first render (issue 16).
 * test/unit/renderer/event-time.test.ts holds it to Intl's own output.
 */
import { type Lang } from '../../shared/messages/text.js';

const two = (n: number) => String(n).padStart(2, '0');

export function eventTime(at: string, lang: Lang): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const clock = `${two(d.getMinutes())}:${two(d.getSeconds())}`;
  if (lang === 'ja') return `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()} ${d.getHours()}:${clock}`;
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}, ${two(d.getHours())}:${clock}`;
}
