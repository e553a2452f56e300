/** Intake's last stage: a report held for its logs has its collection queued (collect/collector.ts); it is accepted. */
import { type Collector } from '../collect/collector.js';
import { type Spooled } from './passing.js';
import { end, type Stage } from './stage.js';

export function collectStage(collector: Pick<Collector, 'start'>): Stage<Spooled, never> {
  return ({ report, collection }) => {
    if (collection.yes) collector.start(report, collection.plan && collection.model ? { plan: collection.plan, model: collection.model } : undefined);
    return end({ result: 'accepted', reportId: report.id });
  };
}
