/** The HTTPS destinations (AMHTPADR.INF: URL1 primary, URL2 secondary) and 宛先の読み込み. */
import { useState, type ReactNode } from 'react';
import { type Problem } from '../../shared/messages/problem.js';
import { useApp } from '../store-context.js';
import { FilePicker } from '../components/FilePicker.js';
import { Note, ProblemList, ReadOnlyField, useT } from './parts.js';

export function HttpsDestinations(): ReactNode {
  const t = useT();
  const host = useApp((s) => s.host);
  const destinations = useApp((s) => s.snapshot?.destinations);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async (file: { name: string; contentBase64: string }) => {
    setBusy(true);
    setStatus('');
    try {
      const r = await host.loadDestinations(file);
      if (r.ok) {
        setProblems([]);
        setSnapshot(r.snapshot);
        setStatus(t('宛先定義ファイルを読み込みました。', 'The destination file has been loaded.'));
      } else {
        setProblems(r.problems);
      }
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
          <FilePicker label={t('宛先の読み込み...', 'Load destinations...')} accept=".inf,.INF,.txt" disabled={busy}
            onPick={(f) => { void load(f); }} onError={setStatus} />
        </div>
      </div>
      <Note>{t('通報の宛先は自動的に適切に設定されています。特に保守契約先から指定がないかぎり、宛先定義ファイルの読み込みはおこなわないでください。',
        'The destinations are set automatically. Do not load a destination file unless the maintenance contractor tells you to.')}</Note>
      {status ? <p role="status">{status}</p> : null}
      <ProblemList problems={problems} />
    </fieldset>
  );
}
