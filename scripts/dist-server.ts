/**
 * `npm run dist:server [-- --version X]`: the Debian package of the headless product, dist/express-report_<v>_amd64.deb,
 * built with dpkg-deb from a staged tree (docs/install.md). The version is package.json's unless `--version X` or
 * EXPRESS_REPORT_DEB_VERSION says otherwise (the upgrade test builds a higher one).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codedError, CodedError } from '../shared/node/coded-error.js';
import { message } from '../shared/messages/problem.js';
import { readPackageJson, stageApp } from './dist-server/stage-app.js';
import { satisfiesEngines } from './dist-server/engines.js';
import { shlibDepends, stageConfig, stageDebian } from './dist-server/debian-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BuiltPackage {
  path: string;
  version: string;
  bytes: number;
  seconds: number;
}

async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CodedError) throw e;
    throw codedError('ER_8011', { step: name, reason: e instanceof Error ? e.message : String(e) }, {}, e);
  }
}

/**
 * dpkg-deb's compression: xz (the default: the smallest, ~50 s here) or gzip (~11 s, the tests). Not zstd: Debian 12's
 * lintian refuses it (malformed-deb-archive).
 */
export type Compression = 'xz' | 'gzip';

export async function buildServerPackage(o: { version?: string; outDir?: string; compression?: Compression } = {}): Promise<BuiltPackage> {
  const started = performance.now();
  const pkg = await readPackageJson(root);
  const version = o.version ?? pkg.version;
  if (!/^[0-9][A-Za-z0-9.+~-]*$/.test(version)) throw codedError('ER_8011', { step: 'version', reason: `not a Debian version: ${version}` });
  if (!satisfiesEngines(process.version, pkg.engines.node)) throw codedError('ER_8010', { version: process.version, range: pkg.engines.node });
  const outDir = o.outDir ?? join(root, 'dist');
  const stage = join(outDir, `server-stage-${version}`);
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });

  const { elfFiles } = await step('app', () => stageApp(root, stage, version));
  const depends = await step('dpkg-shlibdeps', () => shlibDepends(elfFiles));
  const conffiles = await step('init', () => stageConfig(stage));
  const now = new Date();
  const date = execFileSync('date', ['-R', '-u', '-d', now.toISOString()], { encoding: 'utf8' }).trim();
  await step('debian', () =>
    stageDebian(root, stage, { version, depends, conffiles, nodeVersion: process.version, date, manDate: now.toISOString().slice(0, 10) }),
  );

  const path = join(outDir, `express-report_${version}_amd64.deb`);
  await step('dpkg-deb', () =>
    execFileSync('dpkg-deb', [`-Z${o.compression ?? 'xz'}`, '--root-owner-group', '--build', stage, path], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  await rm(stage, { recursive: true, force: true });
  const bytes = (await stat(path)).size;
  return { path, version, bytes, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { version: { type: 'string' }, out: { type: 'string' }, compression: { type: 'string' } } });
  const compression = values.compression ?? process.env.EXPRESS_REPORT_DEB_COMPRESSION;
  try {
    const built = await buildServerPackage({
      ...((values.version ?? process.env.EXPRESS_REPORT_DEB_VERSION) ? { version: values.version ?? process.env.EXPRESS_REPORT_DEB_VERSION! } : {}),
      ...(values.out ? { outDir: values.out } : {}),
      ...(compression ? { compression: compression as Compression } : {}),
    });
    const size = `${(built.bytes / 1024 / 1024).toFixed(1)} MiB`;
    console.log(message('ER_8012', { path: built.path, size, seconds: built.seconds.toFixed(1) }).en);
  } catch (e) {
    console.error(e instanceof CodedError ? `${e.problem.code} ${e.message}` : e);
    process.exitCode = 1;
  }
}
