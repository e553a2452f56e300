/**
 * The peers of a customer's HTTPS walk, for the tests of one file: a center (HTTPS receiver with a fresh test CA) and
 * a tinyproxy with Basic auth in front of the internet, started before them and stopped after; and the files the
 * customer has on a disk (the maintenance company's AMHTPADR.INF, the center's CA).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { makeTestPki, type TestPki } from './peers/test-ca.js';
import { startReceiver, type Receiver } from './peers/https-receiver.js';
import { startTinyproxy, type Tinyproxy } from './peers/tinyproxy.js';
import { readThrough } from './read-through.js';

export interface CenterBehindProxy {
  pki: TestPki;
  center: Receiver;
  proxy: Tinyproxy;
}

export function centerBehindProxy(): CenterBehindProxy {
  let pki: TestPki | undefined;
  let center: Receiver | undefined;
  let proxy: Tinyproxy | undefined;
  beforeAll(async () => {
    pki = makeTestPki();
    center = await startReceiver(pki.server);
    proxy = await startTinyproxy();
  }, 120_000);
  afterAll(async () => {
    await proxy?.stop();
    await center?.close();
  });
  return { pki: readThrough(() => pki, 'test CA'), center: readThrough(() => center, 'center'), proxy: readThrough(() => proxy, 'proxy') };
}

/** In `dir`: AMHTPADR.INF naming `center` as URL1 (CRLF, as the company ships it) and the center's CA, center-ca.pem. */
export async function customerDisk(dir: string, peers: Pick<CenterBehindProxy, 'pki' | 'center'>): Promise<{ adrFile: string; caFile: string }> {
  const adrFile = join(dir, 'AMHTPADR.INF');
  await writeFile(adrFile, `[URL1]\r\nURL= ${peers.center.url}\r\n`);
  const caFile = join(dir, 'center-ca.pem');
  await writeFile(caFile, peers.pki.ca.certPem);
  return { adrFile, caFile };
}
