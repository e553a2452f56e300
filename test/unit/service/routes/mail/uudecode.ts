/**
 * A uudecoder for the tests (the route only encodes): the inverse of service/routes/mail/uuencode.ts, written from
 * the format (POSIX uuencode), not from the encoder. Accepts a space or "`" for 0, LF or CRLF line ends.
 */
export function uudecode(block: string): { mode: string; name: string; data: Buffer } {
  const lines = block.split(/\r?\n/);
  const begin = /^begin (\d{3}) (.+)$/.exec(lines[0] ?? '');
  if (!begin) throw new Error(`no begin line: ${JSON.stringify(lines[0])}`);
  const out: number[] = [];
  const v = (ch: string): number => (ch.charCodeAt(0) - 32) & 0x3f;
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === 'end') break;
    const n = v(line[0] ?? '`');
    const bytes: number[] = [];
    for (let j = 1; bytes.length < n; j += 4) {
      const [a, b, c, d] = [v(line[j] ?? '`'), v(line[j + 1] ?? '`'), v(line[j + 2] ?? '`'), v(line[j + 3] ?? '`')];
      bytes.push(((a << 2) | (b >> 4)) & 0xff, ((b << 4) | (c >> 2)) & 0xff, ((c << 6) | d) & 0xff);
    }
    out.push(...bytes.slice(0, n));
  }
  if (lines[i] !== 'end') throw new Error('no end line');
  return { mode: begin[1]!, name: begin[2]!, data: Buffer.from(out) };
}
