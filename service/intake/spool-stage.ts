/**
 * Intake's sixth stage: the new report made durable (the spool writes it before the caller hears "accepted"), held while
 * its logs are collected. A report made here names this machine (./machine.ts). (A relayed one is spooled by ./relayed.ts.)
 */
import { type Problem } from '../../shared/messages/problem.js';
import { type Spool } from '../spool/spool.js';
import { machineOf } from './machine.js';
import { type Planned, type Spooled } from './passing.js';
import { next, type Stage } from './stage.js';

export function spoolStage(d: { spool: Spool; log(p: Problem): void }): Stage<Planned, Spooled> {
  return async (x) => {
    const report = await d.spool.accept({ kind: 'failure', event: x.event, machine: machineOf(x.config.settings), count: 1 }, { collecting: x.collection.yes });
    x.onSpooled?.(report);
    if (x.collection.why) d.log(x.collection.why);
    return next({ report, collection: x.collection });
  };
}
