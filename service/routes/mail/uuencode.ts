/**
 * uuencode (the mail route's default attachment encoding, docs/design.md section 8.2), written here: the one npm package for it
 * (`uuencode` 0.0.4) is an early 0.0.x release nobody maintains, and the format is small and fixed (POSIX `uuencode`):
 *
 *   begin 644 <name>
 *   <length char><groups of 4 chars>      one line per 45 input bytes ("M" + 60 chars for a full line)
 *   `                                      the zero-length line
 *   end
 *
 * Each 6-bit value v is written as chr(32 + v), except 0, written as "`" (not a space), so no line ends in a space a
 * mail relay could strip (what GNU and BSD uuencode do). The last group is padded with zero bytes; the length char
 * says how many bytes of the line are real.
 */
const LINE_BYTES = 45;

/** chr(32 + v), with "`" for 0. */
const CHARS = Buffer.from(Array.from({ length: 64 }, (_, v) => (v === 0 ? 0x60 : 32 + v)));

/**
 * The whole block as ASCII bytes, lines ended by `eol` (CRLF in mail), the `end` line included. Written into one
 * preallocated buffer: a 5 MB attachment is 100,000 lines, too many for string concatenation to stay cheap.
 */
export function uuencode(data: Uint8Array, name: string, eol = '\r\n', mode = '644'): Buffer {
  const head = Buffer.from(`begin ${mode} ${name.replace(/[\r\n]/g, '_')}${eol}`, 'latin1');
  const tail = Buffer.from(`\`${eol}end${eol}`, 'latin1');
  const nl = Buffer.from(eol, 'latin1');
  const full = Math.floor(data.length / LINE_BYTES);
  const rest = data.length % LINE_BYTES;
  const lineSize = (n: number): number => 1 + Math.ceil(n / 3) * 4 + nl.length;
  const out = Buffer.allocUnsafe(head.length + full * lineSize(LINE_BYTES) + (rest > 0 ? lineSize(rest) : 0) + tail.length);
  let o = head.copy(out, 0);
  for (let i = 0; i < data.length; i += LINE_BYTES) {
    const end = Math.min(i + LINE_BYTES, data.length);
    out[o++] = CHARS[end - i]!;
    for (let j = i; j < end; j += 3) {
      // The last group of a short line is padded with zero bytes; the length char says how many are real.
      const a = data[j]!;
      const b = j + 1 < end ? data[j + 1]! : 0;
      const c = j + 2 < end ? data[j + 2]! : 0;
      out[o++] = CHARS[a >> 2]!;
      out[o++] = CHARS[((a & 0x03) << 4) | (b >> 4)]!;
      out[o++] = CHARS[((b & 0x0f) << 2) | (c >> 6)]!;
      out[o++] = CHARS[c & 0x3f]!;
    }
    o += nl.copy(out, o);
  }
  tail.copy(out, o);
  return out;
}
