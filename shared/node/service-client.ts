/**
 * The way to the running service (the command line, `serve` and the desktop app): `<state>/service.json` names the
 * local API's port and token (mode 0600, so only the service's own user or root can call it). Node-only and free of
 * service/ code, so the desktop shell can use it too.
 */
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { codedError } from './coded-error.js';
import { type EventOutcome, type NotifyRequest, type NotifyResult, type ServiceStatus } from '../host/service-types.js';

export interface ServiceInfo {
  port: number;
  token: string;
  pid: number;
}

export const serviceInfoPath = (stateDir: string): string => join(stateDir, 'service.json');

async function info(stateDir: string): Promise<ServiceInfo> {
  const text = await readFile(serviceInfoPath(stateDir), 'utf8').catch(() => undefined);
  if (!text) throw codedError('ER_1032', { path: stateDir });
  return JSON.parse(text) as ServiceInfo;
}

function call<T>(i: ServiceInfo, method: string, path: string, body?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: i.port, method, path, headers: { authorization: `Bearer ${i.token}`, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let json: T & { error?: string };
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T & { error?: string };
        } catch {
          reject(new Error(`HTTP ${res.statusCode}: not JSON`));
          return;
        }
        if ((res.statusCode ?? 500) >= 400) reject(new Error(json.error ?? `HTTP ${res.statusCode}`));
        else resolve(json);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export class ServiceClient {
  private constructor(private readonly i: ServiceInfo) {}

  /** Fails with ER_1032 when no service runs for this state folder (no service.json, or nobody answers). */
  static async connect(stateDir: string): Promise<ServiceClient> {
    const i = await info(stateDir).catch(() => { throw codedError('ER_1032', { path: stateDir }); });
    const c = new ServiceClient(i);
    await c.status().catch(() => { throw codedError('ER_1032', { path: stateDir }); });
    return c;
  }

  status(): Promise<ServiceStatus> {
    return call(this.i, 'GET', '/v1/status');
  }

  event(e: { source: string; id: string; message?: string }): Promise<EventOutcome> {
    return call(this.i, 'POST', '/v1/events', e);
  }

  /** テスト通報 / 開局通報 sent by the service (it holds the key that opens sealed secrets). */
  notify(req: NotifyRequest): Promise<NotifyResult> {
    return call(this.i, 'POST', '/v1/notify', req);
  }
}
