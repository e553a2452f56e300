/** `npm run build`: the renderer (vite) and the Electron main process and preload (esbuild) into out/. */
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The command and the service, bundled: what a packaged install runs (a checkout runs the sources through tsx). */
export async function buildService(): Promise<void> {
  await esbuild({
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: ['service/cli/main.ts'],
    outfile: 'out/service/cli.mjs',
    format: 'esm',
    packages: 'external',
  });
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
