/**
 * Intake's first stage: an incoming event (OS source, drop folder, local API) as a report's event. The local API and
 * the drop folder checked its fields already (daemon/intake-api.ts, sources/drop-entry.ts); here the id becomes the
 * unsigned 32-bit number every later stage compares, and an event without its own time gets the time it arrived.
 */
import { type ReportEvent } from '../../shared/report/model.js';
import { type IncomingEvent } from '../sources/event-source.js';
import { next, type Stage } from './stage.js';

export function validateStage(now: () => Date = () => new Date()): Stage<IncomingEvent, ReportEvent> {
  return (e) => next({ source: e.source, id: e.id >>> 0, time: e.time ?? now().toISOString(), message: e.message });
}
