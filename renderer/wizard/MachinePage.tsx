/** 本機に関する情報: サーバ名称, 装置コード (pick from the list or type), 製造番号, 保証書番号, コメント; key code shown read-only. */
import { useId, type ReactNode } from 'react';
import { settingDef } from '../../shared/settings/schema.js';
import { useApp } from '../store-context.js';
import { FieldLabel } from '../components/Field.js';
import { accessKeyProps } from '../components/keyboard.js';
import { PageHeading, Note } from './PageHeading.js';
import { WizardField } from './WizardField.js';
import { useWizard } from './context.js';
import { W } from './texts.js';

export function deviceCodeSuggestions(list: ReadonlyArray<{ code: string; name: string }> | undefined): Array<{ value: string; label: string }> {
  return (list ?? []).map((d) => ({ value: d.code, label: d.name }));
}

export function MachinePage({ serverNameFixed }: { serverNameFixed: boolean }): ReactNode {
  const lang = useApp((s) => s.lang);
  const setGuide = useApp((s) => s.setGuide);
  const w = useWizard();
  const id = useId();
  const keyCodeDef = settingDef('activation.keyCode')!;
  return (
    <section className="wizard-page">
      <PageHeading title={W.machinePage} intro={W.deviceCodeNote} />
      <WizardField k="machine.serverName" disabled={serverNameFixed} />
      {serverNameFixed ? <Note text={W.serverNameFixed} /> : null}
      <WizardField k="machine.deviceCode" suggestions={deviceCodeSuggestions(w.resources?.deviceCodes)} />
      <WizardField k="machine.serialNumber" />
      <WizardField k="machine.warrantyNumber" />
      {w.method === 'keycode' ? (
        <div className="field">
          <FieldLabel text={keyCodeDef.label[lang]} accessKey={keyCodeDef.accessKey} htmlFor={`${id}-keycode`} />
          <div className="field-control">
            <input
              type="text"
              id={`${id}-keycode`}
              readOnly
              value={w.values['activation.keyCode']}
              {...accessKeyProps(keyCodeDef.accessKey)}
              data-key="activation.keyCode"
              onFocus={() => setGuide(keyCodeDef.guide)}
            />
          </div>
        </div>
      ) : null}
      <WizardField k="machine.comment" />
      <Note text={W.requiredNote} />
    </section>
  );
}
