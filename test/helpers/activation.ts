/**
 * A machine made ready as an operator does it on the command line: `activate` by key code (the two identities the
 * tests use), and AMHTPADR.INF's destinations pointed at test receivers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const IDENTITY = {
  /** The field engineer's example of the manual. */
  SERVER001: ['SERVER001', 'N8100-2810', '00000001', '99999999', 'reply@example.jp'],
  /** The shortest valid one. */
  S1: ['S1', 'N8100-2810', '1', '1', 'r@example.jp'],
} as const;

export interface Identity {
  serverName: string;
  deviceCode: string;
  serial: string;
}

/**
 * `activate --key-code 01239 ...` for the HTTPS service as `who` (or with `identity` instead of its server name, device
 * code and serial), then `more` options of activate.
 */
export function activateArgs(who: keyof typeof IDENTITY, more: readonly string[] = [], identity?: Identity): string[] {
  const [name, device, number, warranty, replyMail] = IDENTITY[who];
  const { serverName, deviceCode, serial } = identity ?? { serverName: name, deviceCode: device, serial: number };
  return [
    'activate',
    '--key-code',
    '01239',
    '--server-name',
    serverName,
    '--device-code',
    deviceCode,
    '--serial',
    serial,
    '--warranty',
    warranty,
    '--reply-mail',
    replyMail,
    ...more,
  ];
}

/** AMHTPADR.INF's URL1 (as activation wrote it) becomes `url1`; `url2`, when given, is added as [URL2]. */
export async function pointDestinations(configDir: string, url1: string, url2?: string): Promise<void> {
  const adr = join(configDir, 'WebReprt', 'AMHTPADR.INF');
  const text = (await readFile(adr, 'utf8')).replace(/^URL= .*$/m, `URL= ${url1}`);
  await writeFile(adr, url2 === undefined ? text : `${text}[URL2]\nURL= ${url2}\n`);
}
