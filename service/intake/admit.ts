/**
 * Intake's third stage: whether the service takes a matched event now. Failure reports are made only while the service
 * is in use (運用中 or the older 停止中; test and activation notifications go their own way): otherwise the event is
 * ignored (not-active). 保守中 (delivery/maintenance.ts) holds what is sent, not what is accepted: events still come in.
 * With no route enabled (express.route = off) nothing could send a report, so none is queued for the retry limit: the
 * event is logged once (ER_2106) and counted in status (notSent), the outcome is no-route.
 */
import { type Config } from '../../shared/config/model.js';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { formatEventId, type ReportEvent } from '../../shared/report/model.js';
import { type Admitted } from './passing.js';
import { end, next, type Stage } from './stage.js';

export interface AdmitDeps {
  /** The last good configuration; none yet: nothing is taken. */
  config(): Config | undefined;
  log(p: Problem): void;
  /** Counts what was not sent for want of a route (status: notSent). */
  noRoute(what: string): void;
}

const ACCEPTING = new Set(['active', 'paused']);

export function admitStage(d: AdmitDeps): Stage<ReportEvent, Admitted> {
  return (event) => {
    const config = d.config();
    if (!config || !ACCEPTING.has(config.settings['activation.state'])) return end({ result: 'ignored', reason: 'not-active' });
    if (config.settings['express.route'] === 'off') {
      d.log(problem('ER_2106', { source: event.source, eventId: formatEventId(event.id) }));
      d.noRoute(`${event.source} ${formatEventId(event.id)}`);
      return end({ result: 'ignored', reason: 'no-route' });
    }
    return next({ event, config });
  };
}
