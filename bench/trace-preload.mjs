// Stage timestamps from inside the service process, without touching its code: latency-stages.ts starts the service
// with `--import ./bench/trace-preload.mjs` and TRACE_FILE set. One line per stage (`<ms> <stage> <detail>`), on the
// clock every process shares (timeOrigin + now): the local API's request in and answer out (diagnostics_channel), the
// spool's file operations (open, datasync, rename, folder fsync, wrapped here), the HTTPS request to the center
// (created, TLS up, sent, answered; https.request wrapped here).
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const file = process.env.TRACE_FILE;
const lines = [];
const mark = (stage, detail = '') => lines.push(`${(performance.timeOrigin + performance.now()).toFixed(3)} ${stage} ${detail}`);
const write = () => lines.length > 0 && appendFileSync(file, lines.splice(0).join('\n') + '\n');
setInterval(write, 200).unref();
process.on('exit', write);

subscribe('http.server.request.start', ({ request }) => mark('api-in', request.url));
subscribe('http.server.response.finish', ({ request }) => mark('api-out', request.url));
const require = createRequire(import.meta.url);
// The center's request, wrapped at its creation (http.client.request.start comes only once the body is written).
const https = require('node:https');
const request = https.request;
https.request = (...a) => {
  const opts = a.find((x) => typeof x === 'object' && x !== null && !(x instanceof URL));
  const id = opts?.headers?.['X-Report-Id'] ?? '';
  mark('post-start', id); // before the request makes its TLS socket (a resumed session is parsed there)
  const req = request(...a);
  req.once('socket', (s) => s.once('secureConnect', () => mark('post-tls', `${id} ${s.isSessionReused() ? 'resumed' : 'full'}`)));
  req.once('finish', () => mark('post-sent', id));
  req.once('response', () => mark('post-answer', id));
  return req;
};
const fsp = require('node:fs/promises');
const paths = new Map();
const open = fsp.open;
fsp.open = async (p, ...rest) => {
  const fh = await open(p, ...rest);
  paths.set(fh.fd, String(p));
  mark('open-end', String(p));
  return fh;
};
const probe = await open('/dev/null', 'r');
const handle = Object.getPrototypeOf(probe);
await probe.close();
for (const m of ['datasync', 'sync']) {
  const orig = handle[m];
  handle[m] = async function (...a) {
    const p = paths.get(this.fd) ?? '?';
    mark(`${m}-start`, p);
    try {
      return await orig.apply(this, a);
    } finally {
      mark(`${m}-end`, p);
    }
  };
}
for (const m of ['rename', 'unlink']) {
  const orig = fsp[m];
  fsp[m] = async (p, ...rest) => {
    try {
      return await orig(p, ...rest);
    } finally {
      mark(`${m}-end`, rest.length > 0 ? `${String(p)} ${String(rest[0])}` : String(p)); // a rename: from to
    }
  };
}
syncBuiltinESMExports();
