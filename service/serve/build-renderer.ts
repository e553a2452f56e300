/**
 * In a checkout, the renderer bundle is (re)built when missing or older than its sources, so `serve` never shows a stale
 * window. An installed package ships out/renderer and has no sources, so nothing is built there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { codedError } from '../../shared/node/coded-error.js';
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

/** A build error as one plain line for ER_1095: no colour codes, one line, and not the whole stack. */
export function buildFailureReason(e: unknown): string {
  const plain = stripVTControlCharacters(e instanceof Error ? e.message : String(e));
  const lines = plain
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at '));
  const one = lines.join(' / ');
  return one.length > 600 ? `${one.slice(0, 600)}…` : one;
}

/**
 * Builds the bundle when it is stale. vite.config.ts names its folders relative to itself, so this works from any
 * working folder; vite's own console output is silenced and a failure is one coded line (ER_1095), never vite's
 * coloured report.
 */
export async function ensureRenderer(log: (line: string) => void): Promise<void> {
  if (rendererIsStale()) await buildRenderer(log);
  // An installed package without out/renderer (or a build that wrote nothing) would serve 404 for every page.
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw codedError('ER_1096', { path: RENDERER_DIR });
}

async function buildRenderer(log: (line: string) => void): Promise<void> {
  log('Building the renderer (out/renderer)...');
  // Vite takes NODE_ENV from the environment when set (vitest sets it to "test"), which would ship React's development
  // build: the window is always built for production.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  // On a failed build vite also rejects an inner promise that it handles only later (the build itself rejects with the
  // same error); Node would end the process on it with a raw stack trace. While building, such a rejection is kept as
  // the reason instead (and the late "handled" warning is not printed).
  const stray: unknown[] = [];
  const onUnhandled = (e: unknown): void => {
    stray.push(e);
  };
  const onHandledLate = (): void => undefined;
  process.on('unhandledRejection', onUnhandled);
  process.on('rejectionHandled', onHandledLate);
  try {
    const { build } = await import('vite');
    await build({ configFile: join(PACKAGE_ROOT, 'vite.config.ts'), logLevel: 'silent', mode: 'production' });
  } catch (e) {
    throw codedError('ER_1095', { reason: buildFailureReason(e) }, {}, e);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    process.off('rejectionHandled', onHandledLate);
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  if (stray.length > 0) throw codedError('ER_1095', { reason: buildFailureReason(stray[0]) }, {}, stray[0]);
}
