import { spawn } from 'node:child_process';
import { serve } from '../../serve/server.js';
import { ensureRenderer } from '../../serve/build-renderer.js';
import { createHost } from '../../host-factory.js';
import { RENDERER_DIR } from '../../app-paths.js';
import { type CliContext } from '../context.js';

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

/** `serve`: runs until SIGINT / SIGTERM; prints the URL (with its token) on the first line. */
export async function serveCommand(ctx: CliContext, opts: { port?: string; open?: boolean }): Promise<number> {
  await ensureRenderer((l) => ctx.io.err(l));
  const host = await createHost(ctx, ctx.env);
  const port = opts.port === undefined ? 0 : Number(opts.port);
  const served = await serve(host, { port, rendererDir: RENDERER_DIR });
  ctx.io.out(served.url);
  if (opts.open) openBrowser(served.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await served.close();
  return 0;
}
