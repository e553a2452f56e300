/**
 * Issue 16 (first issue 3): page load → window ready and → setup wizard interactive in Debian chromium (serve), against
 * loading an empty page from the same server in the same run; the renderer bundle's size and gzip size per chunk; and
 * where one traced load's time went (bench/ui-load-trace.ts).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureRenderer } from '../service/serve/build-renderer.js';
import { serve } from '../service/serve/server.js';
import { createHost } from '../service/host-factory.js';
import { RENDERER_DIR } from '../service/app-paths.js';
import { traceLoad } from './ui-load-trace.js';
import type { BenchFigure, BenchResult } from './lib.js';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (n: number) => n / 1024;

interface Chunk {
  file: string;
  /** Named by index.html (fetched before the first render), or loaded later. */
  first: boolean;
  raw: number;
  gzip: number;
}

async function chunks(): Promise<Chunk[]> {
  const assets = join(RENDERER_DIR, 'assets');
  const html = await readFile(join(RENDERER_DIR, 'index.html'), 'utf8');
  const out: Chunk[] = [];
  for (const f of (await readdir(assets)).sort()) {
    const b = await readFile(join(assets, f));
    out.push({ file: f, first: html.includes(`assets/${f}`), raw: b.length, gzip: gzipSync(b, { level: 9 }).length });
  }
  return out;
}

export async function run(): Promise<BenchResult> {
  await ensureRenderer(() => undefined);
  const figures: BenchFigure[] = [];
  const list = await chunks();
  for (const c of list) {
    console.log(`ui-load chunk ${c.file} (${c.first ? 'first load' : 'after ready'}): ${kib(c.raw).toFixed(1)} KiB, gzip ${kib(c.gzip).toFixed(1)} KiB`);
    figures.push({
      name: `chunk ${c.file.replace(/-[\w-]{8}\./, '.')} gzip (${c.first ? 'first load' : 'after ready'})`,
      value: round(kib(c.gzip)),
      unit: 'KiB',
    });
  }
  const sum = (f: (c: Chunk) => boolean, k: 'raw' | 'gzip') => list.filter(f).reduce((s, c) => s + c[k], 0);
  console.log(
    `ui-load renderer bundle (JS + CSS): ${kib(sum(() => true, 'raw')).toFixed(1)} KiB, gzip ${kib(sum(() => true, 'gzip')).toFixed(1)} KiB; ` +
      `before the first render: ${kib(sum((c) => c.first, 'raw')).toFixed(1)} KiB, gzip ${kib(sum((c) => c.first, 'gzip')).toFixed(1)} KiB`,
  );
  figures.push({ name: 'bundle before the first render, gzip', value: round(kib(sum((c) => c.first, 'gzip'))), unit: 'KiB' });

  const base = await mkdtemp(join(tmpdir(), 'er-bench-ui-'));
  await writeFile(join(RENDERER_DIR, 'blank.html'), '<!doctype html><title>blank</title><p>blank</p>');
  const host = await createHost({ configDir: join(base, 'config'), stateDir: join(base, 'state') });
  const served = await serve(host, { rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const blank: number[] = [];
    const ready: number[] = [];
    const wizard: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      let t0 = performance.now();
      await page.goto(`http://127.0.0.1:${served.port}/blank.html`, { waitUntil: 'load' });
      blank.push(performance.now() - t0);
      t0 = performance.now();
      await page.goto(served.url);
      await page.locator('.window[data-ready="true"]').waitFor();
      ready.push(performance.now() - t0);
      await page.getByRole('menuitem', { name: /ツール/ }).click();
      await page.getByRole('menuitem', { name: /エクスプレス通報サービス/ }).click();
      await page.getByRole('dialog').getByRole('radio').first().waitFor({ state: 'visible' });
      wizard.push(performance.now() - t0);
      await ctx.close();
    }
    const b = median(blank);
    const r = median(ready);
    const w = median(wizard);
    console.log(`ui-load blank page from the same server: median ${b.toFixed(1)} ms`);
    console.log(`ui-load page load -> window ready (host answered): median ${r.toFixed(1)} ms (${(r / b).toFixed(1)}x blank)`);
    console.log(`ui-load page load -> wizard interactive (menu clicks included): median ${w.toFixed(1)} ms (${(w / b).toFixed(1)}x blank, ${RUNS} runs)`);
    figures.push({ name: 'blank page from the same server', value: round(b), unit: 'ms' });
    figures.push({ name: 'page load → window ready', value: round(r), unit: 'ms', baseline: round(b), ratio: round(r / b), goal: 'ratio ≤ 2' });
    figures.push({ name: 'page load → setup wizard interactive', value: round(w), unit: 'ms', baseline: round(b), ratio: round(w / b), goal: 'ratio ≤ 3' });

    const ctx = await browser.newContext();
    const t = await traceLoad(browser, await ctx.newPage(), served.url);
    await ctx.close();
    console.log(
      `ui-load one traced load (tracing slows it), ms from navigation start: bundle received ${t.bundleArrivedMs.toFixed(1)}; ` +
        `script compile + evaluation ${t.scriptMs.toFixed(1)}; ` +
        (t.hostRequests === 0
          ? 'no host request in the first load (its answer came in the page)'
          : `${t.hostRequests} host request(s) in the first load (${t.hostMethods.join(', ')}), the first at ${t.firstRequestAtMs.toFixed(1)}, longest ${t.hostRequestMs.toFixed(1)}`) +
        `; render after the answer ${t.renderAfterAnswerMs.toFixed(1)}; ready ${t.readyMs.toFixed(1)}`,
    );
    figures.push({ name: 'traced load: script compile + evaluation', value: round(t.scriptMs), unit: 'ms' });
    figures.push({ name: 'traced load: host requests of the first load', value: t.hostRequests, unit: 'requests', goal: '≤ 1' });
    figures.push({ name: 'traced load: host request (longest)', value: round(t.hostRequestMs), unit: 'ms' });
    figures.push({ name: 'traced load: render after the answer', value: round(t.renderAfterAnswerMs), unit: 'ms' });
  } finally {
    await browser.close();
    await served.close();
    await rm(join(RENDERER_DIR, 'blank.html'), { force: true });
    await rm(base, { recursive: true, force: true });
  }
  return { figures };
}

const round = (n: number) => Math.round(n * 10) / 10;

if (import.meta.url === `file://${process.argv[1]}`) await run();
