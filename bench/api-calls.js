// API calls and sequential round trips the App makes per event, against a fake GitHub on
// loopback, beside the fewest a correct run needs; then, at 100 ms a call with the server's
// write spacing on, when the check run and the comment land.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { pino } from "pino";
import { Probot } from "probot";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { createApp } from "../lib/index.js";
import {
  MAX_READS_AT_ONCE,
  createDesignDocsOctokit,
} from "../lib/github/octokit.js";
import { FakeGitHub, tripDepths } from "../test/fake-github/fake-github.js";

const REPO = "Codertocat/Hello-World";
const DOC = readFileSync(
  new URL("../test/fixtures/docs/filled-design-doc.md", import.meta.url),
  "utf8",
);
/** A doc of its own: another blob to read and check. */
const docNumbered = (index) => DOC.replace(/^# (.*)$/mu, `# $1 ${index}`);
const docs = (count, from) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      `docs/design/doc-${from + index}.md`,
      docNumbered(from + index),
    ]),
  );
const sourceFiles = (count) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      `src/file-${index}.ts`,
      "x\n",
    ]),
  );

// The fewest a correct run can make, with no config file in the repo:
// - calls: the config in the repo and in the org's `.github` (2), the file list (a page per
//   100 files), the comments (to find the checklist comment); with docs also the PR (its
//   current head and labels: the payload may predate the bot's own last write), each doc's
//   blob unless already checked, the check runs on the head; then only the writes whose
//   result changed: check run, comment, status label, and the colour of a label GitHub just
//   created (the first scenario creates `In Review`; later ones find it).
// - round trips to the first write: the configs, the first page of files and the comments at
//   once -> the other pages at once -> the PR, blobs and check runs at once -> the check run;
//   reads at once are held to MAX_READS_AT_ONCE per installation (GitHub takes at most 100 at
//   once), so 102 reads take 4 round trips of 32.
//   The writes then go one at a time (GitHub asks for one a second per installation), so the
//   last write is `writes - 1` round trips after the first.
// The PR and its check runs are not read in the first round trip: a PR without docs (most
// PRs of an organisation) would pay two calls for nothing.
const SCENARIOS = [
  {
    name: "(a) PR opened with one design doc",
    number: 2,
    files: { "docs/design/audit-export.md": DOC, "src/app.ts": "x\n" },
    minimum: { reads: 2 + 1 + 1 + 1 + 1 + 1, writes: 4, toFirstWrite: 3 },
  },
  {
    name: "(b) the same event redelivered",
    number: 2,
    files: { "docs/design/audit-export.md": DOC, "src/app.ts": "x\n" },
    minimum: { reads: 2 + 1 + 1 + 1 + 1, writes: 0, trips: 2 },
  },
  {
    name: "(c) PR opened with no design doc",
    number: 3,
    files: { "src/app.ts": "x\n", "README.md": "# Hello\n" },
    minimum: { reads: 2 + 1 + 1, writes: 0, trips: 1 },
  },
  {
    name: "(d) 3,000 files, 5 of them design docs",
    number: 4,
    files: { ...sourceFiles(2995), ...docs(5, 0) },
    minimum: { reads: 2 + 30 + 1 + 1 + 5 + 1, writes: 3, toFirstWrite: 4 },
  },
  {
    name: "(e) 100 design docs",
    number: 5,
    files: docs(100, 100),
    minimum: {
      reads: 2 + 1 + 1 + 1 + 100 + 1,
      writes: 3,
      toFirstWrite: 1 + Math.ceil((1 + 100 + 1) / MAX_READS_AT_ONCE) + 1,
    },
  },
];

const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();
const opened = examples
  .find((group) => group.name === "pull_request")
  .examples.find((example) => example.action === "opened");

/** A Probot with the App loaded, on the fake GitHub at `baseUrl`. */
async function startApp(baseUrl, Octokit) {
  const probot = new Probot({
    appId: 1,
    privateKey,
    baseUrl,
    log: pino({ level: "silent" }),
    Octokit,
  });
  await probot.load(createApp({ appId: 1 }));
  return probot;
}

/** Delivers `opened` for PR `number` and returns the requests it made, tokens left out. */
async function deliver(
  github,
  probot,
  // A head of its own per PR: check runs are GitHub's per commit.
  { name, number, files, headSha = String(number).padStart(40, "c") },
) {
  github.setPullRequest(REPO, number, { headSha, files });
  const payload = structuredClone(opened);
  payload.number = number;
  payload.pull_request.number = number;
  payload.pull_request.head.sha = headSha;
  payload.installation = { id: 2 };
  const before = github.requests.length;
  const sent = performance.now();
  await probot.receive({ id: name, name: "pull_request", payload });
  const requests = github.requests
    .slice(before)
    .filter((request) => !request.path.includes("/access_tokens"));
  return { requests, sent };
}

const isWrite = (request) => request.method !== "GET";
const ratio = (value, minimum) =>
  minimum === 0 ? "-" : `${(value / minimum).toFixed(2)}x`;

// Write spacing off: it spaces writes a second apart, which is time, not round trips. Each
// answer takes 100 ms, as GitHub's do: requests sent together all arrive well within it, so
// the client's own time per request is never taken for a round trip.
const github = new FakeGitHub({ delayMs: 100 });
const probot = await startApp(
  await github.start(),
  createDesignDocsOctokit({ writeIntervalMs: 0, notificationIntervalMs: 0 }),
);
console.log(
  "| event | API calls | minimum | ratio | round trips to the first write | minimum | ratio | to the last write | minimum | ratio |",
);
console.log(
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
);
const ratios = [];
for (const scenario of SCENARIOS) {
  const { requests } = await deliver(github, probot, scenario);
  const depths = tripDepths(requests);
  const writes = requests.filter(isWrite);
  const { minimum } = scenario;
  const calls = { value: requests.length, min: minimum.reads + minimum.writes };
  // Without writes, "first" and "last" are the run's last round trip.
  const first = {
    value:
      writes.length > 0 ? depths.get(writes[0]) : Math.max(...depths.values()),
    min: minimum.toFirstWrite ?? minimum.trips,
  };
  const last = {
    value: Math.max(...depths.values()),
    min: first.min + Math.max(0, minimum.writes - 1),
  };
  for (const figure of [calls, first, last])
    ratios.push(figure.value / figure.min);
  const cells = [calls, first, last].map(
    (figure) =>
      `${figure.value} | ${figure.min} | ${ratio(figure.value, figure.min)}`,
  );
  console.log(`| ${scenario.name} | ${cells.join(" | ")} |`);
}

// A push that changes the config, with 3 open PRs each changing a doc, checked before under
// the old rules: the new rules (a section made optional) change one PR's verdict.
// - calls: the new config, read once for the three (in the repo and in the org's `.github`),
//   beside the open PRs; per PR its files, comments, the PR and its check runs (the blobs
//   were checked before); and the writes of the one PR whose verdict changed (check run,
//   comment).
// - round trips: the config and open PRs -> each PR's files and comments -> the PR and its
//   check runs -> the writes, one after another.
const WITHOUT_MIGRATION = DOC.replace(
  /## Migration Plan\n[\s\S]*?(?=\n## )/u,
  "",
);
const recheck = {
  reads: 2 + 1 + 3 * (1 + 1 + 1 + 1),
  writes: 2,
  toFirstWrite: 4,
};
for (const [number, text] of [
  [20, WITHOUT_MIGRATION],
  [21, docNumbered(21)],
  [22, docNumbered(22)],
])
  await deliver(github, probot, {
    name: `before the push ${number}`,
    number,
    files: { [`docs/design/doc-${number}.md`]: text },
  });
github
  .repo(REPO)
  .files.set(".github/design-docs.yml", "optionalSections: [Migration Plan]\n");
const push = structuredClone(
  examples
    .find((group) => group.name === "push")
    .examples.find(
      (example) =>
        example.ref === `refs/heads/${example.repository.default_branch}`,
    ),
);
push.installation = { id: 2 };
for (const commit of [...push.commits, push.head_commit])
  Object.assign(commit, {
    added: [],
    removed: [],
    modified: [".github/design-docs.yml"],
  });
// Only the PRs opened for this part are open now.
for (const { number } of SCENARIOS)
  github.repo(REPO).pulls.get(number).state = "closed";
const before = github.requests.length;
await probot.receive({ id: "push", name: "push", payload: push });
const pushed = github.requests
  .slice(before)
  .filter((request) => !request.path.includes("/access_tokens"));
const pushDepths = tripDepths(pushed);
const pushWrites = pushed.filter(isWrite);
const pushFigures = [
  { value: pushed.length, min: recheck.reads + recheck.writes },
  {
    value: pushWrites.length > 0 ? pushDepths.get(pushWrites[0]) : 0,
    min: recheck.toFirstWrite,
  },
  {
    value: Math.max(...pushDepths.values()),
    min: recheck.toFirstWrite + recheck.writes - 1,
  },
];
for (const figure of pushFigures) ratios.push(figure.value / figure.min);
console.log(
  `| (f) a push changing the config, 3 open doc PRs, one verdict changed | ${pushFigures
    .map(
      (figure) =>
        `${figure.value} | ${figure.min} | ${ratio(figure.value, figure.min)}`,
    )
    .join(" | ")} |`,
);
await github.stop();
const worst = Math.max(...ratios);
console.log(
  `\nWorst ratio ${worst.toFixed(2)}x (target 1.00x): ${worst <= 1 ? "met" : "NOT met"}. Installation-token requests are left out: one per installation per hour. Without writes, "the first write" is the run's last round trip.`,
);

// As a server runs: GitHub at 100 ms a call, writes spaced as the server spaces them.
const slow = new FakeGitHub({ delayMs: 100 });
const served = await startApp(await slow.start(), createDesignDocsOctokit());
console.log(
  `\nAt 100 ms a call, writes spaced as the server spaces them (one a second; comments three seconds apart), a fresh installation token included:\n`,
);
console.log("| event | check run lands | comment lands | check run first |");
console.log("| --- | ---: | ---: | --- |");
for (const scenario of [SCENARIOS[0], SCENARIOS[4]]) {
  const { requests, sent } = await deliver(slow, served, {
    ...scenario,
    number: scenario.number + 10,
  });
  const landed = (path) =>
    requests.find((request) => isWrite(request) && path.test(request.path))
      .end - sent;
  const checkRunAt = landed(/\/check-runs$/u);
  const commentAt = landed(/\/issues\/\d+\/comments$/u);
  console.log(
    `| ${scenario.name} | ${Math.round(checkRunAt)} ms | ${Math.round(commentAt)} ms | ${checkRunAt < commentAt ? "yes" : "NO"} |`,
  );
}
await slow.stop();
