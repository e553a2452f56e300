/**
 * Intake's fifth stage: whether the new report is held for log collection (docs/log-collection.md), planned once. A
 * failure event that no section of AMHTPLOG.INF applies to is not held at all (the plan says why, for the log); the
 * check is an index lookup. The plan goes with the report to the collector, which follows it while AMHTPLOG.INF is
 * the one it was made from.
 */
import { type Config } from '../../shared/config/model.js';
import { planFor } from '../../shared/inf/log-match.js';
import { problem } from '../../shared/messages/problem.js';
import { formatEventId, type Report } from '../../shared/report/model.js';
import { type CollectionPlan, type Fresh, type Planned } from './passing.js';
import { next, type Stage } from './stage.js';

/** Whether a report has anything to collect under the current definition files (a heartbeat: AMHTPHBI.INF [Tools]). */
export function collects(kind: Report['kind'], c: Config | undefined, event?: { source: string; id: number }): CollectionPlan {
  if (kind === 'heartbeat') return { yes: c?.inf.hbi !== undefined };
  if (kind !== 'failure' || !c?.inf.log || !event) return { yes: false };
  const plan = planFor(c.inf.log, event);
  if (plan.via !== 'none') return { yes: true, plan, model: c.inf.log };
  const ev = { source: event.source, id: formatEventId(event.id) };
  return { yes: false, why: problem(plan.why === 'none-trouble' ? 'ER_6301' : 'ER_6302', ev) };
}

export function planStage(): Stage<Fresh, Planned> {
  return (x) => next({ ...x, collection: collects('failure', x.config, x.event) });
}
