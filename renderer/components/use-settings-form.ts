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
import { type AppSnapshot, type SaveRequest, type TypedValues } from '../../shared/host/api.js';
import { parseValue } from '../../shared/settings/values.js';
import { type Settings } from '../../shared/settings/schema.js';
import { SECRET_REMEMBERED, accountKeysOf, isRememberable, type SecretKey } from '../../shared/host/remembered.js';
import { problemsOf } from '../../shared/host/errors.js';
import { useApp } from '../store-context.js';
import { useFocusInvalid } from './focus-invalid.js';

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
  /**
   * Saves the changed values; true when saved. Problems are shown next to their fields, the first of them focused; a call
   * that failed altogether (the host or serve gone) is shown as the dialog's own problem, never lost.
   */
  save(): Promise<boolean>;
  /** Checks without saving; true when these fields have no error. */
  check(): Promise<boolean>;
  changed: TypedValues;
  /** 「このパスワードをこのコンピュータに記憶する」 per secret (SaveRequest.remember); cleared by a successful save. */
  remember: ReadonlySet<SecretKey>;
  setRemember(key: SecretKey, on: boolean): void;
}

/** A password typed in this form (not `(set)`, `(remembered)` or empty): the only kind the host can remember. */
export const isTypedPassword = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '(set)' && v !== SECRET_REMEMBERED;

/** Another dialog's unsaved text of a setting (a stacked dialog's parents), or undefined for the saved value. */
export type ShownValue = (key: SettingKey) => string | undefined;

/**
 * The values a remembered password's account is made of (user, host, port, entry), as the window shows them, for the
 * secrets this save remembers or fills from the keychain: the host derives the account from the request's own values,
 * so a parent dialog's unsaved SMTP host travels with the SMTP password of 認証設定 (and is saved with it).
 */
function accountContext(changed: TypedValues, remember: ReadonlySet<SecretKey>, shown: ShownValue | undefined, snapshot: AppSnapshot | undefined): TypedValues {
  const involved = new Set<SecretKey>(remember);
  for (const [k, v] of Object.entries(changed)) if (v === SECRET_REMEMBERED && isRememberable(k)) involved.add(k);
  const extra: TypedValues = {};
  for (const k of involved) {
    for (const part of accountKeysOf(k) as SettingKey[]) {
      const v = shown?.(part);
      if (part in changed || v === undefined || v === textOf(snapshot, part)) continue;
      extra[part] = v;
    }
  }
  return extra;
}

/** What a dialog saves besides its fields (HTTPS: 宛先の読み込み's destinations), read when OK saves. */
export type SaveExtra = Pick<SaveRequest, 'destinations'>;

export function useSettingsForm(keys: readonly SettingKey[], shown?: { current?: ShownValue }, extra?: { current?: SaveExtra }): SettingsForm {
  const host = useApp((s) => s.host);
  const snapshot = useApp((s) => s.snapshot);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(keys.map((k) => [k, textOf(snapshot, k)])));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [remember, setRememberSet] = useState<ReadonlySet<SecretKey>>(() => new Set());
  const note = useApp((s) => s.note);
  const refused = useFocusInvalid();
  const show = (ps: Problem[]): void => {
    setProblems(ps);
    refused(ps);
  };

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
    remember,
    setRemember: (key, on) =>
      setRememberSet((r) => {
        const next = new Set(r);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    problemsOf: (key) => problems.filter((p) => p.field === key),
    otherProblems: problems.filter((p) => !p.field || !mine.has(p.field)),
    required: (def) => (preview ? isRequired(def, preview) : false),
    active: (def) => (preview ? (def.activeWhen?.(preview) ?? true) : true),
    check: async () => {
      let ps: Problem[];
      try {
        ps = (await host.check({ values: changed })).filter((p) => p.severity === 'error');
      } catch (e) {
        show([...problemsOf(e)]);
        return false;
      }
      show(ps);
      return !ps.some((p) => p.field && mine.has(p.field));
    },
    save: async () => {
      setBusy(true);
      try {
        // Every ticked box goes to the host, which warns (ER_6005) when there is no typed password to remember.
        const keep = [...remember];
        const values = { ...accountContext(changed, remember, shown?.current, snapshot), ...changed };
        const r = await host.saveSettings({ values, ...(keep.length > 0 ? { remember: keep } : {}), ...extra?.current });
        if (!r.ok) {
          show(r.problems);
          return false;
        }
        setProblems([]);
        setRememberSet(new Set());
        setSnapshot(r.snapshot);
        // Saved, but a password was not remembered (or a remembered one not read): the event panel says so.
        for (const w of r.warnings ?? []) note('warning', w.message, w.code);
        return true;
      } catch (e) {
        show([...problemsOf(e)]);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
