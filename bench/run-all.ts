/** `npm run bench`: every benchmark in turn; each prints its own figures. */
import { run as infParse } from './inf-parse.bench.js';
import { run as uiLoad } from './ui-load.bench.js';
import { run as service } from './service.bench.js';
import { run as mail } from './mail.bench.js';
import { run as collect } from './collect.bench.js';
import { run as relayAgents } from './relay-agents.bench.js';
import { run as fleet } from './fleet.bench.js';

await infParse();
await uiLoad();
await service();
await mail();
await collect();
await relayAgents();
await fleet();
