/** `npm run bench`: every benchmark in turn; each prints its own figures. */
import { run as infParse } from './inf-parse.bench.js';

await infParse();
