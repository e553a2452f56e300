/** オプション装置情報 (optional): a list of option devices with 追加 (Add) and 削除 (Delete). */
import { useId, useState, type ReactNode } from 'react';
import { type OptionDevice, MAX_OPTION_DEVICES, optionFields } from '../../shared/settings/options.js';
import { useApp } from '../store-context.js';
import { FieldErrors } from '../components/Field.js';
import { KeyButton } from '../components/Mnemonic.js';
import { PageHeading, Note } from './PageHeading.js';
import { useWizard } from './context.js';
import { OptionDeviceDialog } from './OptionDeviceDialog.js';
import { deviceCodeSuggestions } from './MachinePage.js';
import { W } from './texts.js';

export function OptionsPage({ devices, onChange }: { devices: OptionDevice[]; onChange(devices: OptionDevice[]): void }): ReactNode {
  const lang = useApp((s) => s.lang);
  const w = useWizard();
  const id = useId();
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const rowProblems = (i: number) =>
    devices.length > 0
      ? w.problemsOf(`options.${i + 1}.name`).concat(w.problemsOf(`options.${i + 1}.deviceCode`), w.problemsOf(`options.${i + 1}.serialNumber`))
      : [];
  const remove = (): void => {
    if (selected === undefined) return;
    onChange(devices.filter((_, i) => i !== selected));
    setSelected(devices.length > 1 ? Math.min(selected, devices.length - 2) : undefined);
  };
  return (
    <section className="wizard-page">
      <PageHeading title={W.optionsPage} intro={W.optionsIntro} />
      <table className="list" aria-label={W.optionsList[lang]}>
        <thead>
          <tr>
            <th scope="col">
              <span className="wizard-sr-only">{lang === 'ja' ? '選択' : 'Select'}</span>
            </th>
            <th scope="col">{optionFields.name.label[lang]}</th>
            <th scope="col">{optionFields.deviceCode.label[lang]}</th>
            <th scope="col">{optionFields.serialNumber.label[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {devices.length === 0 ? (
            <tr>
              <td colSpan={4}>{W.optionsEmpty[lang]}</td>
            </tr>
          ) : (
            devices.map((d, i) => (
              <tr key={i} aria-selected={selected === i} onClick={() => setSelected(i)}>
                <td>
                  <input
                    type="radio"
                    name={`${id}-sel`}
                    id={`${id}-${i}`}
                    checked={selected === i}
                    onChange={() => setSelected(i)}
                    aria-label={`${i + 1}: ${d.name || d.deviceCode}`}
                  />
                </td>
                <td>{d.name}</td>
                <td>{d.deviceCode}</td>
                <td>
                  {d.serialNumber}
                  <FieldErrors id={`${id}-${i}-err`} problems={rowProblems(i)} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <FieldErrors id={`${id}-err`} problems={w.problemsOf('options')} />
      <div className="wizard-list-buttons">
        <KeyButton text={W.add[lang]} disabled={devices.length >= MAX_OPTION_DEVICES} onClick={() => setAdding(true)} />
        <KeyButton text={W.remove[lang]} disabled={selected === undefined} onClick={remove} />
      </div>
      <Note text={W.optionsOptional} />
      {adding ? (
        <OptionDeviceDialog
          deviceCodes={deviceCodeSuggestions(w.resources?.deviceCodes)}
          onCancel={() => setAdding(false)}
          onOk={(d) => {
            onChange([...devices, d]);
            setSelected(devices.length);
            setAdding(false);
          }}
        />
      ) : null}
    </section>
  );
}
