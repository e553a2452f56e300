/**
 * Issue 3: time from page load to the setup wizard being interactive in Debian chromium (serve), against loading an empty
 * page from the same server in the same run; and the renderer bundle's gzip size.
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

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  await ensureRenderer(() => undefined);
  const assets = join(RENDERER_DIR, 'assets');
  let raw = 0;
  let gz = 0;
  for (const f of await readdir(assets)) {
    const b = await readFile(join(assets, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  console.log(`ui-load renderer bundle (JS + CSS): ${(raw / 1024).toFixed(1)} KiB, gzip ${(gz / 1024).toFixed(1)} KiB`);

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
    console.log(`ui-load blank page from the same server: median ${median(blank).toFixed(1)} ms`);
    console.log(
      `ui-load page load -> window ready (host answered): median ${median(ready).toFixed(1)} ms (${(median(ready) / median(blank)).toFixed(1)}x blank)`,
    );
    console.log(`ui-load page load -> wizard interactive (menu clicks included): median ${median(wizard).toFixed(1)} ms (${RUNS} runs)`);
  } finally {
    await browser.close();
    await served.close();
    await rm(join(RENDERER_DIR, 'blank.html'), { force: true });
    await rm(base, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
