/** お客様に関する情報 (key-file activation only): filled from the key file, confirmed or corrected here. */
import { useId, type ReactNode } from 'react';
import { settingDef } from '../../shared/settings/schema.js';
import { useApp } from '../store-context.js';
import { FieldErrors } from '../components/Field.js';
import { accessKeyProps } from '../components/keyboard.js';
import { Mnemonic } from '../components/Mnemonic.js';
import { PageHeading, Note } from './PageHeading.js';
import { WizardField } from './WizardField.js';
import { useWizard } from './context.js';
import { W } from './texts.js';

export function CustomerPage({ onType, userSystemCode }: { onType(type: 'individual' | 'corporate'): void; userSystemCode?: string }): ReactNode {
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  const w = useWizard();
  const id = useId();
  const typeGuide = settingDef('customer.type')!.guide;
  const types = [
    { value: 'individual', label: W.individual[lang], key: 'I' },
    { value: 'corporate', label: W.corporate[lang], key: 'O' },
  ] as const;
  return (
    <section className="wizard-page">
      <PageHeading title={W.customerPage} />
      {userSystemCode ? <p className="wizard-note">{`${W.userSystemCode[lang]}: ${userSystemCode}`}</p> : null}
      <fieldset className="wizard-radios wizard-inline">
        <legend>{W.customerType[lang]}</legend>
        {types.map((t) => (
          <span key={t.value}>
            <input
              type="radio"
              id={`${id}-${t.value}`}
              name={`${id}-type`}
              value={t.value}
              {...accessKeyProps(t.key)}
              checked={w.values['customer.type'] === t.value}
              onChange={() => onType(t.value)}
              onFocus={() => setGuide(typeGuide)}
            />
            <label htmlFor={`${id}-${t.value}`}>
              <Mnemonic text={`${t.label} (${t.key})`} />
            </label>
          </span>
        ))}
        <FieldErrors id={`${id}-err`} problems={w.problemsOf('customer.type')} />
      </fieldset>
      <WizardField k="customer.nameKana" />
      <WizardField k="customer.name" />
      <WizardField k="customer.department" />
      <WizardField k="customer.postalCode" />
      <WizardField k="customer.addressKana" />
      <WizardField k="customer.address" />
      <WizardField k="customer.addressDetail" />
      <WizardField k="customer.phone" />
      <WizardField k="customer.email" />
      <WizardField k="customer.contactKana" />
      <WizardField k="customer.contact" />
      <Note text={W.individualNote} />
      <Note text={W.requiredNote} />
    </section>
  );
}
