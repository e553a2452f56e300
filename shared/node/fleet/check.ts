/**
 * Checking a fleet CSV row by row (docs/fleet.md): each row merged with the base the way activation merges the setup
 * utility's pages (planActivation, the CLI `activate`'s own code, nothing sent), then checked with the window's
 * validators. Every problem is located by the row's line and the CSV column; the plan of each row without errors is
 * kept for the build. Nothing is written here.
 */
import { isError, problem, type Problem } from '../../messages/problem.js';
import { validateSettings } from '../../settings/validate.js';
import { settingDef } from '../../settings/schema.js';
import { type TypedValues, type ActivationRequest } from '../../host/api.js';
import { type Config } from '../../config/model.js';
import { DEFAULT_HBI_MODEL } from '../../inf/hbi.js';
import { FIXED_COLUMNS, checkHeader, columnOfKey, isFixedColumn } from '../../fleet/columns.js';
import { parseActivation } from '../../fleet/activation-column.js';
import { folderKey, folderNameRefusal } from '../../fleet/folder-name.js';
import { DEFAULT_WINDOW, slotOf, type SlotWindow } from '../../fleet/schedule-slot.js';
import { countRows, statusOf, type Counts, type RowResult } from '../../fleet/result.js';
import { type KeyVerifier } from '../host/verifier.js';
import { type CenterDestinations } from '../host/center.js';
import { convertTypedValues } from '../host/typed-values.js';
import { planActivation } from '../host/activation.js';
import { type KeyFilePayload } from '../../keyfile/model.js';
import { type FleetBase } from './base.js';
import { type FleetCsv } from './csv.js';

export interface CheckInput {
  csv: FleetCsv;
  base: FleetBase;
  /** A key file's bytes by its name (the key folder beside the CSV, or the window's upload); undefined: not there. */
  keyFile(name: string): Promise<Uint8Array | undefined>;
  /** Where key files are looked for, for the message. */
  keyDir: string;
  /** A row's output folder exists already (replace). */
  exists(folder: string): Promise<boolean>;
  verifier: KeyVerifier;
  center: CenterDestinations;
  deviceCodes: ReadonlySet<string>;
  window?: SlotWindow;
  service?: 'express' | 'https';
}

export interface RowPlan {
  config: Config;
  centerCertificate?: string;
}

export interface FleetCheck {
  /** The CSV or base as a whole: while one is an error, no row is checked and nothing is written. */
  file: Problem[];
  /** Said once for every row (the base's secrets not carried over). */
  notes: Problem[];
  rows: RowResult[];
  plans: Map<number, RowPlan>;
  counts: Counts;
}

/** Names that differ only in case, width, spaces or - and _ look the same to a person. */
const nameKey = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_]/g, '');

const sealNothing = (): Promise<string> => Promise.reject(new Error('a fleet row holds no secret'));

export async function checkFleet(input: CheckInput): Promise<FleetCheck> {
  const { csv, base } = input;
  const file = [...csv.problems];
  const headerLine = csv.rows.length > 0 ? csv.rows[0]!.line - 1 : 1;
  if (file.length === 0) file.push(...checkHeader(csv.header, headerLine));
  // An unreadable base (ER_3618) says so itself; a base with errors is named, then each error.
  const unreadable = base.problems.some((p) => p.code === 'ER_3618');
  if (base.problems.length > 0) file.push(...(unreadable ? [] : [problem('ER_3615', { base: base.name, count: base.problems.length })]), ...base.problems);
  const notes = base.secrets.length > 0 ? [problem('ER_6822', { keys: base.secrets.join(', ') })] : [];
  const rows: RowResult[] = [];
  const plans = new Map<number, RowPlan>();
  if (file.some(isError)) return { file, notes, rows, plans, counts: countRows(rows) };

  const serials = new Map<string, number>();
  const folders = new Map<string, number>();
  const names = new Map<string, { line: number; name: string }>();
  for (const row of csv.rows) {
    const got: Problem[] = [];
    const at = (column: string) => ({ line: row.line, field: column });
    const add = (p: Problem, column: string) => {
      const { file: _file, ...rest } = p;
      got.push({ ...rest, line: row.line, field: column });
    };
    const cell = (column: string): string => (row.fields[csv.header.indexOf(column)] ?? '').trim();
    const serial = cell('serial');
    const serverName = cell('server_name');
    const folder = cell('folder') || serial;
    const result = (exists: boolean, schedule?: RowResult['schedule']): RowResult => ({
      line: row.line,
      serial,
      serverName,
      folder,
      exists,
      status: statusOf(got, exists),
      problems: got,
      ...(schedule ? { schedule } : {}),
    });

    if (row.fields.length !== csv.header.length) {
      const column = row.fields.length < csv.header.length ? csv.header[row.fields.length]! : `#${csv.header.length + 1}`;
      got.push(problem('ER_3608', { count: row.fields.length, expected: csv.header.length }, at(column)));
      rows.push(result(false));
      continue;
    }
    const duplicate = serial !== '' && serials.has(serial);
    if (serial === '') got.push(problem('ER_3616', { column: 'serial' }, at('serial')));
    else if (duplicate) got.push(problem('ER_3609', { serial, other: serials.get(serial)! }, at('serial')));
    else serials.set(serial, row.line);
    const folderColumn = cell('folder') ? 'folder' : 'serial';
    // A folder named by a missing or repeated serial is already said by the serial's own problem.
    const fromSerialProblem = folderColumn === 'serial' && (serial === '' || duplicate);
    const refusal = fromSerialProblem ? undefined : folderNameRefusal(folder);
    if (refusal) got.push(problem('ER_3613', { value: folder, reason: refusal }, at(folderColumn)));
    else if (!fromSerialProblem && folders.has(folderKey(folder)))
      got.push(problem('ER_3617', { value: folder, other: folders.get(folderKey(folder))! }, at(folderColumn)));
    else if (!fromSerialProblem) folders.set(folderKey(folder), row.line);

    // The activation: a key code, or a key file from the key folder verified as `activate --key-file` does.
    const spec = parseActivation(cell('activation'));
    let payload: KeyFilePayload | undefined;
    if (!spec) got.push(problem('ER_3610', { value: cell('activation') }, at('activation')));
    else if (spec.method === 'keyfile') {
      const bytes = await input.keyFile(spec.name);
      if (!bytes) got.push(problem('ER_3611', { name: spec.name, dir: input.keyDir }, at('activation')));
      else {
        const v = input.verifier.keyFile(bytes, spec.name);
        if (v.ok) payload = v.payload;
        else got.push(problem('ER_3612', { name: spec.name, reason: v.problems.map((p) => p.message.en).join(' ') }, at('activation')));
      }
    }

    const values: TypedValues = {};
    for (const column of csv.header) {
      if (isFixedColumn(column)) {
        const key = FIXED_COLUMNS[column];
        if (key) values[key] = cell(column);
      } else if (cell(column) !== '' && settingDef(column)) (values as Record<string, string>)[column] = cell(column);
    }
    if (spec?.method === 'keycode') values['activation.keyCode'] = spec.keyCode;
    const typed = await convertTypedValues(values, sealNothing);
    const req: ActivationRequest = {
      method: spec?.method ?? 'keycode',
      service: input.service ?? 'https',
      acceptHostNameMismatch: false,
      confirmReactivation: false,
      values: {},
      optionDevices: [],
    };
    const plan = planActivation(base.config, req, typed, serverName || '-', payload, input.center);
    const schedule = serial === '' ? undefined : slotOf(serial, input.window ?? DEFAULT_WINDOW);
    if (schedule) plan.config.inf.hbi = { ...(plan.config.inf.hbi ?? DEFAULT_HBI_MODEL), schedule };
    // Key file problems are already said by ER_3612; a missing key file would be said twice.
    // What follows from an activation already refused (a key file's customer fields, a key code's) is not said again.
    const noise = (p: Problem): boolean =>
      p.field === 'activation.keyFile' ||
      (spec === undefined && p.field === 'activation.keyCode') ||
      (spec?.method === 'keyfile' && !payload && (p.field ?? '').startsWith('customer.'));
    const merged = [...plan.problems, ...validateSettings(plan.config.settings)].filter((p) => !noise(p));
    for (const p of merged) {
      // Activation compares the key file's server name with the OS host name; here the row's server_name is that name.
      if (p.code === 'ER_3050' && payload && spec?.method === 'keyfile') {
        got.push(problem('ER_3621', { name: spec.name, serverName: payload.serverName, value: serverName }, at('server_name')));
      } else add(p, p.field === 'activation.keyCode' ? 'activation' : columnOfKey(p.field ?? '-'));
    }
    if (payload && spec?.method === 'keyfile' && payload.machine.serialNumber !== '' && serial !== '' && payload.machine.serialNumber !== serial) {
      got.push(problem('ER_6826', { name: spec.name, keySerial: payload.machine.serialNumber, value: serial }, at('serial')));
    }

    const deviceCode = plan.config.settings['machine.deviceCode'];
    if (deviceCode !== '' && !input.deviceCodes.has(deviceCode)) got.push(problem('ER_6820', { value: deviceCode }, at('device_code')));
    const seen = serverName === '' ? undefined : names.get(nameKey(serverName));
    if (seen) got.push(problem('ER_6821', { value: serverName, other: seen.line, name: seen.name }, at('server_name')));
    else if (serverName !== '') names.set(nameKey(serverName), { line: row.line, name: serverName });

    const exists = folder !== '' && !refusal && !fromSerialProblem ? await input.exists(folder) : false;
    rows.push(result(exists, schedule));
    if (!got.some(isError)) plans.set(row.line, { config: plan.config, ...(plan.centerCertificate ? { centerCertificate: plan.centerCertificate } : {}) });
  }
  return { file, notes, rows, plans, counts: countRows(rows) };
}
