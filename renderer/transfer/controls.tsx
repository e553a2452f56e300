/**
 * The transfer dialogs' own controls (they edit no setting, so no SettingDef): a labelled input with its access key,
 * a limit or hint under it, the guide line while focused, and its refused value's coded message beside it.
 */
import { useId, type ReactNode } from 'react';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type LocalizedText } from '../../shared/messages/text.js';
import { FieldErrors, FieldLabel } from '../components/Field.js';
import { FilePicker } from '../components/FilePicker.js';
import { Mnemonic } from '../components/Mnemonic.js';
import { accessKeyProps } from '../components/keyboard.js';
import { useApp } from '../store-context.js';

export interface InputProps {
  label: LocalizedText;
  accessKey: string;
  value: string;
  onChange(v: string): void;
  type?: 'text' | 'password';
  note?: LocalizedText;
  guide: LocalizedText;
  problems?: readonly Problem[];
  name: string;
}

export function LabelledInput({ label, accessKey, value, onChange, type = 'text', note, guide, problems = [], name }: InputProps): ReactNode {
  const id = useId();
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  const described = [note ? `${id}-note` : '', problems.length > 0 ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <FieldLabel text={label[lang]} accessKey={accessKey} htmlFor={id} />
      <div className="field-control">
        <input
          id={id}
          name={name}
          type={type}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onFocus={() => setGuide(guide)}
          {...accessKeyProps(accessKey)}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={described || undefined}
        />
        {note ? (
          <div id={`${id}-note`} className="note">
            {note[lang]}
          </div>
        ) : null}
        <FieldErrors id={`${id}-err`} problems={problems} />
      </div>
    </div>
  );
}

/** パスフレーズ(P) of a transfer export, with the dialog's own note and guide. */
export function PassphraseInput({
  texts,
  value,
  onChange,
  problems,
}: {
  texts: { passphrase: LocalizedText; passphraseNote: LocalizedText; passphraseGuide: LocalizedText };
  value: string;
  onChange(v: string): void;
  problems: readonly Problem[];
}): ReactNode {
  return (
    <LabelledInput
      name="passphrase"
      type="password"
      label={texts.passphrase}
      accessKey="P"
      value={value}
      onChange={onChange}
      note={texts.passphraseNote}
      guide={texts.passphraseGuide}
      problems={problems}
    />
  );
}

/** A check box or a radio button with its label and access key. */
export function Choice({
  kind,
  label,
  accessKey,
  checked,
  onChange,
  guide,
  name,
  value,
}: {
  kind: 'checkbox' | 'radio';
  label: LocalizedText;
  accessKey: string;
  checked: boolean;
  onChange(on: boolean): void;
  guide: LocalizedText;
  name: string;
  value?: string;
}): ReactNode {
  const id = useId();
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  return (
    <div className="field field-bool">
      <input
        id={id}
        type={kind}
        name={name}
        value={value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        onFocus={() => setGuide(guide)}
        {...accessKeyProps(accessKey)}
      />
      <label htmlFor={id} className="field-label">
        <Mnemonic text={label[lang]} k={accessKey} />
      </label>
    </div>
  );
}

export interface ChosenFileProps {
  label: LocalizedText;
  browse: LocalizedText;
  accept: string;
  busy: boolean;
  /** The data-testid stem: `<stem>` the picker, `<stem>-name` the chosen name, `<stem>-err` its problems. */
  testId: string;
  field: string;
  chosen: string | undefined;
  problems: readonly Problem[];
  onPick(f: { name: string; contentBase64: string }): void;
  onRefused(p: Problem[]): void;
}

/** A file the dialog reads (an export, a CSV): its label, the picker, the chosen name, and a read failure beside it. */
export function ChosenFile({ label, browse, accept, busy, testId, field, chosen, problems, onPick, onRefused }: ChosenFileProps): ReactNode {
  const lang = useApp((s) => s.lang);
  return (
    <div className="field">
      <span className="field-label">{label[lang]}</span>
      <div className="field-control">
        <FilePicker
          label={browse[lang]}
          accept={accept}
          disabled={busy}
          testId={testId}
          onPick={onPick}
          onError={(m) => onRefused([problem('ER_1001', { path: label, reason: m }, { field })])}
        />
        <span data-testid={`${testId}-name`}>{chosen ?? ''}</span>
        <FieldErrors id={`${testId}-err`} problems={problems} />
      </div>
    </div>
  );
}
