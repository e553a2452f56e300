/**
 * The window's way in, without Chromium: `serve` in this process on the machine's folders, and one HostApi call at a
 * time over its HTTP with its token, as the renderer's host client makes them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { serve, type Served } from '../../../service/serve/server.js';
import { OneTimeCodes } from '../../../service/serve/one-time.js';
import { createHost } from '../../../service/host-factory.js';

export interface HostOverServe {
  call<T = unknown>(method: string, body: unknown): Promise<{ ok: boolean; result?: T; error?: unknown }>;
  close(): Promise<void>;
}

export async function hostOverServe(dirs: { configDir: string; stateDir: string }, scratch: string): Promise<HostOverServe> {
  const renderer = join(scratch, 'renderer');
  await mkdir(renderer, { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  const served: Served = await serve(await createHost(dirs), { rendererDir: renderer, codes: new OneTimeCodes(() => 0, 60_000) });
  return {
    call: (method, body) =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: served.port,
            path: `/api/${method}`,
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}`, host: `127.0.0.1:${served.port}` },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as never));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body));
      }),
    close: () => served.close(),
  };
}
