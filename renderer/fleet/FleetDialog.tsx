/**
 * ファイル → 一括準備(B)…: `fleet check` / `fleet build` in the window (docs/fleet.md). The CSV and the key files are read
 * by the page (so serve and the desktop app work alike); the base is the current settings or an export file; the output
 * is a folder path on the host's machine. 確認 asks the host for every row's result (HostApi fleetCheck: nothing is
 * written); OK builds (fleetBuild: checked again, only the rows without errors written). キャンセル writes nothing.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { type FleetBuilt, type FleetChecked, type FleetRow, type FleetWindowRequest } from '../../shared/host/api.js';
import { isError, message, problem, type Problem } from '../../shared/messages/problem.js';
import { Dialog } from '../components/Dialog.js';
import { FilePicker } from '../components/FilePicker.js';
import { ChosenFile } from '../transfer/controls.js';
import { BackOkCancel, CheckCancel, DoneDialog } from '../transfer/steps.js';
import { useHostCall } from '../transfer/use-host-call.js';
import { type WindowFile as Chosen } from '../transfer/window-file.js';
import { FieldErrors, FieldLabel } from '../components/Field.js';
import { KeyButton } from '../components/Mnemonic.js';
import { readBase64 } from '../components/file.js';
import { accessKeyProps } from '../components/keyboard.js';
import { useApp } from '../store-context.js';
import { Note, ProblemList } from '../settings/parts.js';
import { FLEET_TEXT as X } from './texts.js';
import './fleet.css';

type Checked = Extract<FleetChecked, { ok: true }>;
type Built = Extract<FleetBuilt, { ok: true }>;

function RowTable({ rows, lang }: { rows: readonly FleetRow[]; lang: 'ja' | 'en' }): ReactNode {
  return (
    <table className="fleet-rows" data-testid="fleet-rows">
      <thead>
        <tr>
          {(['line', 'status', 'serial', 'serverName', 'folder', 'schedule', 'problems'] as const).map((h) => (
            <th key={h} scope="col">
              {X.head[h][lang]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.line} data-line={r.line} data-status={r.status}>
            <th scope="row">{r.line}</th>
            <td>{X.status[r.status][lang]}</td>
            <td>{r.serial}</td>
            <td>{r.serverName}</td>
            <td>{r.folder}</td>
            <td>{r.schedule?.[lang] ?? ''}</td>
            <td>
              {r.problems.map((p, i) => (
                <div key={i} className={isError(p) ? 'field-error' : 'warning'} data-code={p.code}>
                  {`${p.line ?? r.line}: ${p.field ?? '-'}: ${p.code} ${p.message[lang]}`}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FleetDialog(): ReactNode {
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const setGuide = useApp((s) => s.setGuide);
  const { problems, setProblems, busy, refuse, call } = useHostCall();
  const outId = useId();
  const keysInput = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState<Chosen | undefined>();
  const [keys, setKeys] = useState<Chosen[]>([]);
  const [baseKind, setBaseKind] = useState<'current' | 'file'>('current');
  const [baseFile, setBaseFile] = useState<Chosen | undefined>();
  const [out, setOut] = useState('');
  const [checked, setChecked] = useState<Checked | undefined>();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [built, setBuilt] = useState<Built | undefined>();
  const cancel = () => close();
  const of = (field: string) => problems.filter((p) => p.field === field);
  const mine = ['csv', 'base', 'out'];

  const request = (): FleetWindowRequest | undefined => {
    const missing: Problem[] = [];
    if (!csv) missing.push(problem('ER_3001', { label: X.csv }, { field: 'csv' }));
    if (baseKind === 'file' && !baseFile) missing.push(problem('ER_3001', { label: X.exportFile }, { field: 'base' }));
    if (out.trim() === '') missing.push(problem('ER_3620', {}, { field: 'out' }));
    if (missing.length > 0 || !csv) {
      refuse(missing);
      return undefined;
    }
    return { csv, keys: { files: keys }, base: baseKind === 'file' && baseFile ? { file: baseFile } : { current: true }, out: out.trim() };
  };

  const check = async (): Promise<void> => {
    const req = request();
    if (!req) return;
    await call(async () => {
      const r = await host.fleetCheck(req);
      if (!r.ok) return refuse(r.problems);
      setProblems([]);
      setChecked(r);
    });
  };

  const build = async (): Promise<void> => {
    const req = request();
    if (!req || !checked) return;
    await call(async () => {
      const r = await host.fleetBuild({ ...req, out: out.trim() });
      if (!r.ok) return refuse(r.problems);
      setBuilt(r);
    });
  };

  if (built) {
    return (
      <DoneDialog title={X.title[lang]} onClose={cancel}>
        <p role="status" data-testid="fleet-built" data-code="ER_6824">
          {message('ER_6824', { written: built.written, out: out.trim(), skipped: built.skipped, csv: built.resultCsv })[lang]}
        </p>
      </DoneDialog>
    );
  }

  if (checked) {
    const fileErrors = checked.problems.some(isError);
    const writable = checked.rows.filter((r) => r.status !== 'error').length;
    const rows = errorsOnly ? checked.rows.filter((r) => r.status === 'error') : checked.rows;
    return (
      <Dialog
        wide
        title={`${X.title[lang]} - ${X.preview[lang]}`}
        onCancel={cancel}
        buttons={<BackOkCancel busy={busy} blocked={fileErrors || writable === 0} onBack={() => setChecked(undefined)} onOk={build} onCancel={cancel} />}
      >
        <p role="status" data-testid="fleet-counts">
          {X.counts(checked.counts)[lang]}
        </p>
        {!fileErrors && writable === 0 ? <p className="note">{X.nothingToWrite[lang]}</p> : null}
        {[...checked.problems, ...checked.notes].map((p, i) => (
          <p key={i} className={isError(p) ? 'field-error' : 'note'} data-code={p.code}>
            {`${p.line !== undefined ? `${p.line}: ${p.field ?? '-'}: ` : ''}${p.code} ${p.message[lang]}`}
          </p>
        ))}
        <ProblemList problems={problems} />
        <label className="fleet-filter">
          <input type="checkbox" name="errorsOnly" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)} {...accessKeyProps('R')} />{' '}
          {X.errorsOnly[lang]}
        </label>
        <RowTable rows={rows} lang={lang} />
      </Dialog>
    );
  }

  return (
    <Dialog title={X.title[lang]} onCancel={cancel} buttons={<CheckCancel text={X.check[lang]} busy={busy} onCheck={check} onCancel={cancel} />}>
      <Note>{X.intro[lang]}</Note>
      <ChosenFile
        label={X.csv}
        browse={X.csvBrowse}
        accept=".csv,text/csv"
        busy={busy}
        testId="fleet-csv"
        field="csv"
        chosen={csv?.name}
        problems={of('csv')}
        onPick={(f) => {
          setCsv(f);
          setProblems([]);
        }}
        onRefused={refuse}
      />
      <div className="field">
        <span className="field-label">{X.keys[lang]}</span>
        <div className="field-control">
          <KeyButton text={X.keysBrowse[lang]} disabled={busy} onClick={() => keysInput.current?.click()} />
          <input
            ref={keysInput}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            aria-hidden="true"
            data-testid="fleet-keys"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: await readBase64(f) }))).then(setKeys, (err: unknown) =>
                refuse([problem('ER_1001', { path: X.keys, reason: String(err) }, { field: 'keys' })]),
              );
            }}
          />
          <span data-testid="fleet-keys-names">{keys.map((k) => k.name).join(', ')}</span>
          <div className="note">{X.keysNote[lang]}</div>
        </div>
      </div>
      <fieldset className="field-group" aria-invalid={of('base').length > 0 || undefined}>
        <legend>{X.base[lang]}</legend>
        <label>
          <input type="radio" name="base" checked={baseKind === 'current'} onChange={() => setBaseKind('current')} {...accessKeyProps('U')} /> {X.current[lang]}
        </label>
        <label>
          <input type="radio" name="base" checked={baseKind === 'file'} onChange={() => setBaseKind('file')} {...accessKeyProps('X')} /> {X.exportFile[lang]}
        </label>
        <FilePicker
          label={X.baseBrowse[lang]}
          accept=".zip,application/zip"
          disabled={busy || baseKind !== 'file'}
          testId="fleet-base"
          onPick={(f) => {
            setBaseFile(f);
            setProblems([]);
          }}
          onError={(m) => refuse([problem('ER_1001', { path: X.exportFile, reason: m }, { field: 'base' })])}
        />
        <span data-testid="fleet-base-name">{baseKind === 'file' ? (baseFile?.name ?? '') : ''}</span>
        <FieldErrors id="fleet-base-err" problems={of('base')} />
      </fieldset>
      <div className="field">
        <FieldLabel text={X.out[lang]} accessKey="O" htmlFor={outId} />
        <div className="field-control">
          <input
            id={outId}
            name="out"
            type="text"
            value={out}
            onChange={(e) => setOut(e.target.value)}
            onFocus={() => setGuide(X.outNote)}
            {...accessKeyProps('O')}
            aria-invalid={of('out').length > 0 || undefined}
          />
          <div className="note">{X.outNote[lang]}</div>
          <FieldErrors id="fleet-out-err" problems={of('out')} />
        </div>
      </div>
      <ProblemList problems={problems.filter((p) => !mine.includes(p.field ?? ''))} />
    </Dialog>
  );
}
