/**
 * Express Report Service (HTTPS) route: POST the report to URL1 and, when that fails in a way retrying could fix, to
 * URL2. Wire format, TLS and proxy behaviour: docs/report-format.md.
 */
import { type Readable } from 'node:stream';
import { problem, type Problem } from '../../../shared/messages/problem.js';
import { type Report } from '../../../shared/report/model.js';
import { packageVersion } from '../../app-paths.js';
import { exchange, type Exchange } from './exchange.js';
import { replySnippet, statusReply } from './classify.js';
import { destinationsFor, transportFrom, type Destination, type Transport } from './transport.js';
import { multipartReport } from './multipart.js';
import { dialUp, type RemoteAccessOptions } from '../remote-access.js';
import { type Outcome, type Route, type RouteContext, type RouteDeps } from '../route.js';

/** `attachmentFor` is called once per destination tried. */
export interface HttpsRouteOptions extends Pick<RouteDeps, 'attachmentFor'> {
  /** Remote access: the command runner (a fake in tests), platform and dial timeout. */
  remote?: RemoteAccessOptions;
  /** For User-Agent; the package's version by default. */
  version?: string;
}

export interface SendOptions {
  /** Overrides attachmentFor for this one call. */
  attachment?: () => Readable;
}

type Attempt = { outcome: Outcome; /** The center judged the report itself: another destination would say the same. */ verdict: boolean };

/** 408 and 429 say "later", 4xx otherwise "never": the report or the request is wrong. */
export const retryableStatus = (status: number): boolean => !(status >= 400 && status < 500) || status === 408 || status === 429;

function fromExchange(dest: Destination, x: Exchange): Attempt {
  if (!x.ok) return { outcome: { ok: false, problem: x.problem, retry: true }, verdict: false };
  if (x.status >= 200 && x.status < 300) {
    return { outcome: { ok: true, detail: `${dest.label} ${dest.url.href} answered ${statusReply(x.status, x.statusText)}` }, verdict: false };
  }
  const location = x.status >= 300 && x.status < 400 && x.headers.location ? `Location: ${x.headers.location}` : '';
  const reply = statusReply(x.status, x.statusText, [location, replySnippet(x.body, x.headers['content-type'])]);
  const retry = retryableStatus(x.status);
  return { outcome: { ok: false, problem: problem('ER_2008', { peer: dest.peer, reply }), retry }, verdict: !retry };
}

/** Both destinations failed: one problem that keeps both replies (or just one when both said the same). */
function combine(failures: Array<{ problem: Problem; retry: boolean }>): Outcome {
  const [first, second] = failures;
  if (!second || first!.problem.message.en === second.problem.message.en) return { ok: false, problem: first!.problem, retry: failures.some((f) => f.retry) };
  const tell = (p: Problem) => ({ ja: `${p.code} ${p.message.ja}`, en: `${p.code} ${p.message.en}` });
  return { ok: false, problem: problem('ER_2012', { first: tell(first!.problem), second: tell(second.problem) }), retry: failures.some((f) => f.retry) };
}

export class HttpsRoute implements Route {
  readonly name = 'https';
  /** Read once: packageVersion() reads package.json, which cost a file read and a parse per report. */
  private version: string | undefined;

  constructor(private readonly opts: HttpsRouteOptions = {}) {}

  async send(report: Report, ctx: RouteContext, options: SendOptions = {}): Promise<Outcome> {
    this.version ??= this.opts.version ?? packageVersion();
    const made = transportFrom(ctx.config, ctx.openSecret, this.version);
    // A configuration mistake stays one until someone fixes it; the delivery loop surfaces it at once.
    if (!made.ok) return { ok: false, problem: made.problem, retry: false };
    const targets = destinationsFor(ctx.config, report.target);
    if (!targets.ok) return { ok: false, problem: targets.problem, retry: false };
    const attachment = options.attachment ?? this.opts.attachmentFor?.(report);

    let hangUp: (() => Promise<void>) | undefined;
    if (ctx.config.settings['remote.use']) {
      const line = await dialUp(ctx.config.settings, ctx.openSecret, this.opts.remote, ctx.signal);
      // A password that cannot be opened (ER_1006) stays so until someone sets it again: not retried.
      if (!line.ok) return { ok: false, problem: line.problem, retry: line.problem.code !== 'ER_1006' };
      hangUp = line.hangUp;
    }
    try {
      const failures: Array<{ problem: Problem; retry: boolean }> = [];
      for (const d of targets.value) {
        // A malformed URL1 is about URL1, not the report: URL2 may still take it.
        const a: Attempt = d.ok
          ? await this.attempt(report, d.value, made.value, ctx.signal, attachment)
          : { outcome: { ok: false, problem: d.problem, retry: false }, verdict: false };
        if (a.outcome.ok) return a.outcome;
        failures.push({ problem: a.outcome.problem, retry: a.outcome.retry });
        if (a.verdict || ctx.signal.aborted) break;
      }
      return combine(failures);
    } finally {
      await hangUp?.();
    }
  }

  private async attempt(report: Report, dest: Destination, t: Transport, signal: AbortSignal, attachment?: () => Readable): Promise<Attempt> {
    const body = multipartReport(report, attachment);
    const headers = {
      'Content-Type': body.contentType,
      'X-Report-Id': report.id,
      'User-Agent': t.userAgent,
      Accept: '*/*',
      ...(body.length !== undefined ? { 'Content-Length': body.length } : {}),
    };
    const x = await exchange(dest, t, { method: 'POST', headers, body: body.stream, longBody: attachment !== undefined, resume: true }, signal);
    body.stream.destroy();
    return fromExchange(dest, x);
  }
}
