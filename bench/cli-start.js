// design-docs check on one doc, started afresh as a user starts it, beside a bare
// `import('remark-parse')` and beside markdownlint-cli2 on the same file; the unbundled CLI
// too, to show what the bundle (scripts/build-cli.js) saves. One run: each command RUNS
// times, the commands taking turns so the machine's drift falls on all alike; the median of
// each. Files and modules loaded come from the trace the tests use (test/helpers/trace).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  loadedModules,
  sourceModulesOf,
} from "../test/helpers/loaded-modules.js";

const RUNS = 21;
const TARGET_RATIO = 1.3;
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DOC = "test/fixtures/docs/filled-design-doc.md";
const MARKDOWNLINT = "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs";

const commands = [
  { id: "node", name: "node -e '' (Node's own start)", args: ["-e", ""] },
  {
    id: "bare",
    name: "node -e \"import('remark-parse')\" (baseline)",
    args: ["-e", "import('remark-parse')"],
  },
  {
    id: "ours",
    name: `design-docs check ${DOC}`,
    args: ["bin/design-docs.js", "check", DOC],
  },
  {
    id: "unbundled",
    name: "the same, unbundled (lib/cli/main.js, for comparison)",
    args: ["test/helpers/unbundled-cli.js", "check", DOC],
  },
];
if (existsSync(new URL(`../${MARKDOWNLINT}`, import.meta.url)))
  commands.push({
    id: "markdownlint",
    name: `markdownlint-cli2 ${DOC}`,
    args: [MARKDOWNLINT, DOC],
  });

const run = (args) => {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: "ignore",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  return ms;
};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

commands.forEach((command) => run(command.args)); // disk cache, not timed
const times = commands.map(() => []);
for (let round = 0; round < RUNS; round += 1)
  commands.forEach((command, index) => times[index].push(run(command.args)));
const medians = times.map(median);
// Files read as modules; for the bundled CLI also the source modules those files hold.
const loads = commands.map((command) => {
  const files = loadedModules(command.args).modules.filter((url) =>
    url.startsWith("file:"),
  );
  return { files: files.length, modules: sourceModulesOf(files).length };
});

console.log(
  `Median wall time of ${RUNS} starts each, commands taking turns, Node ${process.version}\n`,
);
console.log("| command | ms | files loaded | modules in them |");
console.log("| --- | ---: | ---: | ---: |");
commands.forEach((command, index) =>
  console.log(
    `| ${command.name} | ${medians[index].toFixed(1)} | ${loads[index].files} | ${loads[index].modules} |`,
  ),
);
const medianOf = (id) => medians[commands.findIndex((c) => c.id === id)];
const [bare, ours, markdownlint] = ["bare", "ours", "markdownlint"].map(
  medianOf,
);
const ratio = ours / bare;
console.log(
  `\nRatio design-docs check / bare remark-parse import: ${ratio.toFixed(2)}x (target at most ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? "met" : "NOT met"}`,
);
if (markdownlint === undefined)
  console.log(
    "markdownlint-cli2 skipped: not installed (npm ci installs it as a dev dependency)",
  );
else
  console.log(
    `Ratio design-docs check / markdownlint-cli2: ${(ours / markdownlint).toFixed(2)}x (target below 1x): ${ours < markdownlint ? "met" : "NOT met"}`,
  );
