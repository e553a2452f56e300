/**
 * The lines of an INI text as offsets into the text, in typed arrays: a 999-tool AMHTPLOG.INF has 200,000 lines, and
 * an object and a string per line cost more than reading the file many times over. IniDocument turns lines into
 * objects only when the document is edited.
 */
export const BLANK = 0;
export const COMMENT = 1;
export const SECTION = 2;
export const ENTRY = 3;
export const INVALID = 4;

/** Line ends by their code in CompactLines.eol. */
export const EOLS = ['', '\n', '\r\n', '\r'] as const;

/** Offsets of a line, `STRIDE` numbers each in `pos`. */
export const START = 0; // the line's first character
export const END = 1; // just before its line end
export const A = 2; // first non-space character (the key's, or the section's `[`)
export const B = 3; // end of the key (entries), the section's `]` (sections)
export const C = 4; // start of the value (entries)
export const D = 5; // just after the last non-space character
export const STRIDE = 6;

export interface CompactLines {
  readonly text: string;
  readonly count: number;
  readonly kind: Uint8Array;
  readonly eol: Uint8Array;
  readonly pos: Int32Array;
}

export const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || c === 0xfeff;

/** Splits and classifies every line in one pass; the text is not copied. */
export function scanLines(text: string): CompactLines {
  let cap = 16 + (text.length >> 5);
  let kind = new Uint8Array(cap);
  let eol = new Uint8Array(cap);
  let pos = new Int32Array(cap * STRIDE);
  let n = 0;
  // The next `=` / `]` at or after the current line, remembered: a search that ran past a line without one is not
  // repeated for every following line (that would be quadratic for a file of lines without `=`).
  let nextEq = -2;
  let nextClose = -2;

  const line = (start: number, end: number, e: number): void => {
    if (n === cap) {
      cap *= 2;
      const k = new Uint8Array(cap);
      k.set(kind);
      kind = k;
      const l = new Uint8Array(cap);
      l.set(eol);
      eol = l;
      const p = new Int32Array(cap * STRIDE);
      p.set(pos);
      pos = p;
    }
    let a = start;
    let d = end;
    while (a < d && isSpace(text.charCodeAt(a))) a++;
    while (d > a && isSpace(text.charCodeAt(d - 1))) d--;
    let k = INVALID;
    let b = 0;
    let c = 0;
    if (a === d) k = BLANK;
    else {
      const first = text.charCodeAt(a);
      if (first === 0x3b /* ; */ || first === 0x23 /* # */) k = COMMENT;
      else if (first === 0x5b /* [ */) {
        if (nextClose !== -1 && nextClose < a + 1) nextClose = text.indexOf(']', a + 1);
        if (nextClose === d - 1) {
          k = SECTION;
          b = nextClose;
        }
      } else {
        if (nextEq !== -1 && nextEq < a) nextEq = text.indexOf('=', a);
        const eq = nextEq;
        if (eq >= 0 && eq < d) {
          b = eq;
          while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
          if (b > a) {
            k = ENTRY;
            c = eq + 1;
            while (c < d && isSpace(text.charCodeAt(c))) c++;
          }
        }
      }
    }
    kind[n] = k;
    eol[n] = e;
    const o = n * STRIDE;
    pos[o + START] = start;
    pos[o + END] = end;
    pos[o + A] = a;
    pos[o + B] = b;
    pos[o + C] = c;
    pos[o + D] = d;
    n++;
  };

  let start = 0;
  // indexOf finds line ends much faster than a loop over every character.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    if (lf >= 0 && (cr < 0 || lf < cr)) {
      line(start, lf, 1);
      start = lf + 1;
      lf = text.indexOf('\n', start);
    } else {
      const crlf = text.charCodeAt(cr + 1) === 0x0a;
      line(start, cr, crlf ? 2 : 3);
      start = cr + (crlf ? 2 : 1);
      cr = text.indexOf('\r', start);
      if (crlf) lf = text.indexOf('\n', start);
    }
  }
  if (start < text.length) line(start, text.length, 0);
  return { text, count: n, kind, eol, pos };
}
