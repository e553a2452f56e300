/**
 * テスト通報の結果 / 開局通報の結果: what happened, in a window the customer answers with OK (as the manual shows it), not
 * only as a line at the foot of the route dialog. Each attempt: success or failure, which destination (一次 / 二次 and its
 * address), when, and the center's answer or the coded problem. After a successful 開局通報 of a machine with
 * AMHTPHBI.INF, the configuration information that follows it is followed here too (ConfigurationInfoProgress).
 */
import { type ReactNode } from 'react';
import { useApp } from '../store-context.js';
import { Dialog } from '../components/Dialog.js';
import { DEFAULT_BUTTON } from '../components/keyboard.js';
import { ProblemView } from '../components/ProblemView.js';
import { useT } from './parts.js';
import { ConfigurationInfoProgress } from './ConfigurationInfoProgress.js';
import { type NotifyLine, type NotifyRun } from './use-notify.js';

/**
 * After a test through a manager: no result mail only when it forwarded over dial-up (manual 4.3.3), else the result
 * comes to the chosen address. An older manager does not say how it forwarded: both cases are named.
 */
function managerAfter(line: Extract<NotifyLine, { ok: true }>, t: (ja: string, en: string) => string): string {
  if (line.noResult)
    return t('マネージャでダイヤルアップ経由が選択されているため、テスト結果は送付されません。', 'The manager forwards over dial-up: no result mail comes.');
  if (line.answer) return t('テスト通報結果は指定した送付先に届きます。', 'The result is sent to the chosen address.');
  return t(
    'マネージャがインターネットメール経由または HTTPS で転送した場合、テスト通報結果は指定した送付先に届きます。マネージャでダイヤルアップ経由が選択されている場合は、テスト結果は送付されません。',
    'When the manager forwards it by e-mail or HTTPS, the result is sent to the chosen address. When the manager forwards over dial-up, no result is sent.',
  );
}

function Attempt({ line, dialup, manager }: { line: NotifyLine; dialup: boolean; manager: boolean }): ReactNode {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const what = line.userId
    ? t('到達確認テスト', 'Reachability test')
    : line.kind === 'test'
      ? t('テスト通報', 'Test notification')
      : t('開局通報', 'Activation notification');
  const target = line.target === 'primary' ? t('一次通報先', 'Primary destination') : t('二次通報先', 'Secondary destination');
  const when = new Date(line.at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  let outcome: string;
  let detail: string[] = [];
  if (line.ok) {
    outcome = line.kind === 'test' && dialup ? t('通報成功', 'Report succeeded') : t('成功しました', 'Succeeded');
    const after =
      line.kind === 'test'
        ? dialup
          ? ''
          : manager
            ? managerAfter(line, t)
            : t('テスト通報結果は指定した送付先に届きます。', 'The result is sent to the chosen address.')
        : t('エクスプレス通報サービスを開始しました。', 'The Express Report Service has started.');
    // Through a manager that answered: its words (the center's answer) in the window's language, not the English detail.
    const said = manager && line.answer ? `${line.answer.code} ${line.answer.message[lang]}` : line.detail;
    detail = [said, after].filter((x) => x !== '');
  } else {
    outcome = t('失敗しました', 'Failed');
  }
  return (
    <section className={`notify-attempt ${line.ok ? 'ok' : 'failed'}`} data-testid="notify-attempt" data-ok={line.ok ? 'true' : 'false'}>
      <h3>{`${what}: ${outcome}`}</h3>
      <dl>
        <dt>{t('通報先', 'Destination')}</dt>
        <dd>{line.where ? `${target} (${line.where})` : target}</dd>
        {line.userId ? (
          <>
            <dt>{t('ユーザ ID', 'User ID')}</dt>
            <dd>{line.userId}</dd>
          </>
        ) : null}
        <dt>{t('日時', 'Time')}</dt>
        <dd>
          <time dateTime={line.at}>{when}</time>
        </dd>
        <dt>{line.ok ? t('結果', 'Result') : t('理由', 'Reason')}</dt>
        <dd>
          {line.ok
            ? detail.map((d, i) => <div key={i}>{d}</div>)
            : // Our plain sentence first, naming the field by its label; the system's own text on a details line.
              line.problems.map((p, i) => (
                <div key={i} className="field-error">
                  <ProblemView problem={p} withField />
                </div>
              ))}
        </dd>
      </dl>
    </section>
  );
}

export function NotifyResultDialog({
  run,
  dialup,
  manager = false,
  onClose,
}: {
  run: NotifyRun;
  dialup: boolean;
  manager?: boolean;
  onClose(): void;
}): ReactNode {
  const t = useT();
  const configured = useApp((s) => s.snapshot?.hasConfigurationInfo === true);
  const title = run.kind === 'test' ? t('テスト通報の結果', 'Test notification result') : t('開局通報の結果', 'Activation notification result');
  const activated = run.kind === 'activation' ? run.lines.find((l) => l.ok) : undefined;
  return (
    <Dialog
      title={title}
      onCancel={onClose}
      buttons={
        <button type="button" {...DEFAULT_BUTTON} onClick={onClose}>
          OK
        </button>
      }
    >
      <div data-testid="notify-result-dialog">
        {run.lines.map((l, i) => (
          <Attempt key={i} line={l} dialup={dialup} manager={manager} />
        ))}
        {activated && configured ? <ConfigurationInfoProgress since={activated.at} afterSave={run.unsaved} /> : null}
      </div>
    </Dialog>
  );
}
