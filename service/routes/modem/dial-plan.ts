/**
 * Which numbers to dial, in which order, and the dial command for each (docs/design.md section 8.2): the primary, then the secondary
 * when one is set; a test or activation notification dials only the one it names. `ATDT` (tone) or `ATDP` (pulse);
 * a zero-dial line (0発信) gets `0,` in front: 0 for the outside line, a comma to wait for its dial tone.
 */
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { type LocalizedText } from '../../../shared/messages/text.js';
import { type Report } from '../../../shared/report/model.js';
import { type Settings } from '../../../shared/settings/schema.js';

export interface Destination {
  which: 'primary' | 'secondary';
  label: LocalizedText;
  /** As entered (modems ignore `-`, `(` and `)` in a dial string), without the zero-dial prefix. */
  number: string;
  /** The whole command, e.g. `ATDT0,123-456-7890`. */
  command: string;
}

export const LABELS: Record<Destination['which'], LocalizedText> = { primary: { ja: '一次', en: 'primary' }, secondary: { ja: '二次', en: 'secondary' } };

export function dialCommand(number: string, s: Pick<Settings, 'dialup.mode' | 'dialup.zeroDial'>): string {
  // The zero-dial tool of the original wrote `0,` into the number itself: such a number is not prefixed twice.
  const prefix = s['dialup.zeroDial'] && !number.startsWith('0,') ? '0,' : '';
  return `ATD${s['dialup.mode'] === 'pulse' ? 'P' : 'T'}${prefix}${number}`;
}

export function dialPlan(s: Settings, target?: Report['target']): { ok: true; value: Destination[] } | { ok: false; problem: Problem } {
  const numbers = { primary: s['dialup.primary.number'].trim(), secondary: s['dialup.secondary.number'].trim() };
  const wanted: Array<Destination['which']> = target ? [target] : numbers.secondary ? ['primary', 'secondary'] : ['primary'];
  const plan: Destination[] = [];
  for (const which of wanted) {
    const number = numbers[which];
    if (!number)
      return { ok: false, problem: problem('ER_2274', { label: LABELS[which], field: `dialup.${which}.number` }, { field: `dialup.${which}.number` }) };
    plan.push({ which, label: LABELS[which], number, command: dialCommand(number, s) });
  }
  return { ok: true, value: plan };
}
