/**
 * An agent's テスト通報 / 開局通報 relayed through this manager (docs/relay.md "Forwarding"): not stored, sent at once
 * over the forwarding route of the port it came on (as service/notify/notify.ts sends the manager's own), and the
 * center's answer is the outcome the receiver gives the agent (ACK, or a NAK with the problem). Over dial-up the center
 * sends no test result: the outcome's detail says so (ER_6740), and the log. The agent's report keeps its id, machine,
 * target and result address; the attachment, if any, streams from its stored frame.
 */
import { type Readable } from 'node:stream';
import { type Config } from '../../shared/config/model.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { RELAY_SWITCH } from '../intake/relayed.js';
import { buildForwardingRoutes, forwardBudgetMs, forwardingRouteName, type ForwardRouteName } from '../routes/forwarding.js';
import { type Outcome, type Route, type RouteDeps } from '../routes/route.js';
import { settingDef } from '../../shared/settings/schema.js';
import { type RelayVia } from './via.js';
import { forwardedAnswer } from './answer.js';

export interface ForwardNowRequest {
  report: Report;
  via: RelayVia;
  attachment?: () => Readable;
}

export interface ForwardNowDeps {
  /** The manager's last good configuration. */
  config(): Config | undefined;
  /** Opens a sealed secret (SMTP / POP / proxy passwords) with the service's key. */
  openSecret(sealed: string): string;
  /** The center's certificate, for S/MIME (routes/registry.ts centerCertificateIn). */
  centerCertificate?: () => Promise<string | undefined>;
  /** 保守中 on the manager: no connection is made, so the agent is told to try later. */
  paused?(): boolean;
  log(p: Problem): void;
  /** The routes to send by (tests give their own); built per request with the request's attachment otherwise. */
  routes?: (deps: RouteDeps) => Record<ForwardRouteName, Route>;
}

const refused = (p: Problem): Outcome => ({ ok: false, problem: p, retry: true });

/** forwardNow(r, signal): what the receiver (service/relay/) calls for a relayed test or activation notification. */
export function forwardNowWith(d: ForwardNowDeps): (r: ForwardNowRequest, signal: AbortSignal) => Promise<Outcome> {
  return async (r, signal) => {
    const { report, via } = r;
    const c = d.config();
    if (!c) return refused(problem('ER_2370', { id: report.id }));
    const key = RELAY_SWITCH[via.port];
    if (!c.settings[key]) return refused(problem('ER_2371', { id: report.id, label: settingDef(key)!.label }, { field: key }));
    if (d.paused?.()) return refused(problem('ER_2375', { id: report.id }));
    const name = forwardingRouteName(via.port, c.settings);
    const routeDeps: RouteDeps = {
      ...(r.attachment ? { attachmentFor: () => r.attachment } : {}),
      ...(d.centerCertificate ? { centerCertificate: d.centerCertificate } : {}),
    };
    const route = (d.routes ?? buildForwardingRoutes)(routeDeps)[name];
    // The agent's own report, minus what names its files: its logs travel as the attachment.
    const { logs: _paths, ...sent } = report;
    const outcome = await route.send(sent, {
      config: c,
      openSecret: d.openSecret,
      signal: AbortSignal.any([signal, AbortSignal.timeout(forwardBudgetMs(name, c))]),
    });
    if (!outcome.ok) {
      d.log(outcome.problem);
      return outcome;
    }
    d.log(problem('ER_6741', { id: report.id, kind: report.kind, from: via.from, route: name, detail: outcome.detail }));
    // What the agent reads in the ACK's answer (./answer.ts): by which route, and whether a result mail comes.
    const answer = forwardedAnswer(report, name, outcome.detail);
    if (name !== 'dialup' || report.kind !== 'test') return { ...outcome, answer };
    const noResult = problem('ER_6740', { id: report.id, from: via.from });
    d.log(noResult);
    return { ok: true, detail: `${outcome.detail}. ${noResult.code}: ${noResult.message.en}`, answer, noResult: true };
  };
}
