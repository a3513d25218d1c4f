// bin/design-docs.js on the unbundled build (lib/cli/main.js rather than lib/bundle/), so the
// test of what a run loads sees each module of ours as it is imported.
import { main } from "../../lib/cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: false,
  today: new Date().toISOString().slice(0, 10),
});
