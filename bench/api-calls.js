// API calls and sequential round trips the App makes per event, against a fake GitHub on
// loopback, beside the fewest a correct run needs.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { createApp } from "../lib/index.js";
import { FakeGitHub, roundTrips } from "../test/fake-github/fake-github.js";

const REPO = "Codertocat/Hello-World";
const DOC = readFileSync(
  new URL("../test/fixtures/docs/filled-design-doc.md", import.meta.url),
  "utf8",
);

// The fewest a correct run can make, with no config file in the repo (so the org's `.github`
// repo is read next, after the first read's 404):
// - calls: config (2), the file list, the comments (to find the checklist comment); with
//   docs also the PR (its current head and labels: the payload may predate the bot's own
//   last write), each doc's blob unless already parsed, the check runs on the head; then only
//   the writes whose result changed (comment, label, the new label's colour, check run).
// - round trips: config repo -> config org -> blobs -> writes -> colour of a label GitHub
//   just created; a redelivery stops after the reads of the PR and its check runs.
const SCENARIOS = [
  {
    name: "(a) PR opened with one design doc",
    number: 2,
    files: { "docs/design/audit-export.md": DOC, "src/app.ts": "x\n" },
    action: "opened",
    minimum: { calls: 2 + 1 + 1 + 1 + 1 + 1 + 4, roundTrips: 5 },
  },
  {
    name: "(b) the same event redelivered",
    number: 2,
    files: { "docs/design/audit-export.md": DOC, "src/app.ts": "x\n" },
    action: "opened",
    minimum: { calls: 2 + 1 + 1 + 1 + 1, roundTrips: 3 },
  },
  {
    name: "(c) PR opened with no design doc",
    number: 3,
    files: { "src/app.ts": "x\n", "README.md": "# Hello\n" },
    action: "opened",
    minimum: { calls: 2 + 1 + 1, roundTrips: 2 },
  },
];

const github = new FakeGitHub({ delayMs: 5 });
const baseUrl = await github.start();
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();
const probot = new Probot({
  appId: 1,
  privateKey,
  baseUrl,
  log: pino({ level: "silent" }),
  // Throttling off: it spaces writes a second apart, which would count as round trips here.
  Octokit: ProbotOctokit.defaults((options) => ({
    ...options,
    throttle: { ...options.throttle, enabled: false },
    retry: { enabled: false },
  })),
});
await probot.load(createApp({ appId: 1 }));

const opened = examples
  .find((group) => group.name === "pull_request")
  .examples.find((example) => example.action === "opened");

console.log(
  "| event | API calls | minimum | ratio | round trips | minimum | ratio |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
const ratios = [];
for (const scenario of SCENARIOS) {
  github.setPullRequest(REPO, scenario.number, {
    headSha: opened.pull_request.head.sha,
    files: scenario.files,
  });
  const payload = structuredClone(opened);
  payload.number = scenario.number;
  payload.pull_request.number = scenario.number;
  payload.installation = { id: 2 };
  const before = github.requests.length;
  await probot.receive({ id: scenario.name, name: "pull_request", payload });
  const requests = github.requests
    .slice(before)
    .filter((request) => !request.path.includes("/access_tokens"));
  const calls = requests.length;
  const trips = roundTrips(requests);
  ratios.push(
    calls / scenario.minimum.calls,
    trips / scenario.minimum.roundTrips,
  );
  console.log(
    `| ${scenario.name} | ${calls} | ${scenario.minimum.calls} | ${(calls / scenario.minimum.calls).toFixed(2)}x | ${trips} | ${scenario.minimum.roundTrips} | ${(trips / scenario.minimum.roundTrips).toFixed(2)}x |`,
  );
}
await github.stop();
const worst = Math.max(...ratios);
console.log(
  `\nWorst ratio ${worst.toFixed(2)}x (target 1.00x): ${worst <= 1 ? "met" : "NOT met"}. Installation-token requests are left out: one per installation per hour.`,
);
