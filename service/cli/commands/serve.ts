import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { serve } from '../../serve/server.js';
import { ONE_TIME_SECONDS } from '../../serve/one-time.js';
import { ensureRenderer } from '../../serve/build-renderer.js';
import { createHost } from '../../host-factory.js';
import { RENDERER_DIR, RESOURCES_DIR } from '../../app-paths.js';
import { viewOf } from '../../../shared/node/host/transfer-ops.js';
import { loadResources } from '../../../shared/node/host/resources.js';
import { problem } from '../../../shared/messages/problem.js';
import { reasonOf } from '../../../shared/node/coded-error.js';
import { printProblems } from '../io.js';
import { type CliContext } from '../context.js';
import { serviceForServe } from './serve-service.js';
import { stopChildService } from '../../../shared/node/service-child.js';

/**
 * The browser's command: $BROWSER when set (as xdg-open and Python's webbrowser read it: a command, words split at
 * spaces, `%s` replaced by the URL, else the URL appended), otherwise the platform's opener.
 */
export function browserCommand(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): [string, string[]] {
  const words = (env.BROWSER ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length > 0) {
    const args = words.slice(1);
    return [words[0]!, args.some((a) => a.includes('%s')) ? args.map((a) => a.replaceAll('%s', url)) : [...args, url]];
  }
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', url]];
  return platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
}

/** Starts the browser on a one-time URL; a browser that cannot start or fails is a warning (ER_6041), never a crash. */
function openBrowser(ctx: CliContext, url: string): void {
  const [cmd, args] = browserCommand(url, ctx.env);
  const warn = (reason: string) => printProblems(ctx.io, [problem('ER_6041', { command: cmd, reason })]);
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', (e) => warn(reasonOf(e)));
  child.on('exit', (code) => {
    if (code !== null && code !== 0) warn(`exit status ${code}`);
  });
  child.unref();
}

/**
 * `serve`: runs until SIGINT / SIGTERM; prints the session URL (with its token) on the first line, for this terminal
 * only. `--open` hands the browser a one-time URL instead (a browser's arguments are visible to every local user).
 * `--view FILE` serves a read-only host over that export (shared/node/host/view-host.ts) instead of the machine's.
 * It uses the service running for its folders, else starts one as its child in a portable run (`--no-service`: never).
 */
export async function serveCommand(ctx: CliContext, opts: { port?: string; open?: boolean; view?: string; service?: boolean }): Promise<number> {
  await ensureRenderer((l) => ctx.io.err(l));
  // --view: the export read-only, in memory; no config or state folder is opened or made.
  const host = opts.view === undefined ? await createHost(ctx, ctx.env) : await viewOf({ path: resolve(opts.view) }, () => loadResources(RESOURCES_DIR));
  const port = opts.port === undefined ? 0 : Number(opts.port);
  const served = await serve(host, { port, rendererDir: RENDERER_DIR, onProblem: (p) => printProblems(ctx.io, [p]) });
  ctx.io.out(served.url);
  if (opts.open) {
    printProblems(ctx.io, [problem('ER_6040', { seconds: ONE_TIME_SECONDS })]);
    openBrowser(ctx, served.oneTimeUrl());
  }
  // The service the window uses (serve-service.ts): none behind an export; `--no-service` starts none.
  const child = opts.view === undefined ? await serviceForServe(ctx, opts.service !== false) : undefined;
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await served.close();
  if (child) await stopChildService(child);
  return 0;
}
