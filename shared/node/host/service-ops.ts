/**
 * The host's side of テスト通報 / 開局通報, the service status and 通報テスト: the bridge to the service (service-bridge.ts)
 * with every outcome written to the host's event log under a message code, and thrown errors turned into problems.
 */
import { type EventTested, type EventTestRequest } from '../../host/api.js';
import { outcomeLine } from '../../host/event-test.js';
import { type NotifyRequest, type NotifyResult, type NotifyTarget, type ServiceStatus } from '../../host/service-types.js';
import { type RelayAgentsRead } from '../../host/api.js';
import { message, problem, type Problem } from '../../messages/problem.js';
import { text, type LocalizedText } from '../../messages/text.js';
import { isEmail } from '../../settings/charclass.js';
import { settingDef } from '../../settings/schema.js';
import { CodedError, reasonOf } from '../coded-error.js';
import { type EventLog } from './event-log.js';
import { formatLocalTime, pauseOrder, type PauseRequest, type PauseResult, type ResumeRequest, type ResumeResult } from '../../host/maintenance.js';
import { type ServiceBridge } from './service-bridge.js';

const TARGET: Record<NotifyTarget, LocalizedText> = { primary: text('一次通報先', 'primary'), secondary: text('二次通報先', 'secondary') };
const KIND: Record<NotifyRequest['kind'], LocalizedText> = {
  test: text('テスト通報', 'Test notification'),
  activation: text('開局通報', 'Activation notification'),
};
const RESULT_MAIL = text('テスト通報結果送付先(電子メール)', 'Test result address (e-mail)');
const UNSAVED = text('、画面の未保存の値で', ", with the window's unsaved values");

/** The service's state as the status bar names it (運用中...), or as it came when it is not one of ours. */
function stateLabel(state: string): LocalizedText | string {
  const def = settingDef('activation.state');
  return (def?.kind === 'enum' ? def.choiceLabels?.[state] : undefined) ?? state;
}

/** The test result's address, when one is given for mail: present and shaped like an address. */
export function resultMailProblems(req: Pick<NotifyRequest, 'resultMail' | 'resultVia'>): Problem[] {
  if (req.resultVia === 'fax' || req.resultMail === undefined) return [];
  const at = { field: 'resultMail' };
  if (req.resultMail.trim() === '') return [problem('ER_3001', { label: RESULT_MAIL }, at)];
  return isEmail(req.resultMail) ? [] : [problem('ER_3007', { label: RESULT_MAIL }, at)];
}

export class ServiceOps {
  constructor(
    private readonly bridge: ServiceBridge | undefined,
    private readonly log: EventLog,
    private readonly stateDir: string,
  ) {}

  /** A thrown error as a coded problem: the service's own (ER_1032: not running) or ER_1034 naming the request. */
  private failure(request: string, e: unknown): Problem {
    if (e instanceof CodedError) return e.problem;
    return problem('ER_1034', { request, reason: reasonOf(e) });
  }

  private async call<T>(request: string, run: (b: ServiceBridge) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problem: Problem }> {
    if (!this.bridge) return { ok: false, problem: problem('ER_1032', { path: this.stateDir }) };
    try {
      return { ok: true, value: await run(this.bridge) };
    } catch (e) {
      return { ok: false, problem: this.failure(request, e) };
    }
  }

  async notify(req: NotifyRequest): Promise<NotifyResult> {
    const kind = KIND[req.kind];
    const target = TARGET[req.target ?? 'primary'];
    // Sent with a dialog's values not saved yet: the log says so, since the saved settings may differ.
    const unsaved = req.override ? UNSAVED : { ja: '', en: '' };
    const tag = (m: LocalizedText): LocalizedText => ({
      ja: `[${kind.ja} ${target.ja}${unsaved.ja}] ${m.ja}`,
      en: `[${kind.en}, ${target.en}${unsaved.en}] ${m.en}`,
    });
    const bad = req.kind === 'test' ? resultMailProblems(req) : [];
    if (bad.length > 0) return { ok: false, problems: bad };
    const got = await this.call(req.kind === 'test' ? 'test-notify' : 'activate-notify', (b) => b.notify(req));
    const r: NotifyResult = got.ok ? got.value : { ok: false, problems: [got.problem] };
    if (r.ok) {
      const code = req.kind === 'test' ? 'ER_6020' : 'ER_6021';
      await this.log.add('info', tag(message(code, { detail: r.detail, state: stateLabel(r.state) })), code);
    } else {
      // Definition-file errors are a question for the user (ER_5002), not a failure of the route.
      const confirm = r.problems.find((p) => p.code === 'ER_5002');
      const first = confirm ?? r.problems[0];
      if (first) await this.log.add(confirm ? 'warning' : 'error', tag(first.message), first.code);
    }
    return r;
  }

  /**
   * A query, without side effects: nothing goes to the event log (the status dialog and 通報テスト's progress poll it
   * every second or two, which filled the panel's 1000 entries with ER_6026 lines). A failure is thrown to the caller,
   * which shows it; "not running" is undefined.
   */
  async status(): Promise<ServiceStatus | undefined> {
    const got = await this.call('status', (b) => b.status());
    if (got.ok) return got.value;
    if (got.problem.code === 'ER_1032') return undefined;
    throw new CodedError(got.problem);
  }

  /**
   * エージェント一覧: a query like status (nothing logged); "not running" is ER_1032, the problem the status dialog shows
   * when the service cannot be asked.
   */
  async relayAgents(): Promise<RelayAgentsRead> {
    const got = await this.call('relay agents', (b) => b.relayAgents());
    return got.ok ? { ok: true, agents: got.value } : { ok: false, problems: [got.problem] };
  }

  /**
   * 保守中にする: the request's end time (or the default 8 hours) made absolute here, on the host's clock and time zone,
   * then the service does the rest; both outcomes go to the event log.
   */
  async pause(req: PauseRequest): Promise<PauseResult> {
    const order = pauseOrder(req, new Date());
    if (!order.ok) return { ok: false, problems: order.problems };
    const got = await this.call('pause', (b) => b.pause(order.order));
    const r: PauseResult = got.ok ? got.value : { ok: false, problems: [got.problem] };
    if (r.ok) {
      const end = r.maintenance.until ? formatLocalTime(r.maintenance.until) : '-';
      const until = { ja: `${end} まで`, en: `until ${end}` };
      const reason = r.maintenance.reason || '-';
      if (r.notice.sent) await this.log.add('info', message('ER_6110', { until, reason, detail: r.notice.detail }), 'ER_6110');
      else await this.log.add('warning', message('ER_6111', { until, reason, problem: r.notice.problem.message }), 'ER_6111');
    } else {
      const first = r.problems[0];
      if (first) await this.log.add('error', first.message, first.code);
    }
    return r;
  }

  /** 保守を終了 (expireHeld: the held reports go to expired instead of being sent). */
  async resume(req: ResumeRequest): Promise<ResumeResult> {
    const got = await this.call('resume', (b) => b.resume(req));
    const r: ResumeResult = got.ok ? got.value : { ok: false, problems: [got.problem] };
    const by = text('利用者の操作', 'by the user');
    if (r.ok) {
      const code = req.expireHeld ? 'ER_6113' : 'ER_6112';
      await this.log.add('info', message(code, { by, held: r.held, expired: r.expired }), code);
    } else {
      const first = r.problems[0];
      if (first) await this.log.add('error', first.message, first.code);
    }
    return r;
  }

  async testEvent(req: EventTestRequest, eventText: string): Promise<EventTested> {
    const msg = eventText ? `通報テスト / test report: ${eventText}` : '通報テスト / test report';
    const got = await this.call('event', (b) => b.testEvent({ source: req.source, id: req.id, message: msg }));
    if (!got.ok) {
      await this.log.add('error', got.problem.message, got.problem.code);
      return { ok: false, problems: [got.problem] };
    }
    const line = outcomeLine(req, got.value);
    await this.log.add(line.level, line.text, line.code);
    return { ok: true, outcome: got.value };
  }
}
