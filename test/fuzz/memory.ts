/**
 * The memory property: a parser's retained heap on a huge input, measured after a full garbage collection before and
 * after (the input is made first and not counted). Figures, not timings: they do not change with the machine's load.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

export interface Growth {
  /** What the parser returned (or the error it threw, as a value). */
  result: unknown;
  inputBytes: number;
  /** Heap and external memory the result holds, in bytes. */
  grewBytes: number;
  /** grewBytes / inputBytes. */
  ratio: number;
}

/** Parses `input` once and measures what stays: the result is held until after the second measurement. */
export async function retained<I>(input: I, inputBytes: number, parse: (i: I) => unknown): Promise<Growth> {
  gc();
  gc();
  const before = used();
  let result: unknown;
  try {
    result = await parse(input);
  } catch (e) {
    result = e;
  }
  gc();
  gc();
  const grewBytes = Math.max(0, used() - before);
  return { result, inputBytes, grewBytes, ratio: Math.round((grewBytes / inputBytes) * 100) / 100 };
}
