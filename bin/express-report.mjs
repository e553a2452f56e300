#!/usr/bin/env node
// The package's command. Sources are TypeScript; tsx loads them so `npx express-report` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../service/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
