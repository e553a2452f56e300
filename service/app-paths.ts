/**
 * Where the packaged files are: the folder holding this package's package.json, found by walking up from this file,
 * so the same code works from the sources (service/) and from the bundled command (out/service/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'express-report') return dir;
    if (dirname(dir) === dir) throw new Error(`express-report's package.json not found above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
export const RESOURCES_DIR = join(PACKAGE_ROOT, 'resources');
export const RENDERER_DIR = join(PACKAGE_ROOT, 'out', 'renderer');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
