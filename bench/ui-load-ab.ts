/**
 * Issue 16: two renderer builds side by side in one process, interleaved (A, B, A, B, ... each in a fresh context), so
 * the machine's load falls on both alike: page load → window ready and → setup wizard interactive, and an empty page
 * from the same server as the baseline. A is a folder holding another build (e.g. an older commit's out/renderer,
 * served without the first answer in the page, as it was); B is this checkout's out/renderer.
 *   npx tsx bench/ui-load-ab.ts <A's out/renderer> [rounds]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureRenderer } from '../service/serve/build-renderer.js';
import { serve, type Served } from '../service/serve/server.js';
import { createHost } from '../service/host-factory.js';
import { RENDERER_DIR } from '../service/app-paths.js';
import { traceLoad, type LoadTrace } from './ui-load-trace.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(browser: Browser, served: Served): Promise<{ blank: number; ready: number; wizard: number }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  let t0 = performance.now();
  await page.goto(`http://127.0.0.1:${served.port}/blank.html`, { waitUntil: 'load' });
  const blank = performance.now() - t0;
  t0 = performance.now();
  await page.goto(served.url);
  await page.locator('.window[data-ready="true"]').waitFor();
  const ready = performance.now() - t0;
  await page.getByRole('menuitem', { name: /ツール/ }).click();
  await page.getByRole('menuitem', { name: /エクスプレス通報サービス/ }).click();
  await page.getByRole('dialog').getByRole('radio').first().waitFor({ state: 'visible' });
  const wizard = performance.now() - t0;
  await ctx.close();
  return { blank, ready, wizard };
}

export async function run(oldDir: string, rounds = 7): Promise<void> {
  await ensureRenderer(() => undefined);
  const base = await mkdtemp(join(tmpdir(), 'er-bench-ab-'));
  const blankPage = '<!doctype html><title>blank</title><p>blank</p>';
  await writeFile(join(RENDERER_DIR, 'blank.html'), blankPage);
  await writeFile(join(oldDir, 'blank.html'), blankPage);
  const host = await createHost({ configDir: join(base, 'config'), stateDir: join(base, 'state') });
  const a = await serve(host, { rendererDir: oldDir, firstAnswer: false });
  const b = await serve(host, { rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const got = { a: [] as Awaited<ReturnType<typeof once>>[], b: [] as Awaited<ReturnType<typeof once>>[] };
  const traces: [string, LoadTrace][] = [];
  try {
    await once(browser, a); // warm-up (disk cache of the files, the host's first read), not counted
    await once(browser, b);
    for (let i = 0; i < rounds; i++) {
      got.a.push(await once(browser, a));
      got.b.push(await once(browser, b));
    }
    for (const [name, s] of [
      ['A', a],
      ['B', b],
    ] as const) {
      const ctx = await browser.newContext();
      traces.push([name, await traceLoad(browser, await ctx.newPage(), s.url)]);
      await ctx.close();
    }
  } finally {
    await browser.close();
    await a.close();
    await b.close();
    await rm(join(RENDERER_DIR, 'blank.html'), { force: true });
    await rm(join(oldDir, 'blank.html'), { force: true });
    await rm(base, { recursive: true, force: true });
  }
  const blank = median([...got.a, ...got.b].map((r) => r.blank));
  console.log(`ui-load A/B (${rounds} rounds interleaved): empty page, all loads pooled: median ${blank.toFixed(1)} ms`);
  for (const k of ['ready', 'wizard'] as const) {
    const ma = median(got.a.map((r) => r[k]));
    const mb = median(got.b.map((r) => r[k]));
    console.log(
      `ui-load A/B ${k}: A ${ma.toFixed(1)} ms (${(ma / blank).toFixed(1)}x empty page), B ${mb.toFixed(1)} ms (${(mb / blank).toFixed(1)}x), B/A ${(mb / ma).toFixed(2)}`,
    );
  }
  for (const [name, t] of traces) {
    console.log(
      `ui-load A/B traced ${name} (ms from navigation start): bundle received ${t.bundleArrivedMs.toFixed(1)}; compile + evaluation ${t.scriptMs.toFixed(1)}; ` +
        `host requests ${t.hostRequests} (${t.hostMethods.join(', ')}), longest ${t.hostRequestMs.toFixed(1)}; render after the answer ${t.renderAfterAnswerMs.toFixed(1)}; ready ${t.readyMs.toFixed(1)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv[2] ?? '', Number(process.argv[3] ?? 7));
