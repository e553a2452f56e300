/** A minimal test-only route: POST the report as JSON with X-Report-Id; 2xx = delivered (docs/design.md section 6). */
import { request } from 'node:http';
import { problem } from '../../shared/messages/problem.js';
import { type Report } from '../../shared/report/model.js';
import { type Outcome, type Route, type RouteContext } from '../../service/routes/route.js';

export class TestHttpRoute implements Route {
  readonly name = 'test-http';
  constructor(private readonly url: string) {}

  send(report: Report, ctx: RouteContext): Promise<Outcome> {
    const body = JSON.stringify(report);
    return new Promise((resolve) => {
      const failed = (reason: string): void =>
        resolve({ ok: false, retry: true, problem: problem('ER_2002', { peer: 'receiver', address: this.url, reason }) });
      const req = request(
        this.url,
        {
          method: 'POST',
          signal: ctx.signal,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-report-id': report.id },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve({ ok: true, detail: `${this.url} ${status}` });
            else failed(`HTTP ${status}`);
          });
        },
      );
      req.on('error', (e) => failed(e.message));
      req.end(body);
    });
  }
}
