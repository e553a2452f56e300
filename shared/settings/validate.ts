import { problem, type Problem } from '../messages/problem.js';
import { checkCharClass, hasControlChars, type CharClass } from './charclass.js';
import { type SettingDef, type SettingValue, type SettingsView, type TextDef } from './define.js';
import { settingDefs, settingDef, type Settings } from './schema.js';
import { isSealedValue } from './values.js';
import { parseAllowList } from './allow-list.js';
import { type MessageCode } from '../messages/catalogue.js';

export function viewOf(s: Settings): SettingsView {
  const rec = s as unknown as Record<string, SettingValue>;
  return { get: (key) => rec[key] };
}

export const isActive = (def: SettingDef, v: SettingsView): boolean => def.activeWhen?.(v) ?? true;
export const isRequired = (def: SettingDef, v: SettingsView): boolean => isActive(def, v) && (def.requiredWhen?.(v) ?? false);

const classCode: Record<CharClass, MessageCode | undefined> = {
  any: undefined,
  'full-width': 'ER_3004',
  'half-kana': 'ER_3005',
  ascii: 'ER_3015',
  digits: 'ER_3006',
  email: 'ER_3007',
  host: 'ER_3008',
  phone: 'ER_3010',
  dial: 'ER_3010',
  postal: 'ER_3011',
  'absolute-path': 'ER_3026',
  date: 'ER_3022',
  'time-window': 'ER_3016',
};

const length = (s: string): number => [...s].length;

function checkText(def: TextDef, value: string, at: { field: string }): Problem | undefined {
  const label = def.label;
  if (def.exactLength !== undefined && def.charClass === 'digits' && !new RegExp(`^\\d{${def.exactLength}}$`).test(value)) {
    return problem('ER_3003', { label, length: def.exactLength }, at);
  }
  const shaped = def.charClass === 'postal' || def.charClass === 'date' || def.charClass === 'time-window';
  const fault = checkCharClass(value, def.charClass);
  const code = classCode[def.charClass];
  // A value with a fixed shape is told its shape (7 digits, YYYY-MM-DD...) rather than its length.
  if (shaped && fault && code) return problem(code, { label, char: '' }, at);
  // A character the field does not take (full-width in 製造番号) is said first: it is what to fix, and fixing it may
  // also fix the length. The length is then refused with its limit named (ER_3002), never cut.
  if (fault?.kind === 'char' && code) return problem(code, { label, char: fault.char }, at);
  if (length(value) > def.maxLength) return problem('ER_3002', { label, max: def.maxLength, length: length(value) }, at);
  if (def.minLength !== undefined && length(value) < def.minLength) return problem('ER_3028', { label, min: def.minLength }, at);
  if (fault && code) return problem(code, { label, char: '' }, at);
  return undefined;
}

/** One setting on its own (its type, limits, character class, required and forbidden rules). */
export function validateSetting(def: SettingDef, value: SettingValue, v: SettingsView): Problem[] {
  const at = { field: def.key };
  const label = def.label;
  const out: Problem[] = [];
  switch (def.kind) {
    case 'text':
    case 'secret': {
      const s = typeof value === 'string' ? value : String(value);
      if (hasControlChars(s)) return [problem('ER_3029', { label }, at)];
      if (s.trim() === '') {
        if (s !== '') out.push(problem('ER_3025', { label }, at));
        else if (isRequired(def, v)) out.push(problem('ER_3001', { label }, at));
        return out;
      }
      if (def.forbiddenWhen?.(v)) return [problem('ER_3017', { label }, at)];
      if (def.kind === 'secret') return isSealedValue(s) ? [] : [problem('ER_3020', { label }, at)];
      const p = checkText(def, s, at);
      return p ? [p] : [];
    }
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < def.min || value > def.max) {
        if (def.port) return [problem('ER_3009', { label }, at)];
        return [problem('ER_3012', { label, min: def.min, max: def.max }, at)];
      }
      return [];
    case 'bool':
      return typeof value === 'boolean' ? [] : [problem('ER_3014', { label }, at)];
    case 'enum':
      return def.choices.includes(value as string) ? [] : [problem('ER_3013', { label, choices: def.choices.join(', ') }, at)];
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      const bad = items.find((x) => !def.choices.includes(x));
      if (bad !== undefined) return [problem('ER_3024', { label, value: bad }, at)];
      if (items.length === 0 && isRequired(def, v)) return [problem('ER_3024', { label, value: '' }, at)];
      return [];
    }
  }
}

/** Rules between settings (docs/design.md sections 8.1-8.2). */
function crossRules(s: Settings): Problem[] {
  const out: Problem[] = [];
  // S/MIME counts wherever mail.smime does: the manager's own mail / dial-up route, or the relay forwarding over one.
  if (s['mail.smime'] && isActive(settingDef('mail.smime')!, viewOf(s)) && s['activation.method'] === 'keycode') {
    out.push(problem('ER_3018', {}, { field: 'mail.smime' }));
  }
  if (s['relay.express.enabled'] && s['relay.https.enabled'] && s['relay.express.port'] === s['relay.https.port']) {
    out.push(
      problem('ER_3030', { label: settingDef('relay.https.port')!.label, other: settingDef('relay.express.port')!.label }, { field: 'relay.https.port' }),
    );
  }
  // A value of another type is the field's own problem (reported above), not the allow-list's.
  const allow = typeof s['relay.allow'] === 'string' ? parseAllowList(s['relay.allow']) : { ok: true as const };
  if (!allow.ok) out.push(problem('ER_3110', { value: allow.bad }, { field: 'relay.allow' }));
  if (s['schedule.retry.intervalMinutes'] > s['schedule.retry.limitHours'] * 60) {
    out.push(problem('ER_3031', {}, { field: 'schedule.retry.intervalMinutes' }));
  }
  return out;
}

/** Every problem of the settings model, each naming its field (a public key). */
export function validateSettings(s: Settings): Problem[] {
  const v = viewOf(s);
  const rec = s as unknown as Record<string, SettingValue>;
  const out: Problem[] = [];
  for (const def of settingDefs) out.push(...validateSetting(def, rec[def.key] ?? def.default, v));
  out.push(...crossRules(s));
  return out;
}
