import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuencode } from '../../../../../service/routes/mail/uuencode.js';
import { uudecode } from './uudecode.js';

const text = (data: Uint8Array, name = 'a.zip', eol?: string): string => uuencode(data, name, eol).toString('latin1');

describe('uuencode', () => {
  it('encodes the textbook example ("Cat" is #0V%T), with the zero-length line and end', () => {
    expect(text(Buffer.from('Cat'), 'cat.txt', '\n')).toBe('begin 644 cat.txt\n#0V%T\n`\nend\n');
  });

  it('writes 45 bytes a line ("M" + 60 characters), a short last line, CRLF by default', () => {
    const lines = text(Buffer.alloc(100, 0xff)).split('\r\n');
    expect(lines[0]).toBe('begin 644 a.zip');
    expect(lines.slice(1, 3).every((l) => l.length === 61 && l[0] === 'M')).toBe(true);
    // 10 bytes: "*" is 32 + 10; four groups, the last padded with two zero bytes.
    expect(lines[3]).toBe(`*${'_'.repeat(13)}P\`\``);
    expect(lines.slice(4)).toEqual(['`', 'end', '']);
  });

  it('an empty file is just begin, the zero-length line and end', () => {
    expect(text(Buffer.alloc(0), 'empty.zip')).toBe('begin 644 empty.zip\r\n`\r\nend\r\n');
  });

  it('zero bits are "`", never a space: no line ends in a space a relay could strip', () => {
    const t = text(Buffer.alloc(90));
    expect(t).not.toContain(' \r\n');
    expect(t.split('\r\n')[1]).toBe(`M${'`'.repeat(60)}`);
  });

  it('property: decode(encode(x)) == x, and every character is printable ASCII', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('\r\n', '\n'), (data, eol) => {
        const t = text(data, 'x.zip', eol);
        const lines = t.split(eol).slice(1, -2); // between the begin line and end
        expect(lines.every((l) => /^[\x21-\x60]+$/.test(l))).toBe(true);
        const back = uudecode(t);
        expect(back.name).toBe('x.zip');
        expect(Buffer.compare(back.data, Buffer.from(data))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("each line equals Python's binascii.b2a_uu(chunk, backtick=True): an independent encoder agrees", () => {
    const data = randomBytes(45 * 40 + 7);
    const py = spawnSync(
      'python3',
      [
        '-c',
        'import sys,binascii\nd=sys.stdin.buffer.read()\nsys.stdout.write("".join(binascii.b2a_uu(d[i:i+45], backtick=True).decode() for i in range(0, len(d), 45)))',
      ],
      { input: data },
    );
    expect(py.status, py.stderr?.toString()).toBe(0);
    const ours = text(data, 'x', '\n').split('\n').slice(1, -3).join('\n') + '\n';
    expect(ours).toBe(py.stdout.toString());
  });
});
