/**
 * The CSV's columns (docs/fleet.md): the fixed ones, and any setting key overriding the base. The header is checked
 * as a whole: an unknown, secret, repeated or fixed-by-activation column, or a required one missing, refuses the file.
 */
import { problem, type Problem } from '../messages/problem.js';
import { text, type LocalizedText } from '../messages/text.js';
import { settingDef, type SettingKey } from '../settings/schema.js';

/** A fixed column and the setting it fills (activation and folder are read by the fleet itself). */
export const FIXED_COLUMNS = {
  server_name: 'machine.serverName',
  device_code: 'machine.deviceCode',
  serial: 'machine.serialNumber',
  warranty: 'machine.warrantyNumber',
  activation: undefined,
  reply_mail: 'activation.replyMail',
  comment: 'machine.comment',
  folder: undefined,
} as const satisfies Record<string, SettingKey | undefined>;

export type FixedColumn = keyof typeof FIXED_COLUMNS;
export const REQUIRED_COLUMNS: readonly FixedColumn[] = ['server_name', 'device_code', 'serial', 'activation'];

/** Settings only activation writes: a column for them would fight it. */
const BY_ACTIVATION: Readonly<Record<string, LocalizedText>> = {
  'activation.state': text('状態は開局で 設定済み になります', 'activation makes the state configured'),
  'activation.method': text('activation 列で指定します', 'the activation column says it'),
  'activation.keyCode': text('activation 列で指定します', 'the activation column says it'),
  'activation.userSystemCode': text('開局キーファイルの値です', "the key file's value"),
  'activation.expiry': text('開局キーファイルの値です', "the key file's value"),
};

export const isFixedColumn = (c: string): c is FixedColumn => Object.hasOwn(FIXED_COLUMNS, c);

/** The column a setting key is written in: a fixed column's name when one fills it (also when the CSV lacks it: add it). */
export function columnOfKey(key: string): string {
  for (const [c, k] of Object.entries(FIXED_COLUMNS)) if (k === key) return c;
  return key;
}

/** Problems of the header line (line 1): each located by its column. */
export function checkHeader(header: readonly string[], line = 1): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const fixedKeys = new Map(
    Object.entries(FIXED_COLUMNS)
      .filter(([, k]) => k !== undefined)
      .map(([c, k]) => [k as string, c]),
  );
  for (const column of header) {
    const at = { field: column, line };
    if (seen.has(column)) out.push(problem('ER_3606', { column }, at));
    seen.add(column);
    if (isFixedColumn(column)) continue;
    const def = settingDef(column);
    if (!def) out.push(problem('ER_3604', { column }, at));
    else if (def.kind === 'secret') out.push(problem('ER_3605', { column }, at));
    else if (BY_ACTIVATION[column]) out.push(problem('ER_3614', { column, reason: BY_ACTIVATION[column] }, at));
    else if (fixedKeys.has(column))
      out.push(problem('ER_3614', { column, reason: text(`${fixedKeys.get(column)} 列で指定します`, `use column ${fixedKeys.get(column)}`) }, at));
  }
  for (const column of REQUIRED_COLUMNS) if (!seen.has(column)) out.push(problem('ER_3607', { column }, { field: column, line }));
  return out;
}
