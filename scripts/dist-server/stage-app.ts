/**
 * The application part of the server package's tree: /usr/lib/express-report/ (bin/, out/service, out/renderer,
 * resources/, a trimmed package.json, the production node_modules for linux-x64, the private Node.js runtime) and the
 * /usr/bin/express-report wrapper. docs/install.md, "What is installed where".
 */
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { build as viteBuild } from 'vite';
import { buildService } from '../build.js';

export const APP = 'usr/lib/express-report';
export const RUNTIME = `${APP}/runtime/node`;

interface PackageJson {
  name: string;
  version: string;
  description: string;
  license: string;
  type: string;
  bin: Record<string, string>;
  engines: { node: string };
  dependencies: Record<string, string>;
}

export async function readPackageJson(root: string): Promise<PackageJson> {
  return JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson;
}

/** The production packages (npm's own view: `npm ls --omit=dev`), as top-level folders of node_modules. */
function productionPackages(root: string): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const top = /^node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)$/;
  return [
    ...new Set(
      out
        .split('\n')
        .map((l) => relative(root, l.trim()).split(sep).join('/'))
        .filter((r) => top.test(r))
        // Types are for the compiler only.
        .filter((r) => !r.startsWith('node_modules/@types/') && r !== 'node_modules/csstype'),
    ),
  ].sort();
}

/** Prebuilt native binaries for other systems (serialport ships one per platform; Debian amd64 needs linux-x64 glibc). */
async function pruneForeignBinaries(modules: string): Promise<void> {
  const prebuilds = join(modules, '@serialport', 'bindings-cpp', 'prebuilds');
  for (const d of await readdir(prebuilds)) if (d !== 'linux-x64') await rm(join(prebuilds, d), { recursive: true });
  for (const f of await readdir(join(prebuilds, 'linux-x64'))) if (f.includes('musl')) await rm(join(prebuilds, 'linux-x64', f));
  for (const f of await readdir(modules, { recursive: true })) {
    const name = f.split(sep).pop();
    if (name === '.bin' || name === '.npmignore') await rm(join(modules, f), { recursive: true, force: true });
  }
}

/**
 * Modes as Debian expects them: folders 0755, files 0644. Nothing under node_modules is run directly (the runtime
 * loads it), so no executable bits there: lintian would otherwise ask for a `node` interpreter dependency.
 */
async function normalizeModes(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isSymbolicLink()) continue;
    await chmod(join(e.parentPath, e.name), e.isDirectory() ? 0o755 : 0o644);
  }
}

/** ELF files are stripped of debug symbols, as dh_strip does (the runtime shrinks by its debug info). */
function strip(file: string): void {
  execFileSync('strip', ['--remove-section=.comment', '--strip-unneeded', file]);
}

async function nativeModules(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.node')).map((f) => join(dir, f));
}

export async function stageApp(root: string, stage: string, version: string): Promise<{ elfFiles: string[] }> {
  const app = join(stage, APP);
  const pkg = await readPackageJson(root);
  await mkdir(join(app, 'bin'), { recursive: true });
  await mkdir(join(app, 'out', 'service'), { recursive: true });

  // The command and the service (esbuild, as `npm run build`), and the window `serve` shows (vite, into the stage).
  await buildService();
  // cli.mjs and its chunks/ (each command and route is a chunk loaded when used).
  await cp(join(root, 'out', 'service'), join(app, 'out', 'service'), { recursive: true });
  process.env.NODE_ENV = 'production'; // React's production build
  await viteBuild({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    mode: 'production',
    build: { outDir: join(app, 'out', 'renderer'), emptyOutDir: true },
  });
  // Always run by the private runtime (the wrapper, the unit): no shebang naming a `node` the package does not depend on.
  const command = (await readFile(join(root, 'bin', 'express-report.mjs'), 'utf8')).replace(/^#!.*\n/, '');
  await writeFile(join(app, 'bin', 'express-report.mjs'), command);
  await cp(join(root, 'resources'), join(app, 'resources'), { recursive: true, filter: (src) => !relative(join(root, 'resources'), src).startsWith('debian') });

  const shipped = {
    name: pkg.name,
    version,
    description: pkg.description,
    license: pkg.license,
    private: true,
    type: pkg.type,
    bin: pkg.bin,
    engines: pkg.engines,
    dependencies: pkg.dependencies,
  };
  await writeFile(join(app, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);

  for (const p of productionPackages(root)) await cp(join(root, p), join(app, p), { recursive: true, verbatimSymlinks: true });
  await pruneForeignBinaries(join(app, 'node_modules'));
  await normalizeModes(app);

  await mkdir(join(stage, APP, 'runtime'), { recursive: true });
  await copyFile(process.execPath, join(stage, RUNTIME));
  await chmod(join(stage, RUNTIME), 0o755);
  const elfFiles = [join(stage, RUNTIME), ...(await nativeModules(join(app, 'node_modules')))];
  for (const f of elfFiles) strip(f);

  await mkdir(join(stage, 'usr', 'bin'), { recursive: true });
  await copyFile(join(root, 'resources', 'debian', 'express-report.sh'), join(stage, 'usr', 'bin', 'express-report'));
  await chmod(join(stage, 'usr', 'bin', 'express-report'), 0o755);
  return { elfFiles };
}
