/**
 * Text from outside (a definition file's line, a file name, a peer's reply) is quoted in messages, and messages go to a
 * terminal and to the service log. A control character in that text could move the cursor, recolour the screen, set
 * the window title, start a new log line or reorder what is shown (bidi overrides); so before a line reaches a terminal
 * or a log, such characters are written as visible escapes instead (ESC as `\x1b`, U+009B as `\u009b`, U+202E as `\u202e`).
 */

/** C0 controls (tab kept), DEL, C1 controls, the bidi embedding / override / isolate marks, and the line separators. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/** The same, but line feeds stay (multi-line output such as help or pretty-printed JSON). */
const UNSAFE_KEEP_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * C0 as `\x1b` (the form people know from shells); DEL, C1 and the rest as `\u009b`, which is also a valid JSON escape:
 * JSON.stringify already writes C0 as `\u001b`, so JSON output (inf show, --json) stays valid JSON once escaped here.
 */
function escape(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 0x20 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/** One line safe for a terminal or a log: every unsafe character (line feeds included) as a visible escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Like printable(), but line feeds are kept: for text that is meant to span lines (help, pretty-printed JSON). */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_KEEP_LF, escape);
}
