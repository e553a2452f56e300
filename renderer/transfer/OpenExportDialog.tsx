/**
 * ファイル → エクスポートを開く(O)…: an export chosen here is opened by the host as a read-only view (HostApi openView: in
 * memory, nothing written); the window then shows that view instead of this machine (main.tsx) until 閉じる.
 */
import { useState, type ReactNode } from 'react';
import { Dialog } from '../components/Dialog.js';
import { ChosenFile } from './controls.js';
import { useApp } from '../store-context.js';
import { Note, OkCancel, ProblemList } from '../settings/parts.js';
import { IMPORT_TEXT, VIEW_TEXT as X } from './texts.js';
import { useHostCall } from './use-host-call.js';
import { refusedFile, type WindowFile } from './window-file.js';

export function OpenExportDialog(): ReactNode {
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const enterView = useApp((s) => s.enterView);
  const { problems, setProblems, busy, refuse, call } = useHostCall();
  const [file, setFile] = useState<WindowFile | undefined>();
  const cancel = () => close('open-export');

  const ok = async (): Promise<void> => {
    const wrong = refusedFile(file);
    if (!file || wrong.length > 0) return refuse(wrong);
    await call(async () => {
      const r = await host.openView({ file });
      if (!r.ok) return refuse(r.problems);
      close('open-export');
      enterView({ id: r.view, banner: r.banner });
    });
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
