// @vitest-environment jsdom
/**
 * Issue 16: the page a session GET gets carries the window's first answer (the windowLoad HostReply) in a non-executed
 * JSON element; a GET without the session gets none. renderer/first-answer.ts uses it once in place of the call.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstAnswerElement, serve, type Served } from '../../service/serve/server.js';
import { createHost } from '../../service/host-factory.js';
import { FIRST_ANSWER_ID } from '../../shared/host/first-answer.js';
import { withFirstAnswer } from '../../renderer/first-answer.js';
import { resultOf } from '../../shared/host/errors.js';
import { type HostBridge } from '../../shared/host/bridge.js';
import { type WindowLoad } from '../../shared/host/api.js';

let base: string;
let served: Served;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-first-answer-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>w</title></head><body><div id="root"></div></body></html>');
  const host = await createHost({ configDir: join(base, 'config'), stateDir: join(base, 'state') });
  served = await serve(host, { rendererDir });
});
afterAll(async () => {
  await served.close();
  await rm(base, { recursive: true, force: true });
});

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const page = async (url: string) => parse(await (await fetch(url)).text());

describe('serve: the first answer in the page', () => {
  it('a GET with the session token carries the windowLoad reply, used once instead of the call', async () => {
    const doc = await page(served.url);
    expect(doc.getElementById(FIRST_ANSWER_ID)?.getAttribute('type')).toBe('application/json');
    const calls: string[] = [];
    const bridge: HostBridge = { invoke: (m) => (calls.push(m), Promise.resolve({ ok: true, result: 'asked' })) };
    const b = withFirstAnswer(bridge, doc);
    expect(doc.getElementById(FIRST_ANSWER_ID)).toBeNull(); // read once, then gone from the page
    const first = resultOf('windowLoad', await b.invoke('windowLoad', null)) as WindowLoad;
    expect(first.snapshot).toBeDefined();
    expect(Array.isArray(first.events)).toBe(true);
    expect(calls).toEqual([]);
    expect(await b.invoke('windowLoad', null)).toEqual({ ok: true, result: 'asked' }); // a later refresh asks the host
    expect(calls).toEqual(['windowLoad']);
  });

  it('the element cannot be ended by the JSON: every < is escaped', () => {
    const reply = { ok: true, result: { text: '</script><script>alert(1)</script><!--' } };
    const doc = parse(`<!doctype html><body>${firstAnswerElement(reply)}<p id="after"></p></body>`);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(JSON.parse(doc.getElementById(FIRST_ANSWER_ID)!.textContent!)).toEqual(reply);
    expect(doc.getElementById('after')).not.toBeNull();
  });

  it('a GET without the session (a reload, a stranger) gets the page alone', async () => {
    const doc = await page(`http://127.0.0.1:${served.port}/`);
    expect(doc.getElementById('root')).not.toBeNull();
    expect(doc.getElementById(FIRST_ANSWER_ID)).toBeNull();
    const wrong = await page(`http://127.0.0.1:${served.port}/?token=wrong`);
    expect(wrong.getElementById(FIRST_ANSWER_ID)).toBeNull();
  });

  it('a one-time link gets the session and the first answer', async () => {
    const doc = await page(served.oneTimeUrl());
    expect(doc.querySelector('meta[name="express-report-session"]')).not.toBeNull();
    expect(doc.getElementById(FIRST_ANSWER_ID)).not.toBeNull();
  });
});
