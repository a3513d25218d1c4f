// npm run test:reliability [-- load test options]
//
// The reliability suite: hostile docs and configs, bad webhook requests and generated docs
// (bad input), GitHub's faults injected call by call, then the load test. Ends with one line:
//   bad inputs tried: N, crashes: 0; faults injected: N, wrong final states: 0; load: N events, lost: 0, p95 X ms
// A test counts one input, or N when its name says "(N generated …)"; a failed one counts as
// a crash or a wrong final state. Exits 1 when anything failed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Every test in these is a bad input. */
const BAD_INPUTS = ["test/hostile/", "test/e2e/webhook-requests.test.ts"];
/** These hold property tests over generated input, among other tests. */
const GENERATED = [
  "test/markdown/parse-design-doc.test.ts",
  "test/report/render-properties.test.ts",
  "test/validate/set-status.test.ts",
];
/** Every test in these injects a fault from GitHub. */
const FAULTS = ["test/app/faults.test.ts"];

const scratch = mkdtempSync(join(tmpdir(), "design-docs-reliability-"));
const run = (args, env = {}) =>
  spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env },
  }).status;

const jestFile = join(scratch, "jest.json");
const jestStatus = run([
  "--experimental-vm-modules",
  "node_modules/jest/bin/jest.js",
  ...BAD_INPUTS,
  ...GENERATED,
  ...FAULTS,
  "--json",
  `--outputFile=${jestFile}`,
]);
const loadFile = join(scratch, "load.json");
const loadStatus = run([
  "test/load/load.js",
  ...process.argv.slice(2),
  `--summary=${loadFile}`,
]);

const tally = {
  tried: 0,
  generated: 0,
  crashes: 0,
  faults: 0,
  wrongStates: 0,
};
const results = JSON.parse(readFileSync(jestFile, "utf8"));
for (const file of results.testResults) {
  const path = relative(ROOT, file.name);
  const isIn = (list) => list.some((entry) => path.startsWith(entry));
  // A file that could not run at all fails everything it holds.
  if (file.status === "failed" && file.assertionResults.length === 0) {
    if (isIn(FAULTS)) tally.wrongStates += 1;
    else tally.crashes += 1;
  }
  for (const test of file.assertionResults) {
    if (test.status !== "passed" && test.status !== "failed") continue;
    const failed = test.status === "failed" ? 1 : 0;
    const generated = /\((\d+) generated\b/u.exec(test.title);
    if (isIn(FAULTS)) {
      tally.faults += 1;
      tally.wrongStates += failed;
    } else if (isIn(BAD_INPUTS) || generated) {
      const count = generated ? Number(generated[1]) : 1;
      tally.tried += count;
      if (generated) tally.generated += count;
      tally.crashes += failed;
    }
  }
}
let load;
try {
  load = JSON.parse(readFileSync(loadFile, "utf8"));
} catch {
  load = undefined;
}
rmSync(scratch, { recursive: true, force: true });

const number = (value) => Math.round(value).toLocaleString("en-US");
const loadPart = load
  ? `load: ${number(load.deliveries)} events, lost: ${load.wrong + load.unacknowledged}, p95 ${number(load.p95Ms)} ms`
  : "load: did not finish";
console.log(
  `\nbad inputs tried: ${number(tally.tried)} (${number(tally.tried - tally.generated)} hostile docs, configs and webhook requests; ${number(tally.generated)} generated), crashes: ${tally.crashes}; faults injected: ${tally.faults}, wrong final states: ${tally.wrongStates}; ${loadPart}`,
);
process.exit(jestStatus === 0 && loadStatus === 0 ? 0 : 1);
