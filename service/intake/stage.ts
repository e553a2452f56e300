/**
 * The shape of an intake stage (as Alertmanager's notify.go builds its pipeline): one small step that either hands
 * the event on to the next stage or ends its way with the outcome the caller gets. Stages are composed once, when the
 * service starts (./pipeline.ts); each is a plain function, so each can be tested alone.
 */
import { type EventOutcome } from '../../shared/host/service-types.js';

export type Step<T> = { next: T } | { end: EventOutcome };
export type Stage<I, O> = (input: I) => Step<O> | Promise<Step<O>>;

export const next = <T>(value: T): Step<T> => ({ next: value });
export const end = (outcome: EventOutcome): Step<never> => ({ end: outcome });

/** Two stages as one: the second runs only when the first handed the event on. (Not `then`: a module exporting `then` is a thenable, and awaiting its import never ends.) */
export function pipe<A, B, C>(first: Stage<A, B>, second: Stage<B, C>): Stage<A, C> {
  return async (input) => {
    const r = await first(input);
    return 'end' in r ? r : second(r.next);
  };
}

/** A stage that handles one event at a time, in order (what it reads and writes must not interleave). */
export function serial<I, O>(stage: Stage<I, O>): Stage<I, O> {
  let chain: Promise<unknown> = Promise.resolve();
  return (input) => {
    const run = chain.then(() => stage(input));
    chain = run.catch(() => undefined);
    return run;
  };
}

/** Runs a composed pipeline whose last stage always ends the event's way. */
export async function outcomeOf<I>(pipeline: Stage<I, never>, input: I): Promise<EventOutcome> {
  const r = await pipeline(input);
  if ('end' in r) return r.end;
  throw new Error('an intake pipeline ended without an outcome');
}
