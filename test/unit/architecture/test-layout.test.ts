import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * test/unit mirrors the source folders: a test of service/routes/mail/body.ts is test/unit/service/routes/mail/. So
 * every folder of test/unit that holds a file names a source folder with files of its own.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const UNIT = join(ROOT, 'test', 'unit');

/** Folders that test the project as a whole, not one source folder. */
const WHOLE = ['architecture', 'docs'];

const isSource = (name: string) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');

function foldersWithFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const here = entries.some((e) => e.isFile()) ? [relative(UNIT, dir).split(sep).join('/')] : [];
  return [...here, ...entries.filter((e) => e.isDirectory()).flatMap((e) => foldersWithFiles(join(dir, e.name)))];
}

function holdsSource(folder: string): boolean {
  try {
    return readdirSync(join(ROOT, folder), { withFileTypes: true }).some((e) => e.isFile() && isSource(e.name));
  } catch {
    return false;
  }
}

/** The folder a test's name starts with: delivery for delivery-loop.test.ts, spool for spool.test.ts. */
const namedFolder = (file: string) => file.slice(file.lastIndexOf('/') + 1).split(/[-.]/)[0]!;

describe('test/unit mirrors the source folders', () => {
  it('each folder of test/unit with files names a source folder (service/, shared/, renderer/, electron/ ...)', () => {
    const astray = foldersWithFiles(UNIT)
      .filter((f) => f !== '' && !WHOLE.includes(f.split('/')[0]!))
      .filter((f) => !holdsSource(f));
    expect(astray, 'move these tests to test/unit/<the folder of the code they test>').toEqual([]);
  });

  it('a test named after a source folder (delivery-loop.test.ts, spool.test.ts) is in that folder', () => {
    const astray = foldersWithFiles(UNIT)
      .filter((f) => f !== '' && !WHOLE.includes(f.split('/')[0]!))
      .flatMap((f) =>
        readdirSync(join(UNIT, f))
          .filter((name) => /\.test\.tsx?$/.test(name))
          .map((name) => `${f}/${name}`),
      )
      .filter((file) => {
        const [folder, word] = [file.slice(0, file.lastIndexOf('/')), namedFolder(file)];
        const fileOfThatName = ['.ts', '.tsx'].some((ext) => existsSync(join(ROOT, folder, word + ext))); // catalogue.ts beside catalogue/
        return holdsSource(`${folder}/${word}`) && !fileOfThatName;
      });
    expect(astray, 'move these tests to the folder they are named after').toEqual([]);
  });

  it('bites: a folder that names no source folder is found', () => {
    expect(holdsSource('service/routes/mail')).toBe(true);
    expect(holdsSource('mail')).toBe(false);
    expect(holdsSource('service')).toBe(true);
    expect(namedFolder('service/delivery-loop.test.ts')).toBe('delivery');
    expect(holdsSource(`service/${namedFolder('service/spool.test.ts')}`)).toBe(true);
  });
});
