#!/usr/bin/env bash
# The README's test command, and what CI runs: on a fresh machine with only Node and apt it installs the Debian packages
# the tests need, then the npm packages, then runs every test (lint, type checks, vitest) and prints the tally.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
node --version
npm --version
npm ci --no-audit --no-fund
npm test
node -e 'const r = require("./test-results/vitest.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)'
