/**
 * Event bodies from outside: files in the drop folder (service/sources/drop-folder.ts) and POST /v1/events of the local
 * API (service/daemon/intake-api.ts), each through the real reader or server with the real client.
 */
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startIntakeApi, type IntakeApi } from '../../../service/daemon/intake-api.js';
import { type ServiceCore } from '../../../service/daemon/core.js';
import { DropFolder } from '../../../service/sources/drop-folder.js';
import { type IncomingEvent } from '../../../service/sources/event-source.js';
import { type Problem } from '../../../shared/messages/problem.js';
import { ServiceClient } from '../../../shared/node/service-client.js';
import { isCodedError } from '../../../shared/node/coded-error.js';
import { eventBody } from '../../../shared/host/service-api.js';
import { bytesFrom, corpus } from '../corpus.js';
import { PropertyFailed, check, type FuzzTarget } from '../harness.js';
import { checkEvent } from './lines.js';

const validBody = fc
  .record({
    source: fc.oneof(fc.string({ minLength: 1, maxLength: 256 }), fc.constantFrom('atapi', 'ソース')),
    id: fc.nat(0xffffffff).map((n) => `0x${n.toString(16).padStart(8, '0')}`),
    message: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    time: fc.option(
      fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('9999-12-31') }).map((d) => d.toISOString()),
      { nil: undefined },
    ),
  })
  .map((b) => Buffer.from(JSON.stringify(b)));
const bodies = bytesFrom(corpus('event-'), validBody);

/** A file name as a user's script may give it: not always UTF-8, with spaces or dots; the folder takes *.json only. */
const fileName = fc
  .tuple(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 ._-]{0,20}$/).map((n) => Buffer.from(n)),
      fc.uint8Array({ minLength: 1, maxLength: 12 }).map((a) => Buffer.from(a.map((b) => (b === 0x2f || b === 0 ? 0x41 : b)))),
    ),
    fc.constantFrom('.json', '.JSON', '.Json'),
  )
  .map(([stem, ext]) => Buffer.concat([stem, Buffer.from(ext)]));

interface Drop {
  dir: string;
  folder: DropFolder;
  accepted: IncomingEvent[];
  reported: Problem[];
}
let drop: Drop | undefined;

async function openDrop(): Promise<Drop> {
  if (drop) return drop;
  const dir = await mkdtemp(join(tmpdir(), 'express-report-fuzz-drop-'));
  const d: Drop = { dir, folder: undefined as never, accepted: [], reported: [] };
  d.folder = new DropFolder(
    dir,
    async (e) => void d.accepted.push(e),
    (p) => void d.reported.push(p),
    { retryMs: { first: 60_000, max: 60_000 } },
  );
  await d.folder.start();
  drop = d;
  return d;
}

export const dropTarget: FuzzTarget<{ name: Buffer; body: Buffer }> = {
  name: 'drop-event',
  properties: [
    'a file is either taken as one event (32-bit id, bounded message, real time) and removed, or moved to rejected/ with a coded problem naming it',
    'nothing is thrown, nothing is left behind in the folder',
  ],
  arbitrary: fc.record({ name: fileName, body: bodies }),
  async run({ name, body }) {
    const d = await openDrop();
    d.accepted.length = 0;
    d.reported.length = 0;
    // As docs/config-folder.md asks of a writer: name.tmp first, then renamed to name.json (the folder takes *.json).
    const tmp = Buffer.concat([Buffer.from(`${d.dir}/`), name, Buffer.from('.tmp')]);
    await writeFile(tmp, body);
    await rename(tmp, Buffer.concat([Buffer.from(`${d.dir}/`), name]));
    await d.folder.scan();
    const left = (await readdir(d.dir)).filter((n) => n !== 'rejected');
    check(left.length === 0, `left in the drop folder: ${left.join(', ')}`);
    const rejected = await readdir(join(d.dir, 'rejected'));
    await rm(join(d.dir, 'rejected'), { recursive: true, force: true });
    await mkdir(join(d.dir, 'rejected'), { mode: 0o700 });
    const refused = d.reported.filter((p) => p.code !== 'ER_6060');
    if (d.accepted.length === 1) {
      checkEvent(d.accepted[0]!);
      check(refused.length === 0, `accepted and refused: ${refused.map((p) => p.code).join(' ')}`);
      return {};
    }
    check(d.accepted.length === 0, `${d.accepted.length} events from one file`);
    check(
      refused.length === 1 && ['ER_1033', 'ER_1037', 'ER_1038'].includes(refused[0]!.code),
      `refused with ${refused.map((p) => p.code).join(' ') || 'nothing'}`,
    );
    check(rejected.length === 1, `${rejected.length} files in rejected/ after one refusal`);
    return { refused };
  },
  async close() {
    if (!drop) return;
    await drop.folder.stop();
    await rm(drop.dir, { recursive: true, force: true });
    drop = undefined;
  },
};

interface Api {
  dir: string;
  api: IntakeApi;
  client: ServiceClient;
  accepted: IncomingEvent[];
}
let local: Api | undefined;

async function openApi(): Promise<Api> {
  if (local) return local;
  const dir = await mkdtemp(join(tmpdir(), 'express-report-fuzz-api-'));
  const accepted: IncomingEvent[] = [];
  // The service's core past the API: it only records what the API let through.
  const core: ServiceCore = {
    acceptEvent: async (e) => (accepted.push(e), { result: 'accepted', reportId: '0b7c6f7e-3c1a-4d2b-9f00-5a6b7c8d9e0f' }),
    status: async () => ({}) as never,
    notify: async () => {
      throw new PropertyFailed('notify reached');
    },
    pause: async () => {
      throw new PropertyFailed('pause reached');
    },
    resume: async () => {
      throw new PropertyFailed('resume reached');
    },
  };
  const api = await startIntakeApi(core, dir);
  local = { dir, api, client: await ServiceClient.connect(dir), accepted };
  return local;
}

export const apiTarget: FuzzTarget<Buffer> = {
  name: 'local-api-event',
  properties: [
    'POST /v1/events with any body: the event reaches the service only when it is valid (32-bit id, bounded message, real time)',
    'else the client gets a coded refusal (ER_1093 naming the request, the status and the field) and the API keeps answering',
  ],
  arbitrary: bodies,
  async run(body) {
    const a = await openApi();
    a.accepted.length = 0;
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      json = body.toString('utf8'); // sent as a JSON string: still a body the schema must refuse
    }
    const valid = eventBody.safeParse(json);
    try {
      await a.client.event(json as never);
    } catch (e) {
      if (!isCodedError(e, 'ER_1093')) throw e;
      check(!valid.success && a.accepted.length === 0, `refused a valid event or passed it on: ${e.message}`);
      // The refusal names the request and the field that is wrong.
      const field = valid.error.issues[0]!.path.map(String).join('.');
      check(e.problem.message.en.includes(field || '(root)'), `the refusal does not name the field ${field}: ${e.problem.message.en}`);
      await ServiceClient.connect(a.dir); // still answering
      return { refused: [e.problem], file: field || '(root)' };
    }
    check(valid.success, 'an invalid event was accepted');
    check(a.accepted.length === 1, `${a.accepted.length} events accepted for one request`);
    checkEvent(a.accepted[0]!);
    return {};
  },
  async close() {
    if (!local) return;
    await local.api.close();
    await rm(local.dir, { recursive: true, force: true });
    local = undefined;
  },
};
