/**
 * The fuzz harness (issue 17): a target is a parser called at its boundary with inputs fast-check makes. The harness
 * checks the properties every parser shares: nothing but a coded refusal leaves the boundary, and every refusal names
 * a catalogued code and where the input went wrong (file, line, field or byte offset). Round trips are the targets'
 * own (run() throws when one differs); the harness counts them.
 */
import fc from 'fast-check';
import { catalogue } from '../../shared/messages/catalogue.js';
import { type Problem } from '../../shared/messages/problem.js';
import { CodedError } from '../../shared/node/coded-error.js';

/** What one input did. `refused`: the coded problems the boundary answered with; `roundTrip`: one was checked. */
export interface Verdict {
  refused?: readonly Problem[];
  /** Where a stream parser stopped (bytes fed before the refusal): the location of a refusal without file or line. */
  offset?: number;
  /** The file name given to the parser: a whole-file refusal names it in its message. */
  file?: string;
  roundTrip?: boolean;
  /** The refusal is of the request as a whole (a closed view): the request is its location. */
  whole?: boolean;
  /** A line the reader passes over by design (not of its shape): counted, not refused. */
  skipped?: boolean;
}

export interface FuzzTarget<T = unknown> {
  name: string;
  /** What the target's properties are, in a line each (docs/reliability.md lists them). */
  properties: readonly string[];
  arbitrary: fc.Arbitrary<T>;
  /** The file name run() gives the parser: a whole-file refusal thrown out of it names that file. */
  file?: string;
  /** Calls the parser as its caller does; throws (not a CodedError) when a property fails. */
  run(input: T): Verdict | Promise<Verdict>;
  /**
   * Inputs `npm run fuzz` gives this target when no --runs is named (default 100,000): a target that goes through files,
   * sockets or RSA takes 1-100 ms an input, and 100,000 of those would be hours.
   */
  fullRuns?: number;
  /** Releases what run() opened (a server, a temporary folder); run() opens it again when called after. */
  close?(): Promise<void>;
}

export class PropertyFailed extends Error {
  override name = 'PropertyFailed';
}

export function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new PropertyFailed(what);
}

/** A placeholder of the code's own template left as it was: a parameter the parser did not give. */
function unfilled(p: Problem): string | undefined {
  const def = catalogue[p.code];
  const names = [...`${def.ja} ${def.en}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return names.find((n) => p.message.ja.includes(`{${n}}`) && p.message.en.includes(`{${n}}`));
}

/** A refusal is a catalogued code with both languages filled in, and says where. */
export function checkRefusal(p: Problem, v: Pick<Verdict, 'offset' | 'file' | 'whole'>): void {
  check(/^ER_\d{4}$/.test(p.code) && Object.hasOwn(catalogue, p.code), `uncatalogued code ${String(p.code)}`);
  check(p.message.ja !== '' && p.message.en !== '', `${p.code}: empty message`);
  const missing = unfilled(p);
  check(missing === undefined, `${p.code}: parameter {${missing}} not filled in "${p.message.en}"`);
  const located =
    v.whole === true ||
    p.file !== undefined ||
    p.line !== undefined ||
    p.field !== undefined ||
    v.offset !== undefined ||
    (v.file !== undefined && p.message.en.includes(v.file));
  check(located, `${p.code} without a location: ${p.message.en}`);
}

export interface Figures {
  target: string;
  inputs: number;
  refusals: number;
  skipped: number;
  roundTrips: number;
  ms: number;
  peakHeapMB: number;
}

/** One input through the boundary: a CodedError thrown out of it is a refusal; anything else fails the property. */
export async function once<T>(t: FuzzTarget<T>, input: T): Promise<Verdict> {
  let v: Verdict;
  try {
    v = await t.run(input);
  } catch (e) {
    if (!(e instanceof CodedError)) throw e;
    v = { refused: [e.problem], ...(t.file === undefined ? {} : { file: t.file }) };
  }
  for (const p of v.refused ?? []) checkRefusal(p, v);
  return v;
}

/** Runs `runs` inputs of one target (seeded when `seed` is given); fast-check prints the seed and the shrunk input on failure. */
export async function fuzz<T>(t: FuzzTarget<T>, runs: number, seed?: number): Promise<Figures> {
  const f: Figures = { target: t.name, inputs: 0, refusals: 0, skipped: 0, roundTrips: 0, ms: 0, peakHeapMB: 0 };
  let peak = 0;
  const started = performance.now();
  try {
    await fc.assert(
      fc.asyncProperty(t.arbitrary, async (input) => {
        const v = await once(t, input);
        f.inputs++;
        if (v.refused && v.refused.length > 0) f.refusals++;
        if (v.roundTrip) f.roundTrips++;
        if (v.skipped) f.skipped++;
        if (f.inputs % 64 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );
  } finally {
    await t.close?.();
  }
  f.ms = Math.round(performance.now() - started);
  f.peakHeapMB = Math.round(Math.max(peak, process.memoryUsage().heapUsed) / 1e5) / 10;
  return f;
}
