/**
 * The manager's forwarding routes (docs/relay.md "Forwarding"): a report an agent relayed on port 31136 goes on by
 * `relay.express.forward` (e-mail, or dial-up with bulk calls), sealed with S/MIME when the manager's `mail.smime` is on
 * (those routes seal by that setting); one relayed on port 31138 goes by HTTPS straight to the center with the manager's
 * AMHTPADR.INF and proxy, whatever `https.via` says about the manager's own reports. They are built once, apart from the
 * routes of the manager's own reports, so the delivery loop batches only relayed reports that share one route object.
 */
import { type Config } from '../../shared/config/model.js';
import { type Report } from '../../shared/report/model.js';
import { type Settings } from '../../shared/settings/schema.js';
// Type only: with verbatimModuleSyntax, `import { type X }` would still load the modem stack (serialport) at start.
import type { ModemRoute } from './modem/route.js';
import { BULK_MAX } from './modem/timeouts.js';
import { budgetMs, LazyRoute } from './registry.js';
import { type Outcome, type Route, type RouteContext, type RouteDeps } from './route.js';

export type ForwardRouteName = 'mail' | 'dialup' | 'https';

/** The receive port a report came on (RelayVia.port). */
export type RelayPort = 'express' | 'https';

/** Which forwarding route takes a report relayed on `port`. */
export function forwardingRouteName(port: RelayPort, s: Settings): ForwardRouteName {
  return port === 'https' ? 'https' : s['relay.express.forward'];
}

/**
 * The agent waits up to 600 s for the answer to a test or activation notification it relayed (issue 13 design, section
 * 1): the manager gives its own attempt less, so its answer (ACK, or the NAK with the center's problem) arrives in time.
 */
export const FORWARD_NOW_MAX_MS = 570_000;

/** How long one immediate forwarding (a relayed test or activation) may take over `name`: the route's budget, capped. */
export function forwardBudgetMs(name: ForwardRouteName, c: Config): number {
  // The route's own budget, read as if the manager used that route itself, directly (https.via concerns its own reports).
  const as: Config = { ...c, settings: { ...c.settings, 'express.route': name, 'https.via': 'direct' } };
  return Math.min(budgetMs(as), FORWARD_NOW_MAX_MS);
}

const deps = (d: RouteDeps): RouteDeps => ({
  ...(d.attachmentFor ? { attachmentFor: d.attachmentFor } : {}),
  ...(d.centerCertificate ? { centerCertificate: d.centerCertificate } : {}),
});

/** Dial-up that hands a batch to the modem route (loaded on first use, like the registry's routes). */
class ForwardingModem implements Route {
  readonly name = 'dialup';
  private readonly lazy: LazyRoute;

  constructor(
    d: RouteDeps,
    readonly maxBatch: number,
  ) {
    this.lazy = new LazyRoute('dialup', async () => new (await import('./modem/route.js')).ModemRoute(deps(d)));
  }

  send(report: Report, ctx: RouteContext): Promise<Outcome> {
    return this.lazy.send(report, ctx);
  }

  async sendBatch(reports: Report[], ctx: RouteContext): Promise<Outcome[]> {
    return ((await this.lazy.route()) as ModemRoute).sendBatch(reports, ctx);
  }
}

/** Every forwarding route, made once (the service keeps them for its life; forwardNow makes its own per request). */
export function buildForwardingRoutes(d: RouteDeps = {}): Record<ForwardRouteName, Route> {
  return {
    https: new LazyRoute(
      'https',
      async () => new (await import('./https/route.js')).HttpsRoute({ ...(d.attachmentFor ? { attachmentFor: d.attachmentFor } : {}) }),
    ),
    mail: new LazyRoute('mail', async () => new (await import('./mail/route.js')).MailRoute(deps(d))),
    dialup: new ForwardingModem(d, BULK_MAX),
  };
}
