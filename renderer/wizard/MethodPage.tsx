/** 開局方式選択: 「開局ファイルを持っていますか。」 key file or key code, and which service is being activated. */
import { useId, type ReactNode } from 'react';
import { settingDef } from '../../shared/settings/schema.js';
import { text } from '../../shared/messages/text.js';
import { useApp } from '../store-context.js';
import { FieldErrors } from '../components/Field.js';
import { accessKeyOf, accessKeyProps } from '../components/keyboard.js';
import { Mnemonic } from '../components/Mnemonic.js';
import { PageHeading, Note } from './PageHeading.js';
import { useWizard } from './context.js';
import { W } from './texts.js';
import { type Method, type Service } from './model.js';

const serviceGuide = text(
  '開局するサービスを選択して下さい。エクスプレス通報サービスと(HTTPS)は同時に使用できません。',
  'Choose the service to activate. Express and Express (HTTPS) cannot be used together.',
);

export function MethodPage({ onMethod, onService }: { onMethod(m: Method): void; onService(s: Service): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  const w = useWizard();
  const id = useId();
  const methodGuide = settingDef('activation.method')!.guide;
  const methods: Array<{ value: Method; label: string }> = [
    { value: 'keyfile', label: W.methodKeyFile[lang] },
    { value: 'keycode', label: W.methodKeyCode[lang] },
  ];
  const services: Array<{ value: Service; label: string }> = [
    { value: 'express', label: W.serviceExpress[lang] },
    { value: 'https', label: W.serviceHttps[lang] },
  ];
  const problems = [...w.problemsOf('activation.method'), ...w.problemsOf('express.route')];
  return (
    <section className="wizard-page">
      <PageHeading title={W.methodPage} />
      <fieldset className="wizard-radios">
        <legend>{W.methodQuestion[lang]}</legend>
        {methods.map((m) => (
          <div key={m.value}>
            <input
              type="radio"
              id={`${id}-${m.value}`}
              name={`${id}-method`}
              value={m.value}
              {...accessKeyProps(accessKeyOf(m.label))}
              checked={w.method === m.value}
              onChange={() => onMethod(m.value)}
              onFocus={() => setGuide(methodGuide)}
            />
            <label htmlFor={`${id}-${m.value}`}>
              <Mnemonic text={m.label} />
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="wizard-radios">
        <legend>{W.serviceLegend[lang]}</legend>
        {services.map((s) => (
          <div key={s.value}>
            <input
              type="radio"
              id={`${id}-${s.value}`}
              name={`${id}-service`}
              value={s.value}
              checked={w.service === s.value}
              onChange={() => onService(s.value)}
              onFocus={() => setGuide(serviceGuide)}
            />
            <label htmlFor={`${id}-${s.value}`}>{s.label}</label>
          </div>
        ))}
      </fieldset>
      <FieldErrors id={`${id}-err`} problems={problems} />
      <Note text={W.smimeNote} />
    </section>
  );
}
