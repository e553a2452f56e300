/**
 * Intake: the stages an event passes on its way to a report, composed once when the service starts (as Alertmanager's
 * notify.go builds its pipeline), each a small module of this folder that is tested alone:
 *
 *   validate → match monitored events → admit (in use, a route enabled) → suppress → plan collection → spool → collect
 *
 * Any stage may end the event's way with its outcome (ignored, folded); the last one says accepted. From suppression
 * to the spool the events pass one at a time, so an identical event right behind a new one sees its report; that section
 * ends once the spool knows the report, and its durable write (the acknowledgement) is awaited outside it, so the
 * reports of a burst share the spool's group commit.
 *
 * Relayed reports (the manager relay) enter at their own stage (./relayed.ts), none of the above: their event was matched
 * and folded where it happened (never with this manager's own events), their logs collected there; they keep the
 * agent's id, creation time and machine, and are taken only while the relay of their port is enabled.
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
import { planStage } from './plan.js';
import { relayedIntake, type RelayedDeps, type RelayedOutcome, type RelayedReport } from './relayed.js';
import { spoolEnter, spoolSettle } from './spool-stage.js';
import { outcomeOf, pipe, serial } from './stage.js';
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
  /** The relayed reports' stored frames (the manager relay): their payload size and path. */
  relayFrames?: Pick<RelayedDeps, 'payloadBytes' | 'framePath'>;
  now?: () => Date;
}

export interface Intake {
  /** An event from an OS source, the drop folder or the local API. */
  event(e: IncomingEvent): Promise<EventOutcome>;
  /** A report an agent relayed to this manager (service/relay/ calls this once its frame is stored): ./relayed.ts. */
  relayed(r: RelayedReport): Promise<RelayedOutcome>;
}

/** Without stored frames (a service that is no manager), a relayed report has no attachment. */
const NO_FRAMES: Pick<RelayedDeps, 'payloadBytes' | 'framePath'> = { payloadBytes: () => Promise.resolve(0), framePath: (id) => id };

export function buildIntake(d: IntakeDeps): Intake {
  const validate = validateStage(d.now);
  const admit = admitStage({ config: d.config, log: d.log, noRoute: d.noRoute });
  // One at a time from suppression until the spool knows the report; its write then joins the group commit outside.
  const enter = serial(pipe(pipe(suppressStage(d.suppressor), planStage()), spoolEnter({ spool: d.spool })));
  const settle = pipe(spoolSettle({ log: d.log }), collectStage(d.collector));
  const local = pipe(pipe(pipe(pipe(validate, matchStage(d.monitored)), admit), enter), settle);
  const relayed = relayedIntake({ spool: d.spool, config: d.config, ...(d.relayFrames ?? NO_FRAMES) });
  return {
    event: (e) => outcomeOf(local, e),
    relayed,
  };
}
