#!/usr/bin/env node
import { main } from "../lib/cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  today: new Date().toISOString().slice(0, 10),
});
