/**
 * 宛先登録(A)... of the manager (manual 4.3.1 step 4) and its 通報開局FD読み取りツール: the key file chosen, 次へ(N) > reads
 * its destinations and saves them at once (HostApi registerDestinations: no re-activation, nothing else changes), 完了
 * closes. The window shows what was registered.
 */
import { useState, type ReactNode } from 'react';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { problemsOf } from '../../shared/host/errors.js';
import { Dialog } from '../components/Dialog.js';
import { FilePicker } from '../components/FilePicker.js';
import { KeyButton } from '../components/Mnemonic.js';
import { useApp } from '../store-context.js';
import { Note, ProblemList, ReadOnlyField, useT } from './parts.js';

type KeyFile = { name: string; contentBase64: string };

function FdReadingTool({ onClose }: { onClose(): void }): ReactNode {
  const t = useT();
  const host = useApp((s) => s.host);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const settings = useApp((s) => s.snapshot?.settings);
  const adr = useApp((s) => s.snapshot?.destinations);
  const [file, setFile] = useState<KeyFile>();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const next = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await host.registerDestinations(file);
      if (r.ok) {
        setSnapshot(r.snapshot);
        setProblems([]);
        setDone(true);
      } else setProblems(r.problems);
    } catch (e) {
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('通報開局FD読み取りツール', 'Key file reading tool')}
      onCancel={onClose}
      buttons={
        done ? (
          <KeyButton text={t('完了', 'Finish')} isDefault onClick={onClose} />
        ) : (
          <>
            <KeyButton text={t('< 戻る(B)', '< Back (B)')} disabled />
            <KeyButton
              text={t('次へ(N) >', 'Next (N) >')}
              isDefault
              disabled={!file || busy}
              onClick={() => {
                void next();
              }}
            />
            <button type="button" onClick={onClose}>
              {t('キャンセル', 'Cancel')}
            </button>
          </>
        )
      }
    >
      {done ? (
        <div data-testid="registered-destinations">
          <p role="status">{t('宛先を登録しました。[完了]をクリックしてください。', 'The destinations are registered. Click Finish.')}</p>
          <ReadOnlyField label={t('メールの宛先', 'Mail destination')} value={settings?.['mail.to'] ?? ''} />
          <ReadOnlyField label={t('1次通報先 (URL1)', 'Primary (URL1)')} value={adr?.url1 ?? ''} />
          <ReadOnlyField label={t('2次通報先 (URL2)', 'Secondary (URL2)')} value={adr?.url2 ?? ''} />
          <ReadOnlyField label={t('電話番号(一次)', 'Phone number (primary)')} value={settings?.['dialup.primary.number'] ?? ''} />
        </div>
      ) : (
        <>
          <p>
            {t(
              'エクスプレス通報サービスのマネージャ転送機能を有効にするには通報開局FD内を読み込む必要があります。',
              "To enable the manager's forwarding, the destinations on the activation key file must be read.",
            )}
          </p>
          <p>
            {t(
              '開局キーファイルを選択して、「次へ」ボタンを押してください。開局はやり直されません(宛先だけを登録します)。',
              'Choose the activation key file and click Next. The manager is not activated again (only the destinations are registered).',
            )}
          </p>
          <div className="field">
            <span className="field-label">{t('開局キーファイル', 'Activation key file')}</span>
            <div className="field-control">
              <FilePicker
                label={t('参照(W)...', 'Browse (W)...')}
                disabled={busy}
                testId="register-destinations-picker"
                onPick={(f) => {
                  setFile(f);
                  setProblems([]);
                }}
                onError={(m) => setProblems([problem('ER_1001', { path: { ja: '開局キーファイル', en: 'the key file' }, reason: m })])}
              />
              <span data-testid="register-destinations-file">{file?.name ?? ''}</span>
            </div>
          </div>
          {busy ? (
            <p role="status" aria-busy="true">
              {t('読み込んでいます...', 'Reading...')}
            </p>
          ) : null}
          <ProblemList problems={problems} />
        </>
      )}
    </Dialog>
  );
}

export function RegisterDestinations(): ReactNode {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="button-row">
      <KeyButton text={t('宛先登録(A)...', 'Register destinations (A)...')} onClick={() => setOpen(true)} />
      <Note>
        {t(
          '通報の宛先は自動的に適切に設定されています。特に保守契約先から指定がないかぎり、宛先登録は不要です。',
          'The destinations are set automatically; register them only when the maintenance contractor tells you to.',
        )}
      </Note>
      {open ? <FdReadingTool onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
