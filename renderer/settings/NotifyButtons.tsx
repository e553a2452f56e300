/**
 * The テスト通報 / 開局通報 buttons of a route dialog (HTTPS and dial-up: テスト通報(1次) / テスト通報(2次); mail: テスト通報),
 * with their questions, progress and the result dialog. They work before this route is saved as the enabled one, with the
 * dialog's values (use-notify.ts); 開局通報 can be clicked only after a test notification ('tested' or 'active').
 */
import { useState, type ReactNode } from 'react';
import { formatProblem, type Problem } from '../../shared/messages/problem.js';
import { type AdrModel } from '../../shared/inf/adr.js';
import { areasText, UNTESTED_LABEL } from '../../shared/host/untested.js';
import { useApp } from '../store-context.js';
import { problemText } from '../i18n.js';
import { KeyButton } from '../components/Mnemonic.js';
import { type DialogForm } from './form.js';
import { type MessageBox } from './MessageBox.js';
import { Note, useT } from './parts.js';
import { AlertBox } from './AlertBox.js';
import { ResultAddressDialog, type ResultChoice } from './ResultAddressDialog.js';
import { NotifyResultDialog } from './NotifyResultDialog.js';
import { UserIdDialog } from './UserIdDialog.js';
import { type NotifyTarget } from '../../shared/host/api.js';
import { useNotify, viaManager, type NotifyLine, type NotifyRoute } from './use-notify.js';

type Modal =
  | { kind: 'result'; initial: ResultChoice; resolve(c: ResultChoice | undefined): void }
  | { kind: 'user'; target: NotifyTarget }
  | { kind: 'definitions'; problems: Problem[]; resolve(ok: boolean): void };

/** The definition files' errors, listed with file and line: OK sends anyway, キャンセル goes back. */
function DefinitionErrors({ problems, answer }: { problems: Problem[]; answer(ok: boolean): void }): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const question = problems.find((p) => p.code === 'ER_5002');
  return (
    <AlertBox
      title={t('定義ファイルの誤り', 'Errors in the definition files')}
      list={
        <ul className="problem-list" data-testid="definition-errors">
          {problems
            .filter((p) => p !== question)
            .map((p, i) => (
              <li key={i}>{formatProblem(p, lang)}</li>
            ))}
        </ul>
      }
      text={question ? `${question.code} ${question.message[lang]}` : ''}
      buttons={
        <>
          <button type="button" autoFocus onClick={() => answer(true)}>
            OK
          </button>
          <button type="button" onClick={() => answer(false)}>
            {t('キャンセル', 'Cancel')}
          </button>
        </>
      }
      onEscape={() => answer(false)}
    />
  );
}

/** The last run's answers, kept under the buttons after the result dialog's OK. */
function Line({ line, dialup, manager }: { line: NotifyLine; dialup: boolean; manager: boolean }): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const what = line.userId
    ? t(`到達確認テスト(ユーザ ID ${line.userId})`, `Reachability test (user ID ${line.userId})`)
    : line.kind === 'test'
      ? t('テスト通報', 'Test notification')
      : t('開局通報', 'Activation notification');
  const where = line.target === 'primary' ? t('一次通報先', 'primary') : t('二次通報先', 'secondary');
  const head = `${what}(${where})`;
  if (line.ok) {
    const done =
      line.kind === 'test' && dialup
        ? t(': 通報成功', ': report succeeded')
        : line.kind === 'test' && manager && line.noResult
          ? t(
              'に成功しました。テスト結果は送付されません(マネージャはダイヤルアップ経由)。',
              ' succeeded. No result mail comes (the manager forwards over dial-up).',
            )
          : line.kind === 'test' && manager && !line.answer
            ? t('に成功しました。', ' succeeded.')
            : line.kind === 'test'
              ? t('に成功しました。結果は指定した送付先に届きます。', ' succeeded. The result is sent to the chosen address.')
              : t('に成功しました。エクスプレス通報サービスを開始しました。', ' succeeded. The Express Report Service has started.');
    // A manager's answer in the window's language; other routes' detail is the peer's own (English) words.
    const said = line.answer ? `${line.answer.code} ${line.answer.message[lang]}` : line.detail;
    return <li className="ok">{`${head}${done}${said ? ` (${said})` : ''}`}</li>;
  }
  const why = line.problems.map((p) => problemText(p, lang));
  return <li className="field-error">{`${head}${t('に失敗しました: ', ' failed: ')}${why.join(' / ')}`}</li>;
}

export interface NotifyButtonsProps {
  route: NotifyRoute;
  form: DialogForm;
  box: MessageBox;
  /** HTTPS: 宛先の読み込み's destinations not saved yet (sent with the test, saved by OK). */
  destinations?: AdrModel;
  /**
   * The manager's dial-up relay (manual 4.3.2): 到達確認テスト(1次) / (2次) instead of テスト通報, each asking the ユーザ ID
   * the test names (the agent's user system code or OPFILELESS); no 開局通報 (agents activate through it, not here).
   */
  reach?: boolean;
}

export function NotifyButtons({ route, form, box, destinations, reach = false }: NotifyButtonsProps): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const state = useApp((s) => s.snapshot?.settings['activation.state'] ?? 'not-activated');
  const savedRoute = useApp((s) => s.snapshot?.settings['express.route']);
  const untested = useApp((s) => s.snapshot?.untested);
  const [modal, setModal] = useState<Modal | null>(null);
  const notify = useNotify({
    route,
    form,
    box,
    ...(destinations ? { destinations } : {}),
    prompts: {
      chooseResult: (initial) => new Promise((resolve) => setModal({ kind: 'result', initial, resolve })),
      confirmDefinitions: (problems) => new Promise((resolve) => setModal({ kind: 'definitions', problems, resolve })),
    },
  });
  const fallback = useApp((s) => (s.snapshot ? s.snapshot.settings['customer.email'] || s.snapshot.settings['activation.replyMail'] : ''));
  const busy = notify.busy !== undefined || modal !== null;
  const activated = state !== 'not-activated' && state !== 'ended';
  const canActivate = state === 'tested' || state === 'active';
  const done =
    <T,>(resolve: (v: T) => void) =>
    (v: T) => {
      setModal(null);
      resolve(v);
    };

  return (
    <fieldset className="notify">
      <legend>{t('テスト通報 / 開局通報', 'Test and activation notifications')}</legend>
      <div className="button-row">
        {reach ? (
          <>
            <KeyButton
              text={t('到達確認テスト(1次)(T)', 'Reachability test (primary) (T)')}
              disabled={busy || !activated}
              onClick={() => setModal({ kind: 'user', target: 'primary' })}
            />
            <KeyButton
              text={t('到達確認テスト(2次)(2)', 'Reachability test (secondary) (2)')}
              disabled={busy || !activated || !notify.hasSecondary}
              onClick={() => setModal({ kind: 'user', target: 'secondary' })}
            />
          </>
        ) : route === 'mail' || viaManager(route) ? (
          <KeyButton
            text={t('テスト通報(T)', 'Test notification (T)')}
            disabled={busy || !activated}
            onClick={() => {
              void notify.testTo('primary');
            }}
          />
        ) : (
          <>
            <KeyButton
              text={t('テスト通報(1次)(T)', 'Test notification (primary) (T)')}
              disabled={busy || !activated}
              onClick={() => {
                void notify.testTo('primary');
              }}
            />
            <KeyButton
              text={t('テスト通報(2次)(2)', 'Test notification (secondary) (2)')}
              disabled={busy || !activated || !notify.hasSecondary}
              onClick={() => {
                void notify.testTo('secondary');
              }}
            />
          </>
        )}
        {reach ? null : (
          <KeyButton
            text={t('開局通報(O)', 'Activation notification (O)')}
            disabled={busy || !canActivate}
            onClick={() => {
              void notify.activate();
            }}
          />
        )}
      </div>
      {!activated ? <Note>{t('開局した後に使用できます。', 'Available once the service is activated.')}</Note> : null}
      {activated && savedRoute !== route ? (
        <Note>
          {t(
            'この画面の設定でテスト通報します。通報手段は[OK]で有効にするまで有効になりません。',
            "The test uses this window's settings; the route is enabled only when you click OK and agree.",
          )}
        </Note>
      ) : null}
      {activated && !canActivate && !reach ? (
        <Note>{t('[開局通報]は、テスト通報終了後にクリックできます。', 'The activation notification can be sent after a test notification.')}</Note>
      ) : null}
      {untested && savedRoute === route ? (
        <p className="warning" role="status" data-testid="untested-advice">
          {`${UNTESTED_LABEL[lang]}: ${t(
            `最後のテスト通報の後に${areasText(untested.areas).ja}が変更されました。テスト通報で確認することをお勧めします。`,
            `the ${areasText(untested.areas).en} changed after the last test notification; a test notification is advisable.`,
          )}`}
        </p>
      ) : null}
      {notify.busy ? (
        <p role="status" aria-busy="true" data-testid="notify-progress">
          <progress aria-label={t('送信中', 'Sending')} />{' '}
          {notify.busy === 'test'
            ? t('テスト通報中です。しばらくお待ちください...', 'Sending the test notification...')
            : t('開局通報中です。しばらくお待ちください...', 'Sending the activation notification...')}
        </p>
      ) : null}
      {notify.lines.length > 0 ? (
        <ul className="notify-result" role="status" data-testid="notify-result">
          {notify.lines.map((l, i) => (
            <Line key={i} line={l} dialup={route === 'dialup'} manager={viaManager(route)} />
          ))}
        </ul>
      ) : null}
      {modal?.kind === 'result' ? (
        <ResultAddressDialog initial={modal.initial} fallback={fallback} onOk={done(modal.resolve)} onCancel={() => done(modal.resolve)(undefined)} />
      ) : null}
      {modal?.kind === 'user' ? (
        <UserIdDialog
          target={modal.target}
          onOk={(userId) => {
            setModal(null);
            void notify.testTo(modal.target, userId);
          }}
          onCancel={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'definitions' ? <DefinitionErrors problems={modal.problems} answer={done(modal.resolve)} /> : null}
      {notify.shown ? <NotifyResultDialog run={notify.shown} dialup={route === 'dialup'} manager={viaManager(route)} onClose={notify.closeResult} /> : null}
    </fieldset>
  );
}
