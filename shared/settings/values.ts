import { problem, type Problem } from '../messages/problem.js';
import { type SettingDef, type SettingValue } from './define.js';

/** Secrets are stored only sealed (docs/design.md section 5); this prefix marks a sealed value. */
export const SEALED_PREFIX = 'sealed:v1:';
export const isSealedValue = (v: string): boolean => v.startsWith(SEALED_PREFIX);

/** ０-９ (U+FF10-FF19). */
export const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;

const TRUE = ['on', 'true', 'yes', '1'];
const FALSE = ['off', 'false', 'no', '0'];

export type Parsed = { ok: true; value: SettingValue } | { ok: false; problem: Problem };

/** A value as written in a file or typed on the command line, turned into the setting's type. */
export function parseValue(def: SettingDef, raw: string): Parsed {
  const fail = (p: Problem): Parsed => ({ ok: false, problem: p });
  const t = raw.trim();
  switch (def.kind) {
    case 'text':
    case 'secret':
      return { ok: true, value: raw };
    case 'int':
      // Full-width digits (１２０, typed with the IME on) are refused saying 半角, not "not a number".
      if (FULL_WIDTH_DIGIT.test(t)) return fail(problem('ER_3070', { label: def.label, value: raw }, { field: def.key }));
      if (!/^\+?\d{1,15}$/.test(t)) return fail(problem(def.port ? 'ER_3009' : 'ER_3027', { label: def.label, value: raw }, { field: def.key }));
      return { ok: true, value: Number(t) };
    case 'bool':
      if (TRUE.includes(t.toLowerCase())) return { ok: true, value: true };
      if (FALSE.includes(t.toLowerCase())) return { ok: true, value: false };
      return fail(problem('ER_3014', { label: def.label }, { field: def.key }));
    case 'enum': {
      const c = def.choices.find((x) => x.toLowerCase() === t.toLowerCase());
      return c === undefined ? fail(problem('ER_3013', { label: def.label, choices: def.choices.join(', ') }, { field: def.key })) : { ok: true, value: c };
    }
    case 'list': {
      const items = t === '' ? [] : t.split(',').map((x) => x.trim());
      const out: string[] = [];
      for (const item of items) {
        const c = def.choices.find((x) => x.toLowerCase() === item.toLowerCase());
        if (c === undefined) return fail(problem('ER_3024', { label: def.label, value: item }, { field: def.key }));
        if (!out.includes(c)) out.push(c);
      }
      return { ok: true, value: out };
    }
  }
}

/** The text form written to the file (and printed by `config get`). */
export function formatValue(def: SettingDef, v: SettingValue): string {
  if (def.kind === 'bool') return v === true ? 'on' : 'off';
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}
