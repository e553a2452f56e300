/**
 * The state bar, always visible at the bottom (like REMCS; docs/desktop-app.md, "The state bar"): the machine, the
 * lifecycle state, the overlay flags, the route, whether the service runs and how it was started (or the command that
 * starts an installed system service), and the queue. It never shows 運用中 alone
 * while no service runs: it then says that nothing is being sent. Kept fresh by useLiveState (queries only).
 */
import { type ReactNode } from 'react';
import { type AppSnapshot } from '../../shared/host/api.js';
import { type Lang, type LocalizedText } from '../../shared/messages/text.js';
import { stateLabel } from '../../shared/host/lifecycle-actions.js';
import { lastResult, machineText, routeText } from '../../shared/host/state-summary.js';
import { areasText, UNTESTED_LABEL } from '../../shared/host/untested.js';
import { formatLocalTime, type MaintenanceOverlay } from '../../shared/host/maintenance.js';
import { problemText } from '../i18n.js';
import { RUN_MODE_LABEL, systemServiceProblem } from '../../shared/host/run-mode.js';
import { useApp } from '../store-context.js';
import { useLiveState, type ServiceLiveness } from './use-live-state.js';

/** States in which the center expects reports: the service must be running for them to be sent. */
const IN_SERVICE = new Set(['active', 'paused']);

/** HH:MM today, else M/D HH:MM (local); the ISO time is in the title. */
export function shortTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return d.toDateString() === now.toDateString() ? hm : `${d.getMonth() + 1}/${d.getDate()} ${hm}`;
}

/** One part of the bar: its words, and a pause for a screen reader after it (the parts are laid out with gaps). */
function Part({ id, className, title, children }: { id: string; className?: string; title?: string; children: ReactNode }): ReactNode {
  return (
    <>
      <span data-testid={id} className={className} title={title}>
        {children}
      </span>
      <span className="sr-only">; </span>
    </>
  );
}

/** 保守中 until HH:MM (or without an end); the reason and the start in its title. */
function maintenanceWords(m: MaintenanceOverlay, lang: Lang): { text: string; title: string } {
  const until = m.until ? shortTime(m.until) : undefined;
  const text = lang === 'ja' ? `保守中${until ? ` ${until} まで` : '(終了予定なし)'}` : `Paused for maintenance${until ? ` until ${until}` : ' (no end time)'}`;
  const overdue = m.until !== undefined && Date.parse(m.until) <= Date.now();
  const title = [
    lang === 'ja' ? `開始: ${formatLocalTime(m.since)}` : `Since ${formatLocalTime(m.since)}`,
    m.until ? (lang === 'ja' ? `終了予定: ${formatLocalTime(m.until)}` : `Ends ${formatLocalTime(m.until)}`) : '',
    m.reason ? (lang === 'ja' ? `理由: ${m.reason}` : `Reason: ${m.reason}`) : '',
    lang === 'ja' ? '保守中は通報を保留し、保守センターに接続しません。' : 'Reports are held; no connection is made to the center.',
    overdue
      ? lang === 'ja'
        ? '終了予定時刻を過ぎています: 通報サービスの開始時に終了します。'
        : 'The end time has passed: the pause ends when the reporting service starts.'
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { text, title };
}

/**
 * Flags over the state, not states: 保守中 (the maintenance pause: nothing is sent until it ends) and 変更後未テスト
 * (what the center must re-learn changed after the last test).
 */
function Overlays({ snapshot, lang }: { snapshot: AppSnapshot | undefined; lang: Lang }): ReactNode {
  const untested = snapshot?.untested;
  const paused = snapshot?.maintenance ? maintenanceWords(snapshot.maintenance, lang) : undefined;
  return (
    <>
      {paused ? (
        <Part id="maintenance" className="maintenance" title={paused.title}>
          {paused.text}
        </Part>
      ) : null}
      {untested ? (
        <Part
          id="untested"
          className="untested"
          title={
            lang === 'ja'
              ? `${areasText(untested.areas).ja}が変更されました。テスト通報をお勧めします。`
              : `The ${areasText(untested.areas).en} changed: a test notification is advisable.`
          }
        >
          {UNTESTED_LABEL[lang]}
        </Part>
      ) : null}
    </>
  );
}

function serviceWords(live: ServiceLiveness, lang: Lang): { text: string; title?: string; running: boolean | undefined } {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  switch (live.kind) {
    case 'loading':
      return { text: t('サービス: 確認中', 'Service: checking'), running: undefined };
    case 'running': {
      // Which service the window uses (docs/desktop-app.md): a service older than issue 15 does not say.
      const mode = live.status.runMode ? RUN_MODE_LABEL[live.status.runMode] : undefined;
      return {
        text: mode ? t(`サービス: 稼働中 (${mode.ja})`, `Service: running (${mode.en})`) : t('サービス: 稼働中', 'Service: running'),
        title: `pid ${live.status.pid}`,
        running: true,
      };
    }
    case 'stopped':
      return { text: t('サービス: 停止中', 'Service: stopped'), running: false };
    case 'unknown':
      return { text: t('サービス: 応答なし', 'Service: not answering'), title: live.problem ? problemText(live.problem, lang) : live.reason, running: false };
  }
}

function queueWords(live: ServiceLiveness, lang: Lang): { text: string; title?: string } {
  if (live.kind !== 'running') {
    // The queue is the service's: without it, nothing is known (and nothing moves).
    return { text: lang === 'ja' ? '送信待ち: -' : 'Waiting: -' };
  }
  const s = live.status;
  const last = lastResult(s);
  const lastText = last ? `${last.text[lang]} ${shortTime(last.at)}` : lang === 'ja' ? 'なし' : 'none';
  const title = last && !last.ok && s.lastFailure ? problemText(s.lastFailure.problem, lang) : last?.at;
  return {
    text:
      lang === 'ja' ? `送信待ち ${s.pending} 件・期限切れ ${s.expired} 件・最終: ${lastText}` : `Waiting ${s.pending}, expired ${s.expired}, last: ${lastText}`,
    ...(title ? { title } : {}),
  };
}

const say = (t: LocalizedText, lang: Lang): string => t[lang];

export function StatusBar(): ReactNode {
  const lang = useApp((s) => s.lang);
  const snapshot = useApp((s) => s.snapshot);
  const guide = useApp((s) => s.guide);
  const live = useLiveState();
  const settings = snapshot?.settings;
  const state = settings?.['activation.state'] ?? 'not-activated';
  const expiry = settings?.['activation.expiry'];
  const errors = snapshot?.problems.filter((p) => p.severity === 'error').length ?? 0;
  // An export shown read-only (snapshot.view) has no service behind it: nothing to say stopped or running.
  const service = snapshot?.view ? { text: lang === 'ja' ? 'サービス: -' : 'Service: -', running: undefined } : serviceWords(live, lang);
  const queue = queueWords(live, lang);
  // A system service installed here but stopped: no child replaces it; the bar says how to start it.
  const systemStopped = !snapshot?.view && live.kind === 'stopped' && live.system ? systemServiceProblem(live.system) : undefined;
  const notSent = live.kind === 'running' ? live.status.notSent : undefined;
  // 運用中 (or paused) and no service: the center expects reports that nothing is sending. Said beside the state.
  const idle = snapshot !== undefined && IN_SERVICE.has(state) && service.running === false;
  return (
    <footer className="bottom">
      <div className="guide" aria-live="polite" data-testid="guide">
        {guide ? `${lang === 'ja' ? '説明' : 'Guide'}: ${guide[lang]}` : ''}
      </div>
      <div className="statusbar" role="status" aria-label={lang === 'ja' ? '状態' : 'State'} data-testid="statusbar">
        {settings ? <Part id="machine" className="machine">{`${lang === 'ja' ? '装置' : 'Machine'}: ${say(machineText(settings), lang)}`}</Part> : null}
        <span data-testid="state" className={`state state-${state}`}>
          {say(stateLabel(state), lang)}
        </span>
        <span className="sr-only">; </span>
        {idle ? (
          <Part id="service-warning" className="service-warning">
            {lang === 'ja' ? '通報サービスが停止しているため、障害は通報されません' : 'The reporting service is stopped: failures are not reported'}
          </Part>
        ) : null}
        <Overlays snapshot={snapshot} lang={lang} />
        {settings ? (
          <Part
            id="route"
            className={settings['express.route'] === 'off' ? 'route route-off' : 'route'}
          >{`${lang === 'ja' ? '通報手段' : 'Route'}: ${say(routeText(settings), lang)}`}</Part>
        ) : null}
        <Part id="service" className={service.running === false ? 'service service-stopped' : 'service'} {...(service.title ? { title: service.title } : {})}>
          {service.text}
        </Part>
        {systemStopped ? (
          <Part id="system-service-stopped" className="service-warning">
            {problemText(systemStopped, lang)}
          </Part>
        ) : null}
        <Part id="queue" {...(queue.title ? { title: queue.title } : {})}>
          {queue.text}
        </Part>
        {notSent ? (
          <Part id="not-sent" className="not-sent" title={`${notSent.last.at} ${notSent.last.what}`}>
            {lang === 'ja' ? `未送信(通報手段なし) ${notSent.noRoute} 件` : `Not sent (no route enabled): ${notSent.noRoute}`}
          </Part>
        ) : null}
        {state === 'ended' ? (
          <Part id="ended" className="ended">
            {lang === 'ja' ? 'エクスプレス通報サービスは終了しています。' : 'The Express Report Service has ended.'}
          </Part>
        ) : null}
        {expiry ? <Part id="expiry">{lang === 'ja' ? `有効期限: ${expiry}` : `Expires: ${expiry}`}</Part> : null}
        {errors > 0 ? (
          <Part id="problems" className="problems">
            {lang === 'ja' ? `設定の誤り: ${errors} 件` : `${errors} problem(s) in the settings`}
          </Part>
        ) : null}
        <span className="config-dir">{snapshot?.configDir}</span>
      </div>
    </footer>
  );
}
