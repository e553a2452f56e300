/** 追加 on オプション装置情報: one option device's name, device code and serial number. */
import { useState, type ReactNode } from 'react';
import { def, type TextDef } from '../../shared/settings/define.js';
import { optionFields, validateOptionDevices, type OptionDevice } from '../../shared/settings/options.js';
import { type Problem } from '../../shared/messages/problem.js';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { Field } from '../components/Field.js';
import { DEFAULT_BUTTON } from '../components/keyboard.js';
import { W } from './texts.js';

type Part = keyof OptionDevice;
const PARTS: readonly Part[] = ['name', 'deviceCode', 'serialNumber'];
const accessKeys: Record<Part, string> = { name: 'M', deviceCode: 'H', serialNumber: 'U' };

/** Field definitions for the option device's parts (they are not settings of their own). */
export const optionDefs: Record<Part, TextDef> = Object.fromEntries(
  PARTS.map((p) => [
    p,
    def.text({
      key: `options.new.${p}`,
      file: 'activation.ini',
      section: 'OptionDevice',
      name: optionFields[p].name,
      default: '',
      maxLength: optionFields[p].maxLength,
      charClass: p === 'name' ? 'any' : 'ascii',
      accessKey: accessKeys[p],
      label: optionFields[p].label,
      guide: optionFields[p].guide,
    }),
  ]),
) as Record<Part, TextDef>;

export function OptionDeviceDialog({
  deviceCodes,
  onOk,
  onCancel,
}: {
  deviceCodes: ReadonlyArray<{ value: string; label: string }>;
  onOk(device: OptionDevice): void;
  onCancel(): void;
}): ReactNode {
  const lang = useApp((s) => s.lang);
  const [device, setDevice] = useState<OptionDevice>({ name: '', deviceCode: '', serialNumber: '' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const ok = (): void => {
    const found = validateOptionDevices([device]).filter((p) => p.severity === 'error');
    setProblems(found);
    if (found.length === 0) onOk({ name: device.name.trim(), deviceCode: device.deviceCode.trim(), serialNumber: device.serialNumber.trim() });
  };
  return (
    <Dialog
      title={W.addTitle[lang]}
      onCancel={onCancel}
      buttons={
        <>
          <button type="button" {...DEFAULT_BUTTON} onClick={ok}>
            {W.ok[lang]}
          </button>
          <button type="button" onClick={onCancel}>
            {W.cancel[lang]}
          </button>
        </>
      }
    >
      {PARTS.map((p) => (
        <Field
          key={p}
          def={optionDefs[p]}
          value={device[p]}
          required={p === 'deviceCode'}
          onChange={(v) => setDevice((d) => ({ ...d, [p]: v }))}
          problems={problems.filter((x) => x.field === `options.1.${p}`)}
          suggestions={p === 'deviceCode' ? deviceCodes : undefined}
        />
      ))}
    </Dialog>
  );
}
