/** A stored frame read back in parts (service/relay/frame-file.ts): the header, and the payload as a stream. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../../service/routes/frame/codec.js';
import { headerOf, layoutOf, payloadOf, receivedFrame } from '../../../../service/relay/frame-file.js';
import { tempDirs } from '../../../helpers/tmp.js';

const tmp = tempDirs();
const ID = '6f1c1a52-8d4e-4e0a-9a57-1d1b1f1e1a11';

async function stored(header: Buffer, payload: Buffer): Promise<string> {
  const file = receivedFrame(await tmp(), ID);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, encodeFrame({ type: 'report', id: ID, header, payload }));
  return file;
}

async function read(make: () => NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of make()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('a stored frame', () => {
  it('gives its header and streams its payload, afresh on every call', async () => {
    const payload = Buffer.alloc(300_000, 7);
    payload[0] = 1;
    payload[payload.length - 1] = 2;
    const file = await stored(Buffer.from('{"id":"x"}'), payload);
    expect((await headerOf(file)).toString()).toBe('{"id":"x"}');
    expect(await layoutOf(file)).toMatchObject({ id: ID, payload: { length: payload.length } });
    const make = payloadOf(file);
    expect((await read(make)).equals(payload)).toBe(true);
    expect((await read(make)).equals(payload)).toBe(true);
  });

  it('streams nothing for an empty payload', async () => {
    const file = await stored(Buffer.from('{}'), Buffer.alloc(0));
    expect(await read(payloadOf(file))).toHaveLength(0);
  });

  it('fails the stream, coded, when the file is gone or cut short', async () => {
    const file = await stored(Buffer.from('{}'), Buffer.alloc(10));
    await writeFile(file, (await import('node:fs')).readFileSync(file).subarray(0, 20));
    await expect(read(payloadOf(file))).rejects.toMatchObject({ problem: { code: 'ER_2253' } });
    await expect(read(payloadOf(file + '.gone'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
