/** One setting of a wizard page: Field bound to the wizard's value, problems, ※ (required) and disabled state. */
import { type ReactNode } from 'react';
import { settingDef } from '../../shared/settings/schema.js';
import { Field } from '../components/Field.js';
import { useWizard } from './context.js';
import { type WizardKey } from './model.js';

export interface WizardFieldProps {
  k: WizardKey;
  disabled?: boolean;
  suggestions?: ReadonlyArray<{ value: string; label?: string }>;
  /** The access key in this window, when it differs from the setting's own (装置の固有情報の入力: 装置コード(P)). */
  accessKey?: string;
}

export function WizardField({ k, disabled, suggestions, accessKey }: WizardFieldProps): ReactNode {
  const w = useWizard();
  const def = settingDef(k);
  if (!def) return null;
  return (
    <Field
      def={def}
      value={w.values[k]}
      onChange={(v) => w.set(k, v)}
      problems={w.problemsOf(k)}
      required={w.required(k)}
      disabled={disabled ?? !w.active(k)}
      suggestions={suggestions}
      accessKey={accessKey}
    />
  );
}
