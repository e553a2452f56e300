import { text } from '../messages/text.js';
import { problem, type Problem } from '../messages/problem.js';
import { checkCharClass, hasControlChars } from './charclass.js';

/** オプション装置情報: the option devices listed on the setup utility's third page (optional, Add / Delete). */
export interface OptionDevice {
  name: string;
  deviceCode: string;
  serialNumber: string;
}
export const MAX_OPTION_DEVICES = 99;
export const OPTION_SECTION_RE = /^OptionDevice(\d{2})$/i;
export const optionSection = (i: number): string => `OptionDevice${String(i + 1).padStart(2, '0')}`;

export const optionFields = {
  name: {
    name: 'Name',
    maxLength: 40,
    label: text('オプション装置名', 'Option device'),
    guide: text('オプション装置の名称を入力して下さい。', "Enter the option device's name."),
  },
  deviceCode: {
    name: 'DeviceCode',
    maxLength: 20,
    label: text('装置コード', 'Device code'),
    guide: text('オプション装置の装置コードを入力して下さい。(例) N8103-XXX', "Enter the option's device code, e.g. N8103-XXX."),
  },
  serialNumber: {
    name: 'SerialNumber',
    maxLength: 16,
    label: text('製造番号', 'Serial number'),
    guide: text('オプション装置の製造番号を入力して下さい。', "Enter the option's serial number."),
  },
} as const;

export function validateOptionDevices(list: readonly OptionDevice[]): Problem[] {
  const out: Problem[] = [];
  if (list.length > MAX_OPTION_DEVICES)
    out.push(problem('ER_3023', { label: text('オプション装置', 'Option devices'), max: MAX_OPTION_DEVICES }, { field: 'options' }));
  list.forEach((d, i) => {
    for (const key of ['name', 'deviceCode', 'serialNumber'] as const) {
      const f = optionFields[key];
      const v = d[key];
      const at = { field: `options.${i + 1}.${key}` };
      // The device code and serial number are half-width only: a character they do not take is said before the length.
      const fault = key !== 'name' && v !== '' ? checkCharClass(v, 'ascii') : undefined;
      if (hasControlChars(v)) out.push(problem('ER_3029', { label: f.label }, at));
      else if (key === 'deviceCode' && v.trim() === '') out.push(problem('ER_3001', { label: f.label }, at));
      else if (fault) out.push(problem('ER_3015', { label: f.label, char: fault.kind === 'char' ? fault.char : '' }, at));
      else if ([...v].length > f.maxLength) out.push(problem('ER_3002', { label: f.label, max: f.maxLength, length: [...v].length }, at));
    }
  });
  return out;
}
