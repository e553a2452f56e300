/**
 * What was not sent because no route is enabled (express.route = off), since the service started: status's notSent.
 * Each is logged once where it is met (an event at admission, ER_2106; the configuration information, ER_2108; a
 * waiting report expired, ER_2107) and counted here; none is retried (docs/delivery.md).
 */
import { type ServiceStatus } from '../../shared/host/service-types.js';

export type NotSent = NonNullable<ServiceStatus['notSent']>;

export class NoRouteCount {
  private count = 0;
  private last: NotSent['last'] | undefined;

  /** One more not sent: `what` names it in status (an event, a report's kind and id). */
  add(what: string): void {
    this.count += 1;
    this.last = { at: new Date().toISOString(), what };
  }

  /** status's notSent; undefined while nothing was counted. */
  notSent(): NotSent | undefined {
    return this.last ? { noRoute: this.count, last: this.last } : undefined;
  }
}
