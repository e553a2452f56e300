/**
 * 登録されている開局情報: the first page of the setup utility on an activated machine (change.ts). Shows what is
 * registered and asks what to do: change it (default) or activate again with a new key file or key code.
 */
import { useId, type ReactNode } from 'react';
import { settingDef } from '../../shared/settings/schema.js';
import { type AppSnapshot } from '../../shared/host/api.js';
import { useApp } from '../store-context.js';
import { accessKeyOf, accessKeyProps } from '../components/keyboard.js';
import { Mnemonic } from '../components/Mnemonic.js';
import { ReadOnlyField } from '../settings/parts.js';
import { PageHeading, Note } from './PageHeading.js';
import { WizardField } from './WizardField.js';
import { useWizard } from './context.js';
import { C, type ChangeChoice } from './change.js';
import { W } from './texts.js';

function choiceLabel(key: 'activation.state' | 'activation.method', value: string, lang: 'ja' | 'en'): string {
  const def = settingDef(key);
  return (def?.kind === 'enum' ? def.choiceLabels?.[value]?.[lang] : undefined) ?? value;
}

export function RegisteredPage({ start, choice, onChoice }: { start: AppSnapshot; choice: ChangeChoice; onChoice(c: ChangeChoice): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const w = useWizard();
  const id = useId();
  const s = start.settings;
  const choices: Array<{ value: ChangeChoice; label: string; note: string }> = [
    { value: 'change', label: C.change[lang], note: C.changeNote[lang] },
    { value: 'reactivate', label: C.reactivate[lang], note: C.reactivateNote[lang] },
  ];
  return (
    <section className="wizard-page">
      <PageHeading title={C.page} intro={C.intro} />
      <ReadOnlyField label={C.service[lang]} value={(w.service === 'https' ? W.serviceHttps : W.serviceExpress)[lang]} />
      <ReadOnlyField label={C.method[lang]} value={choiceLabel('activation.method', s['activation.method'], lang)} />
      {/* A key-code machine has neither until the center sends them: no empty rows. */}
      {s['activation.userSystemCode'] ? <ReadOnlyField label={W.userSystemCode[lang]} value={s['activation.userSystemCode']} /> : null}
      {s['activation.expiry'] ? <ReadOnlyField label={C.expiry[lang]} value={s['activation.expiry']} /> : null}
      <ReadOnlyField label={C.state[lang]} value={choiceLabel('activation.state', s['activation.state'], lang)} />
      {w.method === 'keycode' && w.service === 'https' ? <WizardField k="activation.replyMail" /> : null}
      <fieldset className="wizard-radios">
        <legend>{C.choice[lang]}</legend>
        {choices.map((c) => (
          <div key={c.value}>
            <input
              type="radio"
              id={`${id}-${c.value}`}
              name={`${id}-choice`}
              value={c.value}
              {...accessKeyProps(accessKeyOf(c.label))}
              checked={choice === c.value}
              onChange={() => onChoice(c.value)}
              aria-describedby={`${id}-${c.value}-note`}
            />
            <label htmlFor={`${id}-${c.value}`}>
              <Mnemonic text={c.label} />
            </label>
            <p id={`${id}-${c.value}-note`} className="wizard-note">
              {c.note}
            </p>
          </div>
        ))}
      </fieldset>
      <Note text={W.requiredNote} />
    </section>
  );
}
