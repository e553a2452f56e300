/** HostApi requests (shared/host/schemas.ts) at the one boundary both transports use: dispatch (shared/node/host/dispatch.ts). */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { type HostApi } from '../../../shared/host/api.js';
import { HOST_METHODS, requestSchemas } from '../../../shared/host/schemas.js';
import { dispatch } from '../../../shared/node/host/dispatch.js';
import { check, type FuzzTarget } from '../harness.js';

const calls: Array<{ method: string; arg: unknown }> = [];
/** A host that records what reaches it: the property is about what dispatch lets through, not what the host does. */
const host = new Proxy({} as HostApi, {
  get: (_t, prop) => (prop === 'viewHost' || typeof prop !== 'string' ? undefined : async (arg: unknown) => (calls.push({ method: prop, arg }), 'done')),
});

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOST_METHODS) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'view.', 'view.AAAAAAAAAAAAAAAA.snapshot', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
/** Arguments of the right shape nearly (from the schemas' own keys) and anything at all. */
const KEYS = [
  'values',
  'secrets',
  'path',
  'name',
  'contentBase64',
  'method',
  'service',
  'keyFile',
  'kind',
  'target',
  'files',
  'url1',
  'url2',
  'until',
  'reason',
];
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('express', 'https', 'keyfile', 'test', 'primary', 'C:\\x.key', 'AAAA'),
    ),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const arg = fc.oneof(
  value,
  fc.constant(undefined),
  fc.jsonValue().map((j) => JSON.parse(JSON.stringify(j)) as unknown),
  fc.anything(),
);

export const hostApiTarget: FuzzTarget<{ method: string; arg: unknown }> = {
  name: 'host-api',
  properties: [
    'dispatch never throws; an unknown method or an argument its schema refuses is ER_1021 naming the method and the field, and reaches no host code',
    'a request its schema accepts reaches the host once, as the schema parsed it',
  ],
  arbitrary: fc.record({ method, arg }),
  async run({ method: m, arg: a }) {
    calls.length = 0;
    const reply = await dispatch(host, m, a);
    const known = (HOST_METHODS as readonly string[]).includes(m);
    const parsed = known ? requestSchemas[m as keyof typeof requestSchemas].safeParse(a) : undefined;
    if (reply.ok) {
      check(parsed?.success === true, `${m}: answered although its schema refuses the argument`);
      check(
        calls.length === 1 && calls[0]!.method === m && isDeepStrictEqual(calls[0]!.arg, parsed.data),
        `${m}: the host got something else than the parsed argument`,
      );
      return {};
    }
    check(calls.length === 0, `${m}: refused, yet host code ran`);
    for (const p of reply.problems) check(p.code === 'ER_1021' || p.code === 'ER_3527', `${m}: refused with ${p.code}`);
    const closedView = reply.problems.every((p) => p.code === 'ER_3527');
    return closedView ? { refused: reply.problems, whole: true } : { refused: reply.problems, file: m };
  },
};
