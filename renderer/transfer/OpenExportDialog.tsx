/**
 * ファイル → エクスポートを開く(O)…: an export chosen here is opened by the host as a read-only view (HostApi openView: in
 * memory, nothing written); the window then shows that view instead of this machine (main.tsx) until 閉じる.
 */
import { useState, type ReactNode } from 'react';
import { problemsOf } from '../../shared/host/errors.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { WINDOW_FILE_BYTES } from '../../shared/transfer/format.js';
import { Dialog } from '../components/Dialog.js';
import { ChosenFile } from './controls.js';
import { useFocusInvalid } from '../components/focus-invalid.js';
import { useApp } from '../store-context.js';
import { Note, OkCancel, ProblemList } from '../settings/parts.js';
import { IMPORT_TEXT, VIEW_TEXT as X } from './texts.js';

export function OpenExportDialog(): ReactNode {
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const enterView = useApp((s) => s.enterView);
  const refused = useFocusInvalid();
  const [file, setFile] = useState<{ name: string; contentBase64: string } | undefined>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const cancel = () => close('open-export');
  const refuse = (ps: Problem[]): void => {
    setProblems(ps);
    refused(ps);
  };

  const ok = async (): Promise<void> => {
    if (!file) return refuse([problem('ER_3530', {}, { field: 'file' })]);
    const size = Math.floor((file.contentBase64.length * 3) / 4);
    if (size > WINDOW_FILE_BYTES) return refuse([problem('ER_3532', { file: file.name, size, limit: WINDOW_FILE_BYTES }, { field: 'file' })]);
    setBusy(true);
    try {
      const r = await host.openView({ file });
      if (!r.ok) return refuse(r.problems);
      close('open-export');
      enterView({ id: r.view, banner: r.banner });
    } catch (e) {
      setProblems([...problemsOf(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={X.title[lang]}
      onCancel={cancel}
      buttons={
        <OkCancel
          busy={busy}
          onOk={() => {
            void ok();
          }}
          onCancel={cancel}
        />
      }
    >
      <Note>{X.intro[lang]}</Note>
      <ChosenFile
        label={IMPORT_TEXT.file}
        browse={IMPORT_TEXT.browse}
        accept=".zip,application/zip"
        busy={busy}
        testId="open-export-file"
        field="file"
        chosen={file?.name}
        problems={problems.filter((p) => p.field === 'file')}
        onPick={(f) => {
          setFile(f);
          setProblems([]);
        }}
        onRefused={refuse}
      />
      <ProblemList problems={problems.filter((p) => p.field !== 'file')} />
    </Dialog>
  );
}
