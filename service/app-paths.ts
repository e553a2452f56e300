/** Where the packaged files are, relative to this checkout (or the installed package). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESOURCES_DIR = join(PACKAGE_ROOT, 'resources');
export const RENDERER_DIR = join(PACKAGE_ROOT, 'out', 'renderer');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
