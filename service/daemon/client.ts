/** The command line's (and the desktop app's) way to the running service: `<state>/service.json` + the local API. */
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { codedError } from '../../shared/node/coded-error.js';
import { serviceInfoPath, type ServiceInfo } from './intake-api.js';
import { type EventOutcome, type ServiceStatus } from './core.js';

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
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T & { error?: string };
        if ((res.statusCode ?? 500) >= 400) reject(new Error(json.error ?? `HTTP ${res.statusCode}`));
        else resolve(json);
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export class ServiceClient {
  private constructor(private readonly i: ServiceInfo) {}

  static async connect(stateDir: string): Promise<ServiceClient> {
    const i = await info(stateDir);
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
}
