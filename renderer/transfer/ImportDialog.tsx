/**
 * ファイル → インポート(I)…: `express-report import` in the window. First the file (read by the page), the passphrase of a
 * transfer export, the groups (--only) as check boxes and 別の装置 (--other-machine); 確認(K) asks the host for the
 * preview (HostApi previewImport: nothing is written). Then the preview table key by key (changed / added / same / kept
 * secret / kept) with a filter; OK applies it as one save (HostApi applyImport, checked again), キャンセル writes nothing.
 * A refusal is said by its field's label (a setting's on-screen name, or this dialog's own field).
 */
import { useState, type ReactNode } from 'react';
import { type ImportRequest, type ImportRow } from '../../shared/host/api.js';
import { message, problem, type Problem } from '../../shared/messages/problem.js';
import { IMPORT_GROUPS, type ImportGroup } from '../../shared/transfer/format.js';
import { Dialog } from '../components/Dialog.js';
import { FieldErrors } from '../components/Field.js';
import { Mnemonic } from '../components/Mnemonic.js';
import { accessKeyProps } from '../components/keyboard.js';
import { useApp } from '../store-context.js';
import { Note, ProblemList } from '../settings/parts.js';
import { ChosenFile, Choice, PassphraseInput } from './controls.js';
import { BackOkCancel, CheckCancel, DoneDialog } from './steps.js';
import { IMPORT_TEXT as X } from './texts.js';
import { useHostCall } from './use-host-call.js';
import { refusedFile, type WindowFile as Chosen } from './window-file.js';

type Filter = keyof typeof X.filters;
const GROUP_KEYS: Record<ImportGroup, string> = { activation: 'A', routes: 'R', schedule: 'S', definitions: 'D' };
const shows = (f: Filter, r: ImportRow): boolean =>
  f === 'all' || (f === 'changes' ? r.status === 'changed' || r.status === 'added' : f === 'same' ? r.status === 'same' : r.status.startsWith('kept'));

export function ImportDialog(): ReactNode {
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const { problems, setProblems, busy, refuse, call } = useHostCall();
  const [file, setFile] = useState<Chosen | undefined>();
  const [pass, setPass] = useState('');
  const [groups, setGroups] = useState<ImportGroup[]>([...IMPORT_GROUPS]);
  const [other, setOther] = useState(false);
  const [preview, setPreview] = useState<{ rows: ImportRow[]; count: number; notes: Problem[] } | undefined>();
  const [filter, setFilter] = useState<Filter>('changes');
  const [done, setDone] = useState<{ count: number; warnings: Problem[] } | undefined>();
  const cancel = () => close('import');
  // A wrong or missing passphrase (ER_3518 / ER_3520) is said at the passphrase field.
  const fieldOf = (p: Problem): string | undefined => p.field ?? (p.code === 'ER_3518' || p.code === 'ER_3520' ? 'passphrase' : undefined);
  const of = (field: string) => problems.filter((p) => fieldOf(p) === field);
  const mine = ['file', 'passphrase', 'only'];

  const request = (f: Chosen): ImportRequest => ({ file: f, only: groups, otherMachine: other, ...(pass !== '' ? { passphrase: pass } : {}) });

  const check = async (): Promise<void> => {
    const wrong = refusedFile(file);
    if (!file || wrong.length > 0) return refuse(wrong);
    if (groups.length === 0) return refuse([problem('ER_3531', {}, { field: 'only' })]);
    await call(async () => {
      const r = await host.previewImport(request(file));
      if (!r.ok) {
        refuse(r.problems);
        if (r.rows.length > 0) setPreview({ rows: r.rows, count: 0, notes: [] });
        return;
      }
      setProblems([]);
      setPreview({ rows: r.rows, count: r.count, notes: r.notes });
    });
  };

  const apply = async (): Promise<void> => {
    if (!file || !preview || preview.count === 0) return cancel();
    await call(async () => {
      const r = await host.applyImport(request(file));
      if (!r.ok) return refuse(r.problems);
      setSnapshot(r.snapshot);
      setDone({ count: r.count, warnings: r.warnings });
    });
  };

  if (done) {
    return (
      <DoneDialog title={X.title[lang]} onClose={cancel}>
        <p role="status" data-testid="import-result" data-code="ER_6801">
          {message('ER_6801', { file: file?.name ?? '', count: done.count })[lang]}
        </p>
        {done.warnings.map((w, i) => (
          <p key={i} className="warning" data-code={w.code}>
            {w.code} {w.message[lang]}
          </p>
        ))}
      </DoneDialog>
    );
  }

  if (preview) {
    const rows = preview.rows.filter((r) => shows(filter, r));
    const refusedNow = problems.length > 0;
    return (
      <Dialog
        wide
        title={`${X.title[lang]} - ${X.preview[lang]}`}
        onCancel={cancel}
        buttons={<BackOkCancel busy={busy} blocked={refusedNow} onBack={() => setPreview(undefined)} onOk={apply} onCancel={cancel} />}
      >
        <p role="status" data-testid="import-count">
          {refusedNow ? '' : preview.count > 0 ? X.count(preview.count)[lang] : X.nothing[lang]}
        </p>
        {preview.notes.map((n, i) => (
          <p key={i} className="note" data-code={n.code}>
            {n.message[lang]}
          </p>
        ))}
        <ProblemList problems={problems} />
        <div className="field">
          <label className="field-label" htmlFor="import-filter">
            <Mnemonic text={X.show[lang]} k="F" />
          </label>
          <select id="import-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)} {...accessKeyProps('F')}>
            {(Object.keys(X.filters) as Filter[]).map((f) => (
              <option key={f} value={f}>
                {X.filters[f][lang]}
              </option>
            ))}
          </select>
        </div>
        <table className="import-preview" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">{X.head.item[lang]}</th>
              <th scope="col">{X.head.status[lang]}</th>
              <th scope="col">{X.head.from[lang]}</th>
              <th scope="col">{X.head.to[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key} data-status={r.status}>
                <th scope="row">{r.label[lang]}</th>
                <td>{X.status[r.status][lang]}</td>
                <td>{r.from}</td>
                <td>
                  {r.to}
                  {r.note ? <span className="note"> {r.note[lang]}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    );
  }

  return (
    <Dialog title={X.title[lang]} onCancel={cancel} buttons={<CheckCancel text={X.check[lang]} busy={busy} onCheck={check} onCancel={cancel} />}>
      <Note>{X.intro[lang]}</Note>
      <ChosenFile
        label={X.file}
        browse={X.browse}
        accept=".zip,application/zip"
        busy={busy}
        testId="import-file"
        field="file"
        chosen={file?.name}
        problems={of('file')}
        onPick={(f) => {
          setFile(f);
          setProblems([]);
        }}
        onRefused={refuse}
      />
      <PassphraseInput texts={X} value={pass} onChange={setPass} problems={of('passphrase')} />
      <fieldset className="field-group" aria-invalid={of('only').length > 0 || undefined}>
        <legend>{X.groups[lang]}</legend>
        {IMPORT_GROUPS.map((g) => (
          <Choice
            key={g}
            kind="checkbox"
            name={`only.${g}`}
            label={X[g]}
            accessKey={GROUP_KEYS[g]}
            checked={groups.includes(g)}
            onChange={(on) => setGroups(IMPORT_GROUPS.filter((x) => (x === g ? on : groups.includes(x))))}
            guide={X[`${g}Guide`]}
          />
        ))}
        <FieldErrors id="import-only-err" problems={of('only')} />
      </fieldset>
      <Choice kind="checkbox" name="otherMachine" label={X.otherMachine} accessKey="M" checked={other} onChange={setOther} guide={X.otherMachineGuide} />
      <ProblemList problems={problems.filter((p) => !mine.includes(fieldOf(p) ?? ''))} />
    </Dialog>
  );
}
