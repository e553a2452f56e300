/** The HTTPS destinations (AMHTPADR.INF: URL1 primary, URL2 secondary) and 宛先の読み込み. */
import { useId, useState, type ReactNode } from 'react';
import { type Problem } from '../../shared/messages/problem.js';
import { useApp } from '../store-context.js';
import { readBase64 } from './file.js';
import { Note, ProblemList, ReadOnlyField, useT } from './parts.js';

export function HttpsDestinations(): ReactNode {
  const t = useT();
  const host = useApp((s) => s.host);
  const destinations = useApp((s) => s.snapshot?.destinations);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const fileId = useId();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setStatus('');
    try {
      const r = await host.loadDestinations({ name: file.name, contentBase64: await readBase64(file) });
      if (r.ok) {
        setProblems([]);
        setSnapshot(r.snapshot);
        setStatus(t('宛先定義ファイルを読み込みました。', 'The destination file has been loaded.'));
      } else {
        setProblems(r.problems);
      }
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <fieldset>
      <legend>{t('宛先', 'Destinations')}</legend>
      <ReadOnlyField label={t('1次通報先 (URL1)', 'Primary (URL1)')} value={destinations?.url1 ?? ''} />
      <ReadOnlyField label={t('2次通報先 (URL2)', 'Secondary (URL2)')} value={destinations?.url2 ?? ''} />
      <div className="field">
        <label htmlFor={fileId} className="field-label">{t('宛先の読み込み', 'Load destinations')}</label>
        <div className="field-control">
          <input id={fileId} type="file" accept=".inf,.INF,.txt" disabled={busy}
            onChange={(e) => { void load(e.currentTarget); }} />
        </div>
      </div>
      <Note>{t('通報の宛先は自動的に適切に設定されています。特に保守契約先から指定がないかぎり、宛先定義ファイルの読み込みはおこなわないでください。',
        'The destinations are set automatically. Do not load a destination file unless the maintenance contractor tells you to.')}</Note>
      {status ? <p role="status">{status}</p> : null}
      <ProblemList problems={problems} />
    </fieldset>
  );
}
