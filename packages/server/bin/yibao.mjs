#!/usr/bin/env node
// The `yibao` command. The TypeScript is compiled by `npm install` (the root `prepare` script).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`yibao: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
