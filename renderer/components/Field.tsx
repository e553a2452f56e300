/**
 * One setting as a form control, from its definition: the label (with the original's access key, underlined, e.g.
 * `お客様名称(カナ) (M)`; Alt + the letter focuses the field), the required mark ※, the unit beside a number (秒, 分, 時間:
 * part of the field's accessible name), the guide message at the bottom of the window while focused, and the coded
 * message next to the field when a value is refused (the field then marked: aria-invalid, a red frame). Nothing typed
 * is cut: a value over its limit is refused on OK with the limit named (ER_3002), not shortened by the input.
 */
import { useId, type ReactNode } from 'react';
import { accessKeyProps } from './keyboard.js';
import { Mnemonic } from './Mnemonic.js';
import { type SettingDef } from '../../shared/settings/define.js';
import { type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { useApp } from '../store-context.js';
import { problemLine, relabel } from './problem-text.js';
import { ProblemView } from './ProblemView.js';

export interface FieldProps {
  def: SettingDef;
  value: string;
  onChange(value: string): void;
  problems?: readonly Problem[];
  required?: boolean;
  disabled?: boolean;
  /** Choices to pick from while still allowing any text (装置コード, 販売店名). */
  suggestions?: ReadonlyArray<{ value: string; label?: string }>;
  /** Overrides the label (when the same setting appears under another name). */
  label?: string;
  /** Overrides the access key (when the same setting appears in another window with its own letters). */
  accessKey?: string;
}

export function FieldLabel({
  text,
  accessKey,
  required,
  htmlFor,
  id,
}: {
  text: string;
  accessKey?: string;
  required?: boolean;
  htmlFor?: string;
  id?: string;
}): ReactNode {
  return (
    <label htmlFor={htmlFor} id={id} className="field-label">
      {required ? (
        <span className="required" aria-hidden="true">
          ※
        </span>
      ) : null}
      <Mnemonic text={text} k={accessKey} />
    </label>
  );
}

/** The field's refused value, said beside it: with `shown`, the message names the field as this window labels it. */
export function FieldErrors({
  id,
  problems,
  shown,
}: {
  id: string;
  problems: readonly Problem[];
  shown?: { def: LocalizedText; label: LocalizedText };
}): ReactNode {
  if (problems.length === 0) return null;
  return (
    <div id={id} className="field-error" role="alert">
      {problems.map((p, i) => (
        <ProblemView key={i} problem={shown ? relabel(p, shown.def, shown.label) : p} />
      ))}
    </div>
  );
}

export function Field({ def, value, onChange, problems = [], required = false, disabled = false, suggestions, label, accessKey }: FieldProps): ReactNode {
  const id = useId();
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  const errId = `${id}-err`;
  const labelId = `${id}-label`;
  const unitId = `${id}-unit`;
  const text = label ?? def.label[lang];
  // A label of this window's own (「ユーザー名」 under プロキシサーバ) is the name its messages use here.
  const shown = label !== undefined && label !== def.label[lang] ? { def: def.label, label: { ...def.label, [lang]: label } } : undefined;
  const said = shown ? problems.map((p) => relabel(p, shown.def, shown.label)) : problems;
  const key = accessKey ?? def.accessKey;
  const unit = def.kind === 'int' ? def.unit?.[lang] : undefined;
  // The guide area shows the field's guide message and, when its value was refused, the coded message too.
  const guide =
    said.length === 0
      ? def.guide
      : {
          ja: `${def.guide.ja} ${said.map((p) => problemLine(p, 'ja')).join(' ')}`,
          en: `${def.guide.en} ${said.map((p) => problemLine(p, 'en')).join(' ')}`,
        };
  const common = {
    id,
    name: def.key,
    disabled,
    ...accessKeyProps(key),
    // With a unit, the name is the label and the unit (「タイムアウト時間 秒」), as the eye reads them.
    'aria-labelledby': unit ? `${labelId} ${unitId}` : undefined,
    'aria-required': required || undefined,
    'aria-invalid': problems.length > 0 || undefined,
    'aria-describedby': problems.length > 0 ? errId : undefined,
    onFocus: () => setGuide(guide),
    'data-key': def.key,
  };

  let control: ReactNode;
  switch (def.kind) {
    case 'bool':
      return (
        <div className="field field-bool">
          <input type="checkbox" {...common} checked={value === 'on'} onChange={(e) => onChange(e.target.checked ? 'on' : 'off')} />
          <FieldLabel text={text} accessKey={key} htmlFor={id} id={labelId} />
          <FieldErrors id={errId} problems={problems} shown={shown} />
        </div>
      );
    case 'enum':
      control = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {def.choices.map((c) => (
            <option key={c} value={c}>
              {def.choiceLabels?.[c]?.[lang] ?? c}
            </option>
          ))}
        </select>
      );
      break;
    case 'list': {
      const chosen = new Set(value.split(',').filter(Boolean));
      return (
        <fieldset
          className="field field-list"
          disabled={disabled}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={problems.length > 0 ? errId : undefined}
          onFocus={() => setGuide(guide)}
        >
          <legend>{text}</legend>
          {def.choices.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                name={`${def.key}.${c}`}
                checked={chosen.has(c)}
                onChange={(e) => {
                  const next = def.choices.filter((x) => (x === c ? e.target.checked : chosen.has(x)));
                  onChange(next.join(','));
                }}
              />
              {c}
            </label>
          ))}
          <FieldErrors id={errId} problems={problems} shown={shown} />
        </fieldset>
      );
    }
    case 'int':
      control = (
        <span className="field-number">
          <input type="text" inputMode="numeric" {...common} value={value} onChange={(e) => onChange(e.target.value)} />
          {unit ? (
            <span id={unitId} className="field-unit">
              {unit}
            </span>
          ) : null}
        </span>
      );
      break;
    case 'secret': {
      // `(set)`: a stored password, left as it is; `(remembered)`: the one this computer remembers (the host reads it).
      const placeholder =
        value === '(set)'
          ? lang === 'ja'
            ? '(設定済み)'
            : '(set)'
          : value === '(remembered)'
            ? lang === 'ja'
              ? '(記憶したパスワード)'
              : '(remembered password)'
            : '';
      control = (
        <input
          type="password"
          autoComplete="off"
          {...common}
          value={placeholder ? '' : value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value === '' ? (placeholder ? value : '') : e.target.value)}
        />
      );
      break;
    }
    case 'text': {
      const listId = suggestions ? `${id}-list` : undefined;
      control = (
        <>
          <input type="text" {...common} value={value} list={listId} onChange={(e) => onChange(e.target.value)} />
          {suggestions ? (
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </datalist>
          ) : null}
        </>
      );
      break;
    }
  }
  return (
    <div className="field">
      <FieldLabel text={text} accessKey={key} required={required} htmlFor={id} id={labelId} />
      <div className="field-control">
        {control}
        <FieldErrors id={errId} problems={problems} shown={shown} />
      </div>
    </div>
  );
}
