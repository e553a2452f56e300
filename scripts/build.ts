/** `npm run build`: the renderer (vite) and the Electron main process and preload (esbuild) into out/. */
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The command and the service, bundled: what a packaged install runs (a checkout runs the sources through tsx). Split
 * into chunks (out/service/cli.mjs and out/service/chunks/): a dynamic import() stays one, so the code of a command or a
 * route that is not used (mail, modem, S/MIME, zip, fleet, serve) and the packages it imports are never loaded
 * (docs/architecture.md, "Code loaded on demand").
 */
export async function buildService(outdir = 'out/service'): Promise<void> {
  // Built beside, then swapped in: no chunk of an older build is left (and shipped), and a command started meanwhile
  // finds a whole bundle (two builds of the same sources write the same chunk names).
  const target = join(root, outdir);
  const fresh = `${target}.new-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  await rm(fresh, { recursive: true, force: true });
  await esbuild({
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: { cli: 'service/cli/main.ts' },
    outdir: fresh,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    packages: 'external',
  });
  await asciiOnly(fresh);
  // Another build (a parallel test) may swap its own in between: then move that one aside too and try again.
  for (let attempt = 0; ; attempt++) {
    await rename(target, `${old}-${attempt}`).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    try {
      await rename(fresh, target);
      break;
    } catch (e) {
      if (attempt >= 5 || !['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
  }
  for (let attempt = 0; attempt <= 5; attempt++) await rm(`${old}-${attempt}`, { recursive: true, force: true });
}

/**
 * esbuild escapes non-ASCII in strings but keeps it in comments and regular expressions: one Japanese character makes V8
 * hold that whole chunk's source as a two-byte string for the process's life (issue 16, idle memory). Every UTF-16 unit
 * above 0x7F becomes \uXXXX, which means the same in a string, a regular expression, an identifier or a comment.
 */
async function asciiOnly(dir: string): Promise<void> {
  for (const name of await readdir(dir, { recursive: true })) {
    if (!name.endsWith('.mjs')) continue;
    const file = join(dir, name);
    const text = await readFile(file, 'utf8');
    if (/[^\x00-\x7f]/.test(text))
      await writeFile(
        file,
        text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      );
  }
}

export async function buildAll(): Promise<void> {
  process.env.NODE_ENV = 'production'; // React's production build, whatever the caller's environment says
  await viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: 'warn', mode: 'production' });
  const common = { bundle: true, platform: 'node' as const, target: 'node20', external: ['electron'], logLevel: 'warning' as const, absWorkingDir: root };
  // The preload runs sandboxed: one CommonJS file that requires only 'electron'.
  await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'out/electron/preload.cjs', format: 'cjs' });
  await buildService();
  // The keychain binding is native (a prebuilt .node per platform): loaded from node_modules, not bundled.
  await esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'out/electron/main.mjs',
    format: 'esm',
    external: ['electron', '@napi-rs/keyring'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildAll();
