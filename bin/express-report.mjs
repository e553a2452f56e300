#!/usr/bin/env node
// The package's command. In a checkout the TypeScript sources run through tsx (so `npx express-report` works right
// after `npm ci`); an installed package without sources runs the bundle built by `npm run build` (out/service/cli.mjs,
// which loads its chunks in out/service/chunks/ as commands and routes are used).
import { existsSync } from 'node:fs';

const bundle = new URL('../out/service/cli.mjs', import.meta.url);
const sources = new URL('../service/cli/main.ts', import.meta.url);
let main;
if (existsSync(sources) && process.env.EXPRESS_REPORT_BUNDLED !== '1') {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(sources.href));
} else {
  ({ main } = await import(bundle.href));
}
process.exitCode = await main(process.argv.slice(2));
