/**
 * Issue 5, the mail route: reports per second with a 1 MB attachment through the route against a local SMTP server
 * (smtp-server on loopback), uuencode and Base64, S/MIME off and on; then what each encoding step costs per MB on its
 * own (uuencode, MailComposer's whole message with Base64, the S/MIME envelope by node-forge). Figures only.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { MailRoute } from '../service/routes/mail/route.js';
import { composeReport } from '../service/routes/mail/compose.js';
import { uuencode } from '../service/routes/mail/uuencode.js';
import { smimeEntity } from '../service/routes/smime.js';
import { makeTestPki } from '../test/helpers/peers/test-ca.js';
import { mailConfig, startSmtpPeer } from '../test/helpers/peers/smtp-server.js';
import { routeContext, sampleReport } from '../test/helpers/peers/https-config.js';
import { fmt, time, type BenchFigure, type BenchResult } from './lib.js';

const MB = 1024 * 1024;

export async function run(opts: { reports?: number } = {}): Promise<BenchResult> {
  const reports = opts.reports ?? 20;
  const figures: BenchFigure[] = [];
  const centerPem = readFileSync(new URL('../test/fixtures/keyfile/center.pem', import.meta.url), 'utf8');
  const zip = randomBytes(MB);
  const server = await startSmtpPeer({ cert: makeTestPki().server });
  try {
    const route = new MailRoute({ attachmentFor: () => () => Readable.from([zip]), centerCertificate: async () => centerPem });
    // Baseline: a report without logs. smtp-server waits 100 ms before its greeting (early-talker detection, as
    // Postfix's postscreen does), so every session costs at least that here.
    const bare = new MailRoute();
    const bareCtx = routeContext(mailConfig(server.port));
    await bare.send(sampleReport(), bareCtx);
    const b0 = performance.now();
    for (let i = 0; i < reports; i++) await bare.send(sampleReport(), bareCtx);
    const bareMs = (performance.now() - b0) / reports;
    console.log(`mail baseline, no attachment: ${(1000 / bareMs).toFixed(1)} reports/s (${fmt(bareMs)} each, of which 100 ms is the server's greeting delay)`);
    for (const smime of [false, true]) {
      for (const encoding of ['uuencode', 'base64'] as const) {
        const ctx = routeContext(mailConfig(server.port, { 'mail.encoding': encoding, 'mail.smime': smime }));
        await route.send(sampleReport(), ctx); // warm-up
        const before = server.received.length;
        const t0 = performance.now();
        for (let i = 0; i < reports; i++) {
          const o = await route.send(sampleReport(), ctx);
          if (!o.ok) throw new Error(`not delivered: ${o.problem.message.en}`);
        }
        const ms = performance.now() - t0;
        const size = server.received.at(-1)!.raw.length;
        if (server.received.length - before !== reports) throw new Error('a report is missing at the server');
        figures.push({ name: `${encoding} S/MIME ${smime ? 'on' : 'off'}, 1 MB zip, time per report`, value: ms / reports, unit: 'ms', baseline: bareMs });
        console.log(
          `mail ${encoding.padEnd(8)} S/MIME ${smime ? 'on ' : 'off'}: ${(reports / (ms / 1000)).toFixed(1)} reports/s with a 1 MB zip (${fmt(ms / reports)} each, ${(size / MB).toFixed(2)} MB on the wire)`,
        );
      }
    }
  } finally {
    await server.close();
  }

  const report = sampleReport();
  const uu = await time(() => uuencode(zip, 'x.zip'), 15, 10); // warmed up: the first runs are before V8 optimises the loop
  const b64 = await time(() => composeReport(report, { from: 'a@b.jp', to: 'c@d.jp', encoding: 'base64', attachment: zip }), 9, 2);
  const uuMail = await time(() => composeReport(report, { from: 'a@b.jp', to: 'c@d.jp', encoding: 'uuencode', attachment: zip }), 9, 2);
  const message = await composeReport(report, { from: 'a@b.jp', to: 'c@d.jp', encoding: 'uuencode', attachment: zip });
  const env = await time(() => smimeEntity(message, centerPem), 5, 1);
  const perMb = (ms: number, bytes: number): string => `${fmt(ms / (bytes / MB))} per MB`;
  console.log(
    `mail encode cost: uuencode ${perMb(uu.medianMs, zip.length)}; whole message with uuencode ${perMb(uuMail.medianMs, zip.length)}, with Base64 (MailComposer) ${perMb(b64.medianMs, zip.length)}`,
  );
  console.log(`mail S/MIME envelope (forge CMS structure, node:crypto AES-256-CBC): ${perMb(env.medianMs, message.length)} of message`);
  return { figures };
}

if (import.meta.url === `file://${process.argv[1]}`) await run({ reports: Number(process.env.MAIL_REPORTS ?? 20) });
