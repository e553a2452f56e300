/**
 * The HTTPS destinations (AMHTPADR.INF: URL1 primary, URL2 secondary) and 宛先の読み込み. Reading a file writes nothing
 * (HostApi readDestinations): the dialog shows the file's URLs, tests with them, and saves them on OK (キャンセル keeps
 * the saved ones).
 */
import { useState, type ReactNode } from 'react';
import { type Problem } from '../../shared/messages/problem.js';
import { type AdrModel } from '../../shared/inf/adr.js';
import { useApp } from '../store-context.js';
import { FilePicker } from '../components/FilePicker.js';
import { Note, ProblemList, ReadOnlyField, useT } from './parts.js';
import { problemsOf } from '../../shared/host/errors.js';

export function HttpsDestinations({ draft, onRead }: { draft?: AdrModel; onRead(d: AdrModel): void }): ReactNode {
  const t = useT();
  const host = useApp((s) => s.host);
  const saved = useApp((s) => s.snapshot?.destinations);
  const destinations = draft ?? saved;
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async (file: { name: string; contentBase64: string }) => {
    setBusy(true);
    setStatus('');
    try {
      const r = await host.readDestinations(file);
      if (r.ok) {
        setProblems([]);
        onRead(r.destinations);
        setStatus(t('宛先定義ファイルを読み込みました。[OK]をクリックすると保存されます。', 'The destination file has been read. Click OK to save it.'));
      } else {
        setProblems(r.problems);
      }
    } catch (e) {
      setProblems([...problemsOf(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset>
      <legend>{t('宛先', 'Destinations')}</legend>
      <ReadOnlyField label={t('1次通報先 (URL1)', 'Primary (URL1)')} value={destinations?.url1 ?? ''} />
      <ReadOnlyField label={t('2次通報先 (URL2)', 'Secondary (URL2)')} value={destinations?.url2 ?? ''} />
      <div className="field">
        <span className="field-label">{t('宛先定義ファイル(AMHTPADR.INF)', 'Destination file (AMHTPADR.INF)')}</span>
        <div className="field-control">
          <FilePicker
            label={t('宛先の読み込み...', 'Load destinations...')}
            accept=".inf,.INF,.txt"
            disabled={busy}
            testId="destinations-picker"
            onPick={(f) => {
              void load(f);
            }}
            onError={setStatus}
          />
        </div>
      </div>
      <Note>
        {t(
          '通報の宛先は自動的に適切に設定されています。特に保守契約先から指定がないかぎり、宛先定義ファイルの読み込みはおこなわないでください。',
          'The destinations are set automatically. Do not load a destination file unless the maintenance contractor tells you to.',
        )}
      </Note>
      {status ? <p role="status">{status}</p> : null}
      <ProblemList problems={problems} />
    </fieldset>
  );
}
