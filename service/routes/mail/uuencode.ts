/**
 * uuencode (the mail route's default attachment encoding, SPEC.md 4.1), written here because no maintained npm package
 * does it: the ones there are unmaintained for years or decode only. The format is small and fixed (POSIX `uuencode`):
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

const char = (v: number): string => (v === 0 ? '`' : String.fromCharCode(32 + v));

function line(bytes: Uint8Array): string {
  let out = char(bytes.length);
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    out += char(a >> 2) + char(((a & 0x03) << 4) | (b >> 4)) + char(((b & 0x0f) << 2) | (c >> 6)) + char(c & 0x3f);
  }
  return out;
}

/** The whole block, lines ended by `eol` (CRLF in mail), the `end` line included. `name` must be one line. */
export function uuencode(data: Uint8Array, name: string, eol = '\r\n', mode = '644'): string {
  const lines = [`begin ${mode} ${name.replace(/[\r\n]/g, '_')}`];
  for (let i = 0; i < data.length; i += LINE_BYTES) lines.push(line(data.subarray(i, i + LINE_BYTES)));
  lines.push('`', 'end');
  return lines.join(eol) + eol;
}
