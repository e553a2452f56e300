/**
 * ファイル → エクスポート(E)…: the settings export (docs/settings-transfer.md) as `express-report export` makes it.
 * 種類: サポート用 (secrets only set / not set; personal data left out unless 含める) or 移行用 (secrets sealed with a
 * passphrase typed twice, personal data always in). The host builds the file (HostApi exportSettings) and the page
 * offers it as a download, in the browser and in the desktop window alike.
 */
import { useState, type ReactNode } from 'react';
import { message, problem, type Problem } from '../../shared/messages/problem.js';
import { MIN_PASSPHRASE } from '../../shared/transfer/format.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { Note, OkCancel, ProblemList, useT } from '../settings/parts.js';
import { Choice, LabelledInput, PassphraseInput } from './controls.js';
import { download } from './download.js';
import { DoneDialog } from './steps.js';
import { EXPORT_TEXT as X } from './texts.js';
import { useHostCall } from './use-host-call.js';

export function ExportDialog(): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const refresh = useApp((s) => s.refresh);
  const { problems, busy, refuse, call } = useHostCall();
  const [scope, setScope] = useState<'support' | 'transfer'>('support');
  const [personal, setPersonal] = useState<'omit' | 'include'>('omit');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState<{ name: string; size: number; omitted: number } | undefined>();
  const of = (field: string) => problems.filter((p) => p.field === field);
  const done1 = () => close('export');

  const ok = async (): Promise<void> => {
    // The same rules as the host's (ER_3528), checked here too so both fields are said at once.
    const mine: Problem[] = [];
    if (scope === 'transfer') {
      if ([...pass].length < MIN_PASSPHRASE) mine.push(problem('ER_3528', {}, { field: 'passphrase' }));
      else if (pass !== again) mine.push(problem('ER_3529', {}, { field: 'passphrase2' }));
    }
    if (mine.length > 0) return refuse(mine);
    await call(async () => {
      const r = await host.exportSettings({ scope, personal, ...(scope === 'transfer' ? { passphrase: pass } : {}) });
      if (!r.ok) return refuse(r.problems);
      if (r.contentBase64 !== undefined) download(r.name, r.contentBase64);
      void refresh(); // the host logged ER_6800: the event panel shows it
      setDone({ name: r.name, size: r.size, omitted: r.omitted });
    });
  };

  if (done) {
    return (
      <DoneDialog title={X.title[lang]} onClose={done1}>
        <p role="status" data-testid="export-result" data-code="ER_6800">
          {t(`${done.name}(${done.size} バイト)を保存しました。`, `${done.name} (${done.size} bytes) was saved.`)}
        </p>
        {done.omitted > 0 ? <p className="note">{message('ER_6807', { count: done.omitted })[lang]}</p> : null}
      </DoneDialog>
    );
  }

  const transfer = scope === 'transfer';
  return (
    <Dialog
      title={X.title[lang]}
      onCancel={done1}
      buttons={
        <OkCancel
          busy={busy}
          onOk={() => {
            void ok();
          }}
          onCancel={done1}
        />
      }
    >
      <Note>{X.intro[lang]}</Note>
      <fieldset className="field-group">
        <legend>{X.scope[lang]}</legend>
        <Choice
          kind="radio"
          name="scope"
          value="support"
          label={X.support}
          accessKey="S"
          checked={!transfer}
          onChange={() => setScope('support')}
          guide={X.supportGuide}
        />
        <Choice
          kind="radio"
          name="scope"
          value="transfer"
          label={X.transfer}
          accessKey="T"
          checked={transfer}
          onChange={() => setScope('transfer')}
          guide={X.transferGuide}
        />
      </fieldset>
      {transfer ? (
        <>
          <PassphraseInput texts={X} value={pass} onChange={setPass} problems={of('passphrase')} />
          <LabelledInput
            name="passphrase2"
            type="password"
            label={X.passphrase2}
            accessKey="C"
            value={again}
            onChange={setAgain}
            guide={X.passphrase2Guide}
            problems={of('passphrase2')}
          />
          <p className="note">{X.personalAlways[lang]}</p>
        </>
      ) : (
        <fieldset className="field-group">
          <legend>{X.personal[lang]}</legend>
          <Choice
            kind="radio"
            name="personal"
            value="omit"
            label={X.omit}
            accessKey="O"
            checked={personal === 'omit'}
            onChange={() => setPersonal('omit')}
            guide={X.omitGuide}
          />
          <Choice
            kind="radio"
            name="personal"
            value="include"
            label={X.include}
            accessKey="I"
            checked={personal === 'include'}
            onChange={() => setPersonal('include')}
            guide={X.includeGuide}
          />
        </fieldset>
      )}
      <ProblemList problems={problems.filter((p) => p.field !== 'passphrase' && p.field !== 'passphrase2')} />
    </Dialog>
  );
}
