/**
 * In a checkout, the renderer bundle is (re)built when missing or older than its sources, so `serve` never shows a stale
 * window. An installed package ships out/renderer and has no sources, so nothing is built there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, RENDERER_DIR } from '../app-paths.js';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

export function rendererIsStale(): boolean {
  const index = join(RENDERER_DIR, 'index.html');
  const sources = [join(PACKAGE_ROOT, 'renderer'), join(PACKAGE_ROOT, 'shared')].filter(existsSync);
  if (sources.length === 0) return false;
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((d) => newest(d) > built);
}

export async function ensureRenderer(log: (line: string) => void): Promise<void> {
  if (!rendererIsStale()) return;
  log('Building the renderer (out/renderer)...');
  const { build } = await import('vite');
  // Vite takes NODE_ENV from the environment when set (vitest sets it to "test"), which would ship React's development
  // build: the window is always built for production.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(PACKAGE_ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}
