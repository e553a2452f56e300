/**
 * Reading a byte stream in steps (the modem's serial line today): a step looks at the bytes received so far and takes
 * a value off their front, or waits for more. The line reader serves the modem's replies and the text between frames.
 */

/** Looks at the bytes received so far: a value and how many bytes it used, or undefined to wait for more. */
export type Step<T> = (received: Buffer) => { value: T; used: number } | undefined;

/** The first complete line in the bytes (CR, LF or CR LF ends a line; empty lines are skipped). */
export const lineStep: Step<string> = (b) => {
  let start = 0;
  while (start < b.length && (b[start] === 0x0d || b[start] === 0x0a)) start++;
  for (let i = start; i < b.length; i++) {
    if (b[i] === 0x0d || b[i] === 0x0a) return { value: b.toString('latin1', start, i).trim(), used: b[i] === 0x0d && b[i + 1] === 0x0a ? i + 2 : i + 1 };
  }
  return undefined;
};
