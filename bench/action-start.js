// The Action's cold start: the committed bundle (dist/index.mjs) run as a runner runs it, on
// a fork's PR holding one 20 KB doc, so the step reads and checks and writes nothing (write
// spacing would time GitHub's rules, not the step). Beside it, design-docs check of the same
// doc from disk, which parses and checks it the same way with no GitHub in between, and
// Node's own start. One run: each command RUNS times, taking turns; the median of each. The
// fake GitHub answers on loopback at once (delayMs 0).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { FakeGitHub } from "../test/fake-github/fake-github.js";

const RUNS = 11;
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BUNDLE = join(ROOT, "dist/index.mjs");
const REPO = "Codertocat/Hello-World";
const DOC = "docs/design/audit-export.md";

// The filled-in doc, its Detailed Design grown to 20 KB with paragraphs of its own kind.
const filled = readFileSync(
  join(ROOT, "test/fixtures/docs/filled-design-doc.md"),
  "utf8",
);
const paragraph =
  "The exporter reads one page of events at a time, writes it to a temporary object, and renames the object once the page is complete, so that a restart never sees half a page.\n\n";
const [head, tail] = filled.split("### Alternatives");
let doc = head;
while (doc.length + tail.length < 20 * 1024) doc += paragraph;
doc = `${doc}### Alternatives${tail}`;

const folder = mkdtempSync(join(tmpdir(), "design-docs-action-bench-"));
writeFileSync(join(folder, "doc.md"), doc);

const github = new FakeGitHub({
  delayMs: 0,
  appId: 15368,
  appSlug: "github-actions",
});
const apiUrl = await github.start();
github.setPullRequest(REPO, 2, { files: { [DOC]: doc }, fork: true });
const payload = structuredClone(
  examples
    .find((entry) => entry.name === "pull_request")
    .examples.find((example) => example.action === "opened"),
);
payload.pull_request.head.sha = github.headOf(REPO, 2);
payload.pull_request.head.repo.full_name = "mallory/Hello-World";
writeFileSync(join(folder, "event.json"), JSON.stringify(payload));

const stepEnv = {
  PATH: process.env.PATH,
  GITHUB_EVENT_NAME: "pull_request",
  GITHUB_EVENT_PATH: join(folder, "event.json"),
  GITHUB_REPOSITORY: REPO,
  GITHUB_API_URL: apiUrl,
  GITHUB_STEP_SUMMARY: join(folder, "summary.md"),
  GITHUB_OUTPUT: join(folder, "output"),
  RUNNER_TEMP: folder,
  INPUT_TOKEN: "workflow-token",
  INPUT_CONFIG: ".github/design-docs.yml",
  "INPUT_FAIL-ON": "never",
  "INPUT_CHECK-RUN": "false",
};
const commands = [
  {
    name: "node -e '' (Node's own start)",
    args: ["-e", ""],
    env: { PATH: process.env.PATH },
  },
  {
    name: "design-docs check of the doc (baseline)",
    args: [join(ROOT, "bin/design-docs.js"), "check", "doc.md"],
    env: { PATH: process.env.PATH },
  },
  {
    name: "the Action's step (dist/index.mjs) on a PR with the doc",
    args: [BUNDLE],
    env: stepEnv,
  },
];

const run = (command) =>
  new Promise((resolve, reject) => {
    writeFileSync(stepEnv.GITHUB_STEP_SUMMARY, "");
    writeFileSync(stepEnv.GITHUB_OUTPUT, "");
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, command.args, {
      cwd: folder,
      env: command.env,
      stdio: "ignore",
    });
    child.on("error", reject);
    child.on("close", () =>
      resolve(Number(process.hrtime.bigint() - start) / 1e6),
    );
  });
const median = (values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const command of commands) await run(command); // disk cache, not timed
const times = commands.map(() => []);
for (let round = 0; round < RUNS; round += 1)
  for (const [index, command] of commands.entries())
    times[index].push(await run(command));
await github.stop();
const summary = readFileSync(stepEnv.GITHUB_STEP_SUMMARY, "utf8");
if (!summary.includes("docs/design/audit-export.md"))
  throw new Error(`The step did not check the doc:\n${summary}`);

const medians = times.map(median);
console.log(
  `Bundle: dist/index.mjs, ${(statSync(BUNDLE).size / 1024).toFixed(0)} KiB. Doc: ${(doc.length / 1024).toFixed(1)} KB. Median wall time of ${RUNS} starts each, taking turns, Node ${process.version}\n`,
);
console.log("| command | ms |");
console.log("| --- | ---: |");
commands.forEach((command, index) =>
  console.log(`| ${command.name} | ${medians[index].toFixed(1)} |`),
);
console.log(
  `\nRatio step / design-docs check: ${(medians[2] / medians[1]).toFixed(2)}x (the step adds the bundle's load, a doc worker's start and its GitHub reads)`,
);
