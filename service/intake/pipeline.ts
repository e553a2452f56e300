/**
 * Intake: the stages an event passes on its way to a report, composed once when the service starts (as Alertmanager's
 * notify.go builds its pipeline), each a small module of this folder that is tested alone:
 *
 *   validate → match monitored events → admit (in use, a route enabled) → suppress → plan collection → spool → collect
 *
 * Any stage may end the event's way with its outcome (ignored, folded); the last one says accepted. From suppression
 * to the spool the events pass one at a time, so an identical event right behind a new one sees its report.
 *
 * Relayed reports (the manager relay, next issue) enter at their own stage: after the match (their event was matched
 * where it happened) and past suppression (folded there), keeping their own id, creation time and machine; their logs
 * were collected where they happened, so nothing is collected here. `relayed` is that entry point.
 */
import { type Config } from '../../shared/config/model.js';
import { type EventOutcome } from '../../shared/host/service-types.js';
import { type Problem } from '../../shared/messages/problem.js';
import { type Collector } from '../collect/collector.js';
import { type IncomingEvent } from '../sources/event-source.js';
import { type Spool } from '../spool/spool.js';
import { admitStage } from './admit.js';
import { collectStage } from './collect-stage.js';
import { matchStage, type MonitoredEvents } from './monitored.js';
import { type Fresh, type RelayedOrigin } from './passing.js';
import { planStage } from './plan.js';
import { spoolStage } from './spool-stage.js';
import { next, outcomeOf, pipe, serial, type Stage } from './stage.js';
import { suppressStage, type Suppressor } from './suppression.js';
import { validateStage } from './validate.js';

export interface IntakeDeps {
  monitored: MonitoredEvents;
  suppressor: Suppressor;
  spool: Spool;
  collector: Pick<Collector, 'start'>;
  /** The last good configuration (none yet: every event is not-active). */
  config(): Config | undefined;
  log(p: Problem): void;
  /** Counts an event not reported because no route is enabled (status: notSent). */
  noRoute(what: string): void;
  now?: () => Date;
}

export interface Intake {
  /** An event from an OS source, the drop folder or the local API. */
  event(e: IncomingEvent): Promise<EventOutcome>;
  /** A report relayed from another server (the next issue's listener calls this; nothing does yet). */
  relayed(e: IncomingEvent, origin: RelayedOrigin): Promise<EventOutcome>;
}

export function buildIntake(d: IntakeDeps): Intake {
  const validate = validateStage(d.now);
  const admit = admitStage({ config: d.config, log: d.log, noRoute: d.noRoute });
  const toReport = pipe(pipe(planStage(), spoolStage({ spool: d.spool, log: d.log })), collectStage(d.collector));
  const local = pipe(pipe(pipe(validate, matchStage(d.monitored)), admit), serial(pipe(suppressStage(d.suppressor), toReport)));
  const taken = pipe(validate, admit);
  const relayedIn: Stage<{ e: IncomingEvent; origin: RelayedOrigin }, Fresh> = async ({ e, origin }) => {
    const r = await taken(e);
    return 'end' in r ? r : next({ ...r.next, relayed: origin });
  };
  const relayed = pipe(relayedIn, toReport);
  return {
    event: (e) => outcomeOf(local, e),
    relayed: (e, origin) => outcomeOf(relayed, { e, origin }),
  };
}
