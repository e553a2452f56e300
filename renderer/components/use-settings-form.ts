/**
 * A form over some settings: text values from the snapshot, local edits, the host's check (the same rules as saving)
 * and save. Nothing is written until save() succeeds; closing a form without saving writes nothing.
 */
import { useMemo, useState } from 'react';
import { settingDef, type SettingKey } from '../../shared/settings/schema.js';
import { formatValue } from '../../shared/settings/values.js';
import { isRequired, viewOf } from '../../shared/settings/validate.js';
import { type SettingValue, type SettingDef } from '../../shared/settings/define.js';
import { type Problem } from '../../shared/messages/problem.js';
import { type AppSnapshot, type TypedValues } from '../../shared/host/api.js';
import { parseValue } from '../../shared/settings/values.js';
import { type Settings } from '../../shared/settings/schema.js';
import { useApp } from '../store-context.js';

export function textOf(snapshot: AppSnapshot | undefined, key: SettingKey): string {
  const def = settingDef(key)!;
  const v = (snapshot?.settings as unknown as Record<string, SettingValue> | undefined)?.[key] ?? def.default;
  return formatValue(def, v);
}

/** The settings as they would be with these typed values (unparseable ones keep the saved value). */
export function previewSettings(base: Settings, values: TypedValues): Settings {
  const next = { ...base } as unknown as Record<string, SettingValue>;
  for (const [k, raw] of Object.entries(values)) {
    const def = settingDef(k);
    if (!def || raw === undefined) continue;
    const p = parseValue(def, raw);
    if (p.ok) next[k] = p.value;
  }
  return next as unknown as Settings;
}

export interface SettingsForm {
  values: Record<string, string>;
  set(key: SettingKey, value: string): void;
  problemsOf(key: string): Problem[];
  /** Problems not tied to a field of this form. */
  otherProblems: Problem[];
  required(def: SettingDef): boolean;
  active(def: SettingDef): boolean;
  busy: boolean;
  /** Saves the changed values; true when saved. Problems are shown next to their fields. */
  save(): Promise<boolean>;
  /** Checks without saving; true when these fields have no error. */
  check(): Promise<boolean>;
  changed: TypedValues;
}

export function useSettingsForm(keys: readonly SettingKey[]): SettingsForm {
  const host = useApp((s) => s.host);
  const snapshot = useApp((s) => s.snapshot);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(keys.map((k) => [k, textOf(snapshot, k)])));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const changed = useMemo(() => {
    const out: TypedValues = {};
    for (const k of keys) if (values[k] !== textOf(snapshot, k)) out[k] = values[k];
    return out;
  }, [values, snapshot, keys]);
  const preview = useMemo(() => (snapshot ? viewOf(previewSettings(snapshot.settings, changed)) : undefined), [snapshot, changed]);
  const mine = new Set<string>(keys);

  return {
    values,
    changed,
    busy,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    problemsOf: (key) => problems.filter((p) => p.field === key),
    otherProblems: problems.filter((p) => !p.field || !mine.has(p.field)),
    required: (def) => (preview ? isRequired(def, preview) : false),
    active: (def) => (preview ? (def.activeWhen?.(preview) ?? true) : true),
    check: async () => {
      const ps = (await host.check({ values: changed })).filter((p) => p.severity === 'error');
      setProblems(ps);
      return !ps.some((p) => p.field && mine.has(p.field));
    },
    save: async () => {
      setBusy(true);
      try {
        const r = await host.saveSettings({ values: changed });
        if (!r.ok) {
          setProblems(r.problems);
          return false;
        }
        setProblems([]);
        setSnapshot(r.snapshot);
        return true;
      } finally {
        setBusy(false);
      }
    },
  };
}
