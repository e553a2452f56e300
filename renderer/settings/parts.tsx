/** Building blocks of the settings dialogs: a setting as a field, radio groups, read-only values, problems, buttons. */
import { useId, type ReactNode } from 'react';
import { settingDef, type SettingKey } from '../../shared/settings/schema.js';
import { type EnumDef, type SettingDef } from '../../shared/settings/define.js';
import { type Problem } from '../../shared/messages/problem.js';
import { Field, FieldErrors, FieldLabel } from '../components/Field.js';
import { DEFAULT_BUTTON, accessKeyProps, labelWithKey } from '../components/keyboard.js';
import { Mnemonic } from '../components/Mnemonic.js';
import { ProblemView } from '../components/ProblemView.js';
import { useApp } from '../store-context.js';
import { type DialogForm } from './form.js';

/** Picks the text of the window's language. */
export function useT(): (ja: string, en: string) => string {
  const lang = useApp((s) => s.lang);
  return (ja, en) => (lang === 'ja' ? ja : en);
}

export function defOf(key: SettingKey): SettingDef {
  const def = settingDef(key);
  if (!def) throw new Error(`unknown setting ${key}`);
  return def;
}

/** One setting of the form: disabled while inactive, ※ while required, its refused value's message beside it. */
export function SettingField({
  form,
  k,
  disabled = false,
  label,
  accessKey,
}: {
  form: DialogForm;
  k: SettingKey;
  disabled?: boolean;
  label?: string;
  /** This window's own access key for the field (the manual's letter here), instead of the setting's. */
  accessKey?: string;
}): ReactNode {
  const def = defOf(k);
  return (
    <Field
      def={def}
      value={form.values[k] ?? ''}
      onChange={(v) => form.set(k, v)}
      problems={form.problemsOf(k)}
      required={form.required(def)}
      disabled={disabled || !form.active(def)}
      label={label}
      accessKey={accessKey}
    />
  );
}

/** A number setting with an 初期値 (default) button beside it. */
export function FieldWithDefault({
  form,
  k,
  value,
  label,
  accessKey,
  defaultKey,
  disabled = false,
}: {
  form: DialogForm;
  k: SettingKey;
  value: number;
  label?: string;
  /** The field's access key in this window (ポート番号(P)). */
  accessKey?: string;
  /** The 初期値 button's access key (初期値(E)). */
  defaultKey?: string;
  disabled?: boolean;
}): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const def = defOf(k);
  const text = t('初期値', 'Default');
  return (
    <div className="with-default">
      <SettingField form={form} k={k} label={label} accessKey={accessKey} disabled={disabled} />
      <button
        type="button"
        disabled={disabled || !form.active(def)}
        onClick={() => form.set(k, String(value))}
        aria-label={`${labelWithKey(text, defaultKey)} (${label ?? def.label[lang]})`}
        {...accessKeyProps(defaultKey)}
      >
        <Mnemonic text={text} k={defaultKey} />
      </button>
    </div>
  );
}

export interface RadiosProps {
  form: DialogForm;
  k: SettingKey;
  /** Which choices to offer (all by default) and how to name them. */
  choices?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  /** Something after a choice (its 設定 button). */
  after?(choice: string): ReactNode;
  disabled?: boolean;
  legend?: string;
  /** Access keys of the choices in this window (インターネットメール経由(I)). */
  keys?: Readonly<Record<string, string>>;
}

/** An enum setting as radio buttons in a labelled group. */
export function Radios({ form, k, choices, labels, after, disabled = false, legend, keys }: RadiosProps): ReactNode {
  const id = useId();
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  const def = defOf(k) as EnumDef;
  const value = form.values[k] ?? '';
  const problems = form.problemsOf(k);
  const off = disabled || !form.active(def);
  return (
    <fieldset
      className="radios"
      aria-invalid={problems.length > 0 || undefined}
      aria-describedby={problems.length > 0 ? `${id}-err` : undefined}
      onFocus={() => setGuide(def.guide)}
    >
      <legend>{legend ?? def.label[lang]}</legend>
      {(choices ?? def.choices).map((c) => (
        <div key={c} className="radio-row">
          <label>
            <input
              type="radio"
              name={`${id}-${k}`}
              value={c}
              checked={value === c}
              disabled={off}
              data-key={k}
              onChange={() => form.set(k, c)}
              {...accessKeyProps(keys?.[c])}
            />
            <Mnemonic text={labels?.[c] ?? def.choiceLabels?.[c]?.[lang] ?? c} k={keys?.[c]} />
          </label>
          {after?.(c)}
        </div>
      ))}
      <FieldErrors id={`${id}-err`} problems={problems} />
    </fieldset>
  );
}

/** A value shown but not edited here (e.g. the destination set by activation). */
export function ReadOnlyField({ label, value, note }: { label: string; value: string; note?: string }): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <FieldLabel text={label} htmlFor={id} />
      <div className="field-control">
        <input id={id} type="text" readOnly value={value} aria-describedby={note ? `${id}-note` : undefined} />
        {note ? (
          <div id={`${id}-note`} className="note">
            {note}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Problems that belong to no field of the dialog: each names its field's label (never the setting's key). */
export function ProblemList({ problems }: { problems: readonly Problem[] }): ReactNode {
  if (problems.length === 0) return null;
  return (
    <div className="problem-list field-error" role="alert">
      {problems.map((p, i) => (
        <ProblemView key={i} problem={p} withField />
      ))}
    </div>
  );
}

/** OK (the default button: Enter presses it) and キャンセル. */
export function OkCancel({ onOk, onCancel, busy = false }: { onOk(): void; onCancel(): void; busy?: boolean }): ReactNode {
  const t = useT();
  return (
    <>
      <button type="button" {...DEFAULT_BUTTON} onClick={onOk} disabled={busy}>
        OK
      </button>
      <button type="button" onClick={onCancel}>
        {t('キャンセル', 'Cancel')}
      </button>
    </>
  );
}

/** 閉じる, the default button of a window that only shows (Enter closes it). */
export function CloseButton({ onClose }: { onClose(): void }): ReactNode {
  const t = useT();
  return (
    <button type="button" {...DEFAULT_BUTTON} onClick={onClose}>
      {t('閉じる', 'Close')}
    </button>
  );
}

/** A note of the original's manual (※ ...). */
export function Note({ children }: { children: ReactNode }): ReactNode {
  return <p className="note">{children}</p>;
}
