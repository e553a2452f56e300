/** What an event carries from one intake stage to the next (./pipeline.ts): each stage adds what it found out. */
import { type Config } from '../../shared/config/model.js';
import { type LogModel } from '../../shared/inf/log.js';
import { type LogPlan } from '../../shared/inf/log-match.js';
import { type Problem } from '../../shared/messages/problem.js';
import { type Report, type ReportEvent } from '../../shared/report/model.js';

/** Taken (./admit.ts): the event, and the configuration it was taken under (read once per event). */
export interface Admitted {
  event: ReportEvent;
  config: Config;
}

/** To become a new report: suppression folded nothing (./suppression.ts). (A relayed report has its own way: ./relayed.ts.) */
export interface Fresh extends Admitted {
  /** Told the report once it is in the spool (suppression logs an escalation with the report's id). */
  onSpooled?: (report: Report) => void;
}

/** Whether the report is held for log collection, and the plan the collector follows (./plan.ts). */
export interface CollectionPlan {
  yes: boolean;
  /** Why nothing is collected, for the log (ER_6301 / ER_6302), told once the report is accepted. */
  why?: Problem;
  /** AMHTPLOG.INF's plan for a failure event, and the model it was made from (the collector reuses it while current). */
  plan?: LogPlan;
  model?: LogModel;
}

export interface Planned extends Fresh {
  collection: CollectionPlan;
}

export interface Spooled {
  report: Report;
  collection: CollectionPlan;
}
