import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformSources } from '../../service/sources/platform.js';
import { JournalSource } from '../../service/sources/journal.js';
import { SyslogFileSource } from '../../service/sources/syslog-file.js';
import { tempDirs } from '../helpers/tmp.js';

const fake = fileURLToPath(new URL('../fixtures/sources/fake-journalctl.mjs', import.meta.url));
const tmp = tempDirs();
const describeSources = (list: unknown[]) =>
  list.map((s) => (s instanceof SyslogFileSource ? `file ${s.path}` : s instanceof JournalSource ? 'journal' : 'other'));

describe('which event sources run on this platform', () => {
  it('Linux with a readable journal: the journal only (the syslog files would repeat it)', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'syslog'), '');
    const list = await platformSources({
      platform: 'linux',
      journalctl: fake,
      env: { FAKE_JOURNAL_DIR: dir },
      fallbackFiles: [join(dir, 'syslog')],
      onProblem: () => undefined,
    });
    expect(describeSources(list)).toEqual(['journal']);
  });

  it('Linux without a journal: the first syslog file that exists', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'probe'), 'fail');
    await writeFile(join(dir, 'messages'), '');
    const list = await platformSources({
      platform: 'linux',
      journalctl: fake,
      env: { FAKE_JOURNAL_DIR: dir },
      fallbackFiles: [join(dir, 'syslog'), join(dir, 'messages')],
      onProblem: () => undefined,
    });
    expect(describeSources(list)).toEqual(['journal', `file ${join(dir, 'messages')}`]);
  });

  it('named syslog files are followed as well; Windows and macOS have none yet', async () => {
    const dir = await tmp();
    const list = await platformSources({
      platform: 'linux',
      journalctl: fake,
      env: { FAKE_JOURNAL_DIR: dir },
      syslogFiles: ['/x/app.log'],
      onProblem: () => undefined,
    });
    expect(describeSources(list)).toEqual(['journal', 'file /x/app.log']);
    expect(await platformSources({ platform: 'win32', onProblem: () => undefined })).toEqual([]);
    expect(await platformSources({ platform: 'darwin', onProblem: () => undefined })).toEqual([]);
  });
});
