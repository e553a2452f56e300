/**
 * サービスの終了 (no more reports after this; confirmed first) and サービス有効期限の変更 with a 期限延長キー from the contract renewal:
 * two items of the ツール menu, as in the manual's chapter 5. サービスの終了 can be used once the service has started
 * (運用中), サービス有効期限の変更 once it has ended (shared/host/lifecycle-actions.ts; the host refuses otherwise too).
 */
import { useId, useState, type ReactNode } from 'react';
import { type Problem } from '../../shared/messages/problem.js';
import { type Saved } from '../../shared/host/api.js';
import { settingDef } from '../../shared/settings/schema.js';
import { text } from '../../shared/messages/text.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../store-context.js';
import { readText } from '../components/file.js';
import { useMessageBox } from './MessageBox.js';
import { CloseButton, Note, ProblemList, useT } from './parts.js';
import { problemsOf } from '../../shared/host/errors.js';
import { endServiceRefusal, extendExpiryRefusal } from '../../shared/host/lifecycle-actions.js';

const END_QUESTION = text(
  'サービスを終了すると、以後は障害が発生しても保守センターへ通報されません。サービスを終了しますか?',
  'After the service ends, no failure is reported to the maintenance center any more. End the service?',
);

function ServiceLifecycleDialog({ part }: { part: 'end' | 'expiry' }): ReactNode {
  const id = part === 'end' ? 'service-end' : 'service-expiry';
  const t = useT();
  const lang = useApp((s) => s.lang);
  const host = useApp((s) => s.host);
  const close = useApp((s) => s.close);
  const setSnapshot = useApp((s) => s.setSnapshot);
  const state = useApp((s) => s.snapshot?.settings['activation.state'] ?? 'not-activated');
  const expiry = useApp((s) => s.snapshot?.settings['activation.expiry'] ?? '');
  const box = useMessageBox();
  const keyId = useId();
  const fileId = useId();
  const [key, setKey] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (call: () => Promise<Saved>, done: string): Promise<boolean> => {
    setBusy(true);
    setStatus('');
    try {
      const r = await call();
      if (!r.ok) {
        setProblems(r.problems);
        return false;
      }
      setProblems([]);
      setSnapshot(r.snapshot);
      setStatus(done);
      return true;
    } catch (e) {
      setProblems([...problemsOf(e)]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const end = async () => {
    if ((await box.ask(END_QUESTION)) !== 'yes') return;
    await run(() => host.endService(), t('エクスプレス通報サービスを終了しました。', 'The Express Report Service has ended.'));
  };
  const extend = async () => {
    if (await run(() => host.extendExpiry({ key }), t('サービス有効期限を変更しました。', 'The expiry has been changed.'))) setKey('');
  };
  // Why this part cannot be used in this state (the menu item is greyed for the same reason).
  const refusal = part === 'end' ? endServiceRefusal(state) : extendExpiryRefusal(state);
  const stateDef = settingDef('activation.state');
  const stateLabel = stateDef?.kind === 'enum' ? (stateDef.choiceLabels?.[state]?.[lang] ?? state) : state;

  return (
    <Dialog
      title={part === 'end' ? t('サービスの終了', 'End the service') : t('サービス有効期限の変更', 'Change the expiry')}
      onCancel={() => close(id)}
      buttons={<CloseButton onClose={() => close(id)} />}
    >
      <dl className="facts">
        <dt>{t('状態', 'State')}</dt>
        <dd data-testid="service-state">{stateLabel}</dd>
        <dt>{t('サービス有効期限', 'Expiry')}</dt>
        <dd data-testid="service-expiry">{expiry || t('(なし)', '(none)')}</dd>
      </dl>
      {state === 'ended' ? <p className="warning">{t('エクスプレス通報サービスは終了しています。', 'The Express Report Service has ended.')}</p> : null}
      {refusal ? <Note>{refusal.message[lang]}</Note> : null}
      {part === 'end' ? (
        <fieldset>
          <legend>{t('サービスの終了', 'End the service')}</legend>
          <Note>
            {t(
              'サービスを終了すると、以後は障害が発生しても通報されません。契約期間を過ぎて通報を続けないよう、契約終了時に実行してください。',
              'After the service ends no more reports are sent. Do this when the contract ends, so that nothing is reported past it.',
            )}
          </Note>
          <button
            type="button"
            disabled={busy || refusal !== undefined}
            onClick={() => {
              void end();
            }}
          >
            {t('サービスの終了...', 'End the service...')}
          </button>
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t('サービス有効期限の変更', 'Change the expiry')}</legend>
          <div className="field">
            <label htmlFor={keyId} className="field-label">
              {t('期限延長キー', 'Extension key')}
            </label>
            <div className="field-control">
              <textarea id={keyId} rows={5} value={key} spellCheck={false} onChange={(e) => setKey(e.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={fileId} className="field-label">
              {t('期限延長キーのファイル', 'Extension key file')}
            </label>
            <div className="field-control">
              <input
                id={fileId}
                type="file"
                onChange={(e) => {
                  const input = e.currentTarget;
                  const f = input.files?.[0];
                  if (f)
                    void readText(f).then((s) => {
                      setKey(s.trim());
                      input.value = '';
                    });
                }}
              />
            </div>
          </div>
          <button
            type="button"
            disabled={busy || key.trim() === '' || refusal !== undefined}
            onClick={() => {
              void extend();
            }}
          >
            {t('変更', 'Change')}
          </button>
          <Note>
            {t('期限延長キーは、契約更新時に受付センターから送付されます。', 'The extension key comes from the reception center when the contract is renewed.')}
          </Note>
        </fieldset>
      )}
      {status ? <p role="status">{status}</p> : null}
      <ProblemList problems={problems} />
      {box.element}
    </Dialog>
  );
}

export function ServiceEndDialog(): ReactNode {
  return <ServiceLifecycleDialog part="end" />;
}

export function ServiceExpiryDialog(): ReactNode {
  return <ServiceLifecycleDialog part="expiry" />;
}
