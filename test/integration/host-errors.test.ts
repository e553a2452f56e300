/**
 * HostApi's errors reach the window whole, over both transports (shared/host/errors.ts): serve's HTTP for real (a real
 * server, Node's fetch, the renderer's own client), and the desktop bridge's two ends (electron/host-reply.ts in the
 * main process, electron/preload-invoke.ts in the preload) with IPC's structured clone between them, as Electron does.
 * The renderer rebuilds a HostCallError carrying the very Problems the host raised: both languages, the field,
 * file:line, the plain sentence and the system's own text. Before, both flattened them to one English string.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Served } from '../../service/serve/server.js';
import { createHost } from '../../service/host-factory.js';
import { type NodeHost } from '../../shared/node/host/host.js';
import { type HostApi, type HostMethod } from '../../shared/host/api.js';
import { HOST_METHODS } from '../../shared/host/schemas.js';
import { HostCallError, problemsOf, resultOf } from '../../shared/host/errors.js';
import { codedError, CodedError } from '../../shared/node/coded-error.js';
import { type Problem } from '../../shared/messages/problem.js';
import { hostApiOver, httpBridge } from '../../renderer/host-client.js';
import { answerHostCall } from '../../electron/host-reply.js';
import { preloadInvoke } from '../../electron/preload-invoke.js';
import { APP_ORIGIN } from '../../electron/channel.js';

let base: string;
let host: NodeHost;
/** The host as the config store leaves it on a conflict: a refusal with its field and file:line, thrown. */
let conflicted: HostApi;
let served: Served;
let servedConflicted: Served;
let raised: Problem;
const conflict = codedError('ER_1003', { path: '/etc/express-report/routes.ini' }, { file: 'routes.ini', line: 12, field: 'https.proxy.user' });

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-host-errors-'));
  const renderer = join(base, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  host = await createHost({ configDir: join(base, 'config'), stateDir: join(base, 'state') });
  // A real failure of the real host: routes.ini replaced by a folder (EISDIR when the settings are read).
  await rm(join(base, 'config', 'routes.ini'));
  await mkdir(join(base, 'config', 'routes.ini'));
  raised = await host.snapshot().then(
    () => {
      throw new Error('the host did not fail');
    },
    (e: unknown) => (e as CodedError).problem,
  );
  conflicted = Object.assign(Object.create(host) as HostApi, { eventLog: () => Promise.reject(conflict) });
  served = await serve(host, { rendererDir: renderer });
  servedConflicted = await serve(conflicted, { rendererDir: renderer });
});
afterAll(async () => {
  await served?.close();
  await servedConflicted?.close();
  await rm(base, { recursive: true, force: true });
});

const overHttp = (s: Served, token = s.token): HostApi => hostApiOver(httpBridge(token, `http://127.0.0.1:${s.port}`));

/** Main process -> IPC (structured clone, as Electron serializes) -> preload -> renderer. */
function overIpc(api: HostApi, sender = `${APP_ORIGIN}/index.html`): HostApi {
  const send = async (method: HostMethod, arg: unknown) => structuredClone(await answerHostCall(api, sender, method, arg));
  return hostApiOver({ invoke: preloadInvoke(HOST_METHODS, send) });
}

async function refusalOf(call: Promise<unknown>): Promise<HostCallError> {
  const e = await call.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostCallError);
  return e as HostCallError;
}

describe('the host raised it: the window gets the same Problem', () => {
  it('the real host fails (EISDIR): its Problem has both languages, the plain sentence and the system text apart', () => {
    expect(raised).toMatchObject({
      code: 'ER_1001',
      message: { ja: expect.stringContaining('読み込めません: EISDIR') },
      detail: expect.stringContaining('EISDIR'),
    });
    expect(raised.plain?.ja).toMatch(/routes\.ini を読み込めません。$/);
    expect(raised.plain?.en).not.toContain('EISDIR');
  });

  for (const [name, over] of [
    ['serve (HTTP)', () => overHttp(served)],
    ['desktop bridge (IPC)', () => overIpc(host)],
  ] as const) {
    it(`${name}: rebuilt as HostCallError with that Problem, unchanged`, async () => {
      const e = await refusalOf(over().snapshot());
      expect(e.method).toBe('snapshot');
      expect(e.problems).toEqual([raised]);
      expect(problemsOf(e)).toEqual([raised]);
    });
  }

  for (const [name, over] of [
    ['serve (HTTP)', () => overHttp(servedConflicted)],
    ['desktop bridge (IPC)', () => overIpc(conflicted)],
  ] as const) {
    it(`${name}: the field and file:line travel too`, async () => {
      const e = await refusalOf(over().eventLog());
      expect(e.problems).toEqual([conflict.problem]);
      expect(e.problems[0]).toMatchObject({
        field: 'https.proxy.user',
        file: 'routes.ini',
        line: 12,
        message: { ja: expect.stringContaining('他で変更されました') },
      });
    });
  }

  it('a malformed request is refused by the dispatcher, coded, over both (ER_1021 with the schema text as detail)', async () => {
    for (const api of [overHttp(served), overIpc(host)]) {
      const e = await refusalOf(api.saveSettings({ values: { 'mail.smtp.port': 25 } } as never));
      expect(e.problems[0]).toMatchObject({ code: 'ER_1021', detail: expect.stringContaining('values') });
      expect(e.problems[0]!.plain?.ja).toBe('画面からの要求 saveSettings の形式が正しくありません。');
    }
  });
});

describe('what the transport itself refuses is coded too', () => {
  it('serve without the session token: ER_1102, the reason in both languages', async () => {
    const e = await refusalOf(overHttp(served, 'not-the-token').resources());
    expect(e.problems[0]).toMatchObject({
      code: 'ER_1102',
      message: { ja: expect.stringContaining('トークンがないか一致しません'), en: expect.stringContaining('token is missing or wrong') },
    });
  });

  it('serve gone: ER_1100 with the system text as detail', async () => {
    const gone = await serve(host, { rendererDir: join(base, 'renderer') });
    const api = overHttp(gone);
    await gone.close();
    const e = await refusalOf(api.resources());
    expect(e.problems[0]!.code).toBe('ER_1100');
    expect(e.problems[0]!.detail).toMatch(/fetch failed|ECONNREFUSED/);
    expect(e.problems[0]!.plain?.ja).not.toContain('ECONNREFUSED');
  });

  it('the desktop bridge: a frame that is not the settings window, and a name that is not a HostApi method, get ER_1021', async () => {
    const foreign = await refusalOf(overIpc(host, 'https://example.com/').resources());
    expect(foreign.problems[0]).toMatchObject({ code: 'ER_1021', detail: 'sender is not the settings window' });
    const invoke = preloadInvoke(HOST_METHODS, () => Promise.reject(new Error('must not be sent')));
    const r = await invoke('deleteEverything' as HostMethod, null);
    expect(() => resultOf('deleteEverything', r)).toThrow(HostCallError);
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'ER_1021', detail: 'not a HostApi method' }] });
  });

  it('a reply that is not a HostReply is refused where it enters the window (ER_1101), never trusted', () => {
    for (const bad of [
      undefined,
      'ER_1001 Cannot read',
      { ok: false, error: 'ER_1001 Cannot read' },
      { ok: false, problems: [{ code: 'ER_9999', severity: 'error', message: { ja: '', en: '' } }] },
    ]) {
      const e = (() => {
        try {
          resultOf('snapshot', bad);
        } catch (x) {
          return x;
        }
        return undefined;
      })();
      expect(e).toBeInstanceOf(HostCallError);
      expect((e as HostCallError).problems[0]!.code).toBe('ER_1101');
    }
    expect(resultOf('snapshot', { ok: true, result: 42 })).toBe(42);
  });

  it('anything else thrown in the window is ER_1103 with its text as detail', () => {
    expect(problemsOf(new TypeError('x is undefined'))).toMatchObject([{ code: 'ER_1103', detail: 'x is undefined' }]);
  });
});
