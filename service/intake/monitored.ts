/** Which events make a report: the monitored events of resources/ (source + full 32-bit id), with their severity. */
import { type MonitoredEvent } from '../../shared/host/api.js';
import { type ReportEvent } from '../../shared/report/model.js';
import { end, next, type Stage } from './stage.js';

export class MonitoredEvents {
  private readonly byKey: Map<string, MonitoredEvent>;

  constructor(list: readonly MonitoredEvent[]) {
    // An index, not a scan per event: the list may grow long.
    this.byKey = new Map(list.map((e) => [`${e.source.toLowerCase()}|${parseInt(e.id, 16) >>> 0}`, e]));
  }

  /** The monitored entry for this event when it is to be reported, else undefined. */
  match(source: string, id: number): MonitoredEvent | undefined {
    const e = this.byKey.get(`${source.toLowerCase()}|${id >>> 0}`);
    return e?.report ? e : undefined;
  }
}

/** Intake's second stage: an event that is not on the list (or not to be reported) ends here, ignored. */
export function matchStage(monitored: MonitoredEvents): Stage<ReportEvent, ReportEvent> {
  return (e) => (monitored.match(e.source, e.id) ? next(e) : end({ result: 'ignored', reason: 'not-monitored' }));
}
