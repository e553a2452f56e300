/**
 * The way to the running service (the command line, `serve` and the desktop app): `<state>/service.json` names the
 * local API's port and token (mode 0600, so only the service's own user or root can call it). Node-only and free of
 * service/ code, so the desktop shell can use it too. The requests and replies are declared once with the service's
 * side (shared/host/service-api.ts); every reply is checked against them, and every failure is a CodedError with a
 * catalogue code (ER_1032, ER_1034, ER_1092-ER_1094), never a plain Error.
 */
import { readFile } from 'node:fs/promises';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { codedError, reasonOf } from './coded-error.js';
import { text, type LocalizedText } from '../messages/text.js';
import { issuesText } from '../messages/zod-issues.js';
import { type EventOutcome, type NotifyRequest, type NotifyResult, type RelayAgent, type ServiceStatus } from '../host/service-types.js';
import { type PauseOrder, type PauseResult, type ResumeRequest, type ResumeResult } from '../host/maintenance.js';
import {
  eventOutcomeSchema,
  notifyResultSchema,
  pauseResultSchema,
  relayAgentsSchema,
  resumeResultSchema,
  serviceStatusSchema,
  type eventBody,
} from '../host/service-api.js';

export interface ServiceInfo {
  port: number;
  token: string;
  pid: number;
}

export const serviceInfoPath = (stateDir: string): string => join(stateDir, 'service.json');

const serviceInfoSchema = z.object({ port: z.number().int().min(1).max(65535), token: z.string().min(1).max(1024), pid: z.number().int() });

/** service.json, read and checked: anything missing or not of this shape is "no service runs here" (ER_1032). */
async function info(stateDir: string): Promise<ServiceInfo> {
  const text = await readFile(serviceInfoPath(stateDir), 'utf8').catch(() => undefined);
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = serviceInfoSchema.safeParse(json);
  if (!parsed.success) throw codedError('ER_1032', { path: stateDir });
  return parsed.data;
}

/** The most of an answer that is read: a status or an outcome is a few KB; a longer error text is cut for the message. */
const MAX_ANSWER = 1024 * 1024;
const MAX_REASON = 500;

/** What a refusal means to the user, by status; the service's own error text follows it when it gave one. */
function refusalReason(status: number): LocalizedText | undefined {
  if (status === 401)
    return text(
      'service.json のトークンが受け付けられませんでした。サービスが再起動した可能性があります。もう一度実行してください',
      'the token of service.json was not accepted; the service may have restarted, try again',
    );
  if (status === 503 || status === 429)
    return text('サービスが混み合っています。しばらくしてからもう一度実行してください', 'the service is busy; try again shortly');
  if (status === 404 || status === 405)
    return text('このサービスはこの要求を知りません(版が異なる可能性があります)', 'this service does not know the request (it may be another version)');
  return undefined;
}

/**
 * Every answer of the local API becomes either the result or a coded error naming the request and the HTTP status:
 * 5xx ER_1092 (the service failed: with its error text), 503 and other 4xx / 3xx ER_1093 (refused, and why), an answer that is not
 * JSON or not of the request's reply shape ER_1094, a broken connection ER_1034. So `event` getting a 500 says the
 * service could not take the event, never "cannot understand".
 */
function call<T>(i: ServiceInfo, reply: z.ZodType<T>, method: string, path: string, request_: string, body?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const broken = (e: unknown) => reject(codedError('ER_1034', { request: request_, reason: reasonOf(e) }, {}, e));
    const answered = (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_ANSWER) chunks.push(c);
      });
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let json: { error?: unknown } | undefined;
        try {
          json = size > MAX_ANSWER ? undefined : (JSON.parse(raw) as { error?: unknown });
        } catch {
          json = undefined;
        }
        const said = typeof json?.error === 'string' ? json.error : json === undefined ? raw.trim() : '';
        const shown = said.length > MAX_REASON ? `${said.slice(0, MAX_REASON)}…` : said;
        if (status >= 500 && status !== 503) return reject(codedError('ER_1092', { request: request_, status, reason: shown || `HTTP ${status}` }));
        if (status >= 300 || status < 200) {
          const meaning = refusalReason(status);
          const reason = meaning ? (shown ? { ja: `${meaning.ja}(${shown})`, en: `${meaning.en} (${shown})` } : meaning) : shown || `HTTP ${status}`;
          return reject(codedError('ER_1093', { request: request_, status, reason }));
        }
        if (json === undefined) {
          return reject(codedError('ER_1094', { request: request_, status, reason: size > MAX_ANSWER ? `more than ${MAX_ANSWER} bytes` : 'not JSON' }));
        }
        const checked = reply.safeParse(json);
        if (!checked.success) return reject(codedError('ER_1094', { request: request_, status, reason: issuesText(checked.error, '(reply)') }));
        resolve(checked.data);
      });
      res.on('error', broken);
    };
    let req: ClientRequest;
    try {
      req = request(
        { host: '127.0.0.1', port: i.port, method, path, headers: { authorization: `Bearer ${i.token}`, 'content-type': 'application/json' } },
        answered,
      );
    } catch (e) {
      return broken(e); // refused by Node before anything is sent (not expected with a checked service.json)
    }
    req.on('error', broken);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export class ServiceClient {
  private constructor(private readonly i: ServiceInfo) {}

  /** Fails with ER_1032 when no service runs for this state folder (no service.json, or nobody answers). */
  static async connect(stateDir: string): Promise<ServiceClient> {
    const i = await info(stateDir).catch(() => {
      throw codedError('ER_1032', { path: stateDir });
    });
    // Alive when it answers status with a JSON object; its whole shape is checked by status() itself.
    await call(i, z.looseObject({}), 'GET', '/v1/status', 'status').catch(() => {
      throw codedError('ER_1032', { path: stateDir });
    });
    return new ServiceClient(i);
  }

  status(): Promise<ServiceStatus> {
    return call(this.i, serviceStatusSchema, 'GET', '/v1/status', 'status');
  }

  event(e: z.input<typeof eventBody>): Promise<EventOutcome> {
    return call(this.i, eventOutcomeSchema, 'POST', '/v1/events', `event ${e.source} ${e.id}`, e);
  }

  /** テスト通報 / 開局通報 sent by the service (it holds the key that opens sealed secrets). */
  notify(req: NotifyRequest): Promise<NotifyResult> {
    return call(this.i, notifyResultSchema, 'POST', '/v1/notify', req.kind === 'test' ? 'test-notify' : 'activate-notify', req);
  }

  /** 保守中にする (an absolute end time) and 保守を終了: the service holds the reports and tells the center. */
  pause(order: PauseOrder): Promise<PauseResult> {
    return call(this.i, pauseResultSchema, 'POST', '/v1/pause', 'pause', order);
  }

  resume(req: ResumeRequest): Promise<ResumeResult> {
    return call(this.i, resumeResultSchema, 'POST', '/v1/resume', 'resume', req);
  }

  /** The manager relay's agent list (docs/relay.md); a service that runs no relay answers an empty list. */
  relayAgents(): Promise<RelayAgent[]> {
    return call(this.i, relayAgentsSchema, 'GET', '/v1/relay/agents', 'relay agents');
  }
}
