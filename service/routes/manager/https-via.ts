/**
 * Express (HTTPS) sends directly or through a manager, by `https.via` (the HTTPS basic settings' [HTTPS] /
 * [マネージャ経由], manual 4.2.2). Decided per send from the settings of that send, so a change applies to the next
 * report without rebuilding the routes, and the delivery loop and the immediate notifications need not know.
 */
import { type Report } from '../../../shared/report/model.js';
import { type Outcome, type Route, type RouteContext } from '../route.js';

export class HttpsViaRoute implements Route {
  readonly name = 'https';

  constructor(
    private readonly direct: Route,
    private readonly manager: Route,
  ) {}

  send(report: Report, ctx: RouteContext): Promise<Outcome> {
    return (ctx.config.settings['https.via'] === 'manager' ? this.manager : this.direct).send(report, ctx);
  }
}
