/**
 * OS events reach the running service: an entry in the systemd journal (journalctl -f -o json; here a stand-in
 * script that prints what journalctl prints) and a line appended to a syslog file each become a report at a real HTTPS
 * receiver; a line nobody monitors does not. The real `service` process with its real sources.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestPki } from '../helpers/peers/test-ca.js';
import { startReceiver, type Receiver } from '../helpers/peers/https-receiver.js';
import { activatedMachine, startService, until, type ServiceProcess } from '../helpers/service-process.js';

const FAKE_JOURNALCTL = fileURLToPath(new URL('../fixtures/sources/fake-journalctl.mjs', import.meta.url));

let base: string;
let receiver: Receiver;
let service: ServiceProcess | undefined;
const events = () => receiver.received.map((r) => (r.report as { event?: { source: string; id: number; message: string } }).event);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'er-svc-os-'));
  const pki = makeTestPki();
  receiver = await startReceiver(pki.server);
  await writeFile(join(base, 'ca.pem'), pki.ca.certPem);
  const m = await activatedMachine(base, { url: receiver.url, caFile: join(base, 'ca.pem'), settings: ['suppression.use', 'off'], state: 'active' });

  // The journal stand-in prints one monitored entry and one that is not, then follows (waits) like journalctl -f.
  const journal = join(base, 'journal');
  await mkdir(journal);
  await writeFile(
    join(journal, 'lines-1.jsonl'),
    [
      {
        __CURSOR: 's=1;i=1',
        __REALTIME_TIMESTAMP: `${Date.now()}000`,
        PRIORITY: '3',
        SYSLOG_IDENTIFIER: 'atapi',
        MESSAGE: 'EventID=0xC0040006 The device did not respond',
      },
      { __CURSOR: 's=1;i=2', __REALTIME_TIMESTAMP: `${Date.now()}000`, PRIORITY: '6', SYSLOG_IDENTIFIER: 'cron', MESSAGE: 'session opened' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n') + '\n',
  );
  await writeFile(join(base, 'syslog'), 'Nov 25 14:00:00 host kernel: old line, before the service started [0xC0040007]\n');
  service = await startService(m, ['--journalctl', FAKE_JOURNALCTL, '--syslog-file', join(base, 'syslog')], { FAKE_JOURNAL_DIR: journal });
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await rm(base, { recursive: true, force: true });
});

describe('OS event sources in the running service', () => {
  it('a monitored journal entry becomes a report; an unmonitored one does not', async () => {
    await until(
      () => events().some((e) => e?.source === 'atapi' && e.id === 0xc0040006),
      15_000,
      'the journal report',
      () => service!.log(),
    );
    expect(events().some((e) => e?.source === 'cron')).toBe(false);
  });

  it('a line appended to the syslog file becomes a report; lines from before the start do not', async () => {
    await appendFile(
      join(base, 'syslog'),
      'Nov 25 14:05:01 host disk: bad block on /dev/sda [0xC0040007]\nNov 25 14:05:02 host sshd[42]: Accepted publickey\n',
    );
    await until(
      () => events().some((e) => e?.source === 'disk' && e.id === 0xc0040007),
      15_000,
      'the syslog report',
      () => service!.log(),
    );
    const disk = events().filter((e) => e?.source === 'disk');
    expect(disk).toHaveLength(1);
    expect(disk[0]!.message).toContain('bad block');
    expect(events().some((e) => e?.source === 'kernel' || e?.source === 'sshd')).toBe(false);
  });
});
