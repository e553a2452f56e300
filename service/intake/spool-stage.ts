/**
 * Intake's sixth stage: the new report made durable (the spool writes it before the caller hears "accepted"), held while
 * its logs are collected. A report made here names this machine (./machine.ts). (A relayed one is spooled by ./relayed.ts.)
 *
 * Two halves, so a burst shares the spool's group commit: spoolEnter runs inside the one-at-a-time section and ends as
 * soon as the spool knows the report (the next identical event sees it there); spoolSettle waits, outside that section,
 * until the report is durable.
 */
import { type Problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { type Spool } from '../spool/spool.js';
import { machineOf } from './machine.js';
import { type Planned, type Spooled } from './passing.js';
import { next, pipe, type Stage } from './stage.js';

/** Known to the spool, on its way to the disk. */
export interface Entering extends Planned {
  durable: Promise<Report>;
}

export function spoolEnter(d: { spool: Spool }): Stage<Planned, Entering> {
  return (x) => {
    // accept() knows the report before its first await; its write joins the next group commit
    const durable = d.spool.accept({ kind: 'failure', event: x.event, machine: machineOf(x.config.settings), count: 1 }, { collecting: x.collection.yes });
    durable.catch(() => undefined); // awaited by spoolSettle; this only keeps the rejection from counting as unhandled meanwhile
    return next({ ...x, durable });
  };
}

export function spoolSettle(d: { log(p: Problem): void }): Stage<Entering, Spooled> {
  return async (x) => {
    const report = await x.durable;
    x.onSpooled?.(report);
    if (x.collection.why) d.log(x.collection.why);
    return next({ report, collection: x.collection });
  };
}

export function spoolStage(d: { spool: Spool; log(p: Problem): void }): Stage<Planned, Spooled> {
  return pipe(spoolEnter(d), spoolSettle(d));
}
