#!/usr/bin/env node
// The bundled command line (scripts/build-cli.js): the same code as lib/cli/main.js, in a few
// files rather than some 240 modules, which is most of what a start costs.
import { main } from "../lib/bundle/design-docs.js";

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  today: new Date().toISOString().slice(0, 10),
});
