// npm run test:load [-- --deliveries N --prs N --concurrency N --summary FILE]
//
// The built server against a fake GitHub on loopback: deliveries over many PRs, shuffled
// and partly concurrent, with new heads, stale payloads and duplicates. Afterwards every PR
// must have exactly one checklist comment for its latest head, the one status label that
// head's doc calls for and one check run on that head: nothing lost. Prints events/s held,
// handling time, the server's peak RSS (and its RSS over the run), and API calls per event.
// With --summary, also writes those figures to FILE as JSON. Exits 1 when any PR is wrong.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { FakeGitHub } from "../fake-github/fake-github.js";
import { sendWebhook, startServer } from "../helpers/server.js";
import { renderChecklist } from "../../lib/report/render-checklist.js";
import { checkDesignDoc } from "../../lib/validate/check-design-doc.js";
import { createEngine } from "../../lib/config/create-engine.js";
import { parseConfig } from "../../lib/config/parse-config.js";
import {
  BUILTIN_TEMPLATE_IDS,
  defaultTemplate,
  loadBuiltinTemplates,
} from "../../lib/templates/builtin-templates.js";

const { values: args } = parseArgs({
  options: {
    deliveries: { type: "string", default: "300" },
    prs: { type: "string", default: "60" },
    concurrency: { type: "string", default: "30" },
    seed: { type: "string", default: "20261123" },
    summary: { type: "string" },
  },
});
const DELIVERIES = Number(args.deliveries);
const PRS = Number(args.prs);
const CONCURRENCY = Number(args.concurrency);
const PER_PR = Math.max(2, Math.round(DELIVERIES / PRS));

// A small seeded generator: the same run every time for the same arguments.
let state = Number(args.seed) >>> 0;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};

const FILLED = readFileSync(
  new URL("../fixtures/docs/filled-design-doc.md", import.meta.url),
  "utf8",
);
const STATUSES = ["Draft", "In Review", "Approved", "Obsolete"];
const LABELS = {
  Draft: "WIP",
  "In Review": "In Review",
  Approved: "Approved",
  Obsolete: "Obsolete",
};
/** The doc at a PR's head number `head`: its Status moves on, and some heads miss a section. */
const docAt = (pr, head) =>
  FILLED.replace(
    "**Status:** In Review",
    `**Status:** ${STATUSES[(pr + head) % STATUSES.length]}`,
  ).replace(head % 3 === 2 ? "## Alternatives" : "\0", "## Other ideas");
const shaOf = (pr, head) =>
  `${String(pr).padStart(4, "0")}${String(head).padStart(4, "0")}`.padEnd(
    40,
    "a",
  );

const opened = examples
  .find((group) => group.name === "pull_request")
  .examples.find((example) => example.action === "opened");

/** PR `pr` lives in its own org and installation: GitHub allows one write a second each. */
function event(pr, head, action, id) {
  const payload = structuredClone(opened);
  const owner = `org-${pr}`;
  payload.action = action;
  payload.number = 2;
  payload.pull_request.number = 2;
  payload.pull_request.head.sha = shaOf(pr, head);
  payload.repository.name = "repo";
  payload.repository.full_name = `${owner}/repo`;
  payload.repository.owner.login = owner;
  payload.installation = { id: 1000 + pr, node_id: "x" };
  return { id, name: "pull_request", payload };
}

// Each PR's deliveries in order: opened at head 0, a synchronize per new head, and
// duplicates (the same delivery id again) or stale payloads (an older head) in between.
const plans = Array.from({ length: PRS }, (_, pr) => {
  const steps = [];
  let head = 0;
  for (let index = 0; index < PER_PR; index += 1) {
    const roll = random();
    if (index > 0 && roll < 0.2) {
      steps.push({ pr, head, payloadHead: head, id: steps.at(-1).id });
    } else if (index > 0 && roll < 0.3) {
      steps.push({
        pr,
        head,
        payloadHead: Math.max(0, head - 1),
        id: `pr${pr}-stale${index}`,
      });
    } else {
      if (index > 0) head += 1;
      steps.push({ pr, head, payloadHead: head, id: `pr${pr}-head${head}` });
    }
  }
  return steps;
});
// Interleave the PRs' sequences at random, keeping each PR's own order.
const schedule = [];
const cursors = plans.map(() => 0);
while (schedule.length < PRS * PER_PR) {
  const open = plans
    .map((_, pr) => pr)
    .filter((pr) => cursors[pr] < plans[pr].length);
  const pr = open[Math.floor(random() * open.length)];
  schedule.push(plans[pr][cursors[pr]]);
  cursors[pr] += 1;
}

const github = new FakeGitHub({ delayMs: 2 });
const server = await startServer(new URL(await github.start()).host);
const pid = server.process.pid;
const rssSamples = [];
const sampler = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name) =>
      Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    rssSamples.push({
      at: performance.now(),
      rss: kb("VmRSS"),
      peak: kb("VmHWM"),
    });
  } catch {
    // The process has exited.
  }
}, 100);

const latestHead = new Map();
const started = performance.now();
let next = 0;
const statuses = [];
async function sender() {
  while (next < schedule.length) {
    const step = schedule[next];
    next += 1;
    // GitHub moves the PR to its new head before it sends the event.
    if ((latestHead.get(step.pr) ?? -1) < step.head) {
      latestHead.set(step.pr, step.head);
      github.setPullRequest(`org-${step.pr}/repo`, 2, {
        headSha: shaOf(step.pr, step.head),
        files: { "docs/design/plan.md": docAt(step.pr, step.head) },
      });
    }
    const action = step.payloadHead === 0 ? "opened" : "synchronize";
    const response = await sendWebhook(
      server.url,
      event(step.pr, step.payloadHead, action, step.id),
    );
    statuses.push(response.status);
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, sender));
// Every delivery logs one line when its work ends (202 answers mean work carried on).
const handled = () =>
  server.output.filter((line) => line.includes('"durationMs"'));
while (handled().length < schedule.length)
  await new Promise((resolve) => setTimeout(resolve, 50));
const elapsed = (performance.now() - started) / 1000;
clearInterval(sampler);
await server.stop();
await github.stop();

// What each PR must show: the engine's verdict on its latest head.
const builtins = loadBuiltinTemplates();
const engine = createEngine(
  parseConfig({}, BUILTIN_TEMPLATE_IDS).config,
  builtins,
  defaultTemplate(),
  new Date().toISOString().slice(0, 10),
);
const wrong = [];
for (let pr = 0; pr < PRS; pr += 1) {
  const head = latestHead.get(pr);
  const text = docAt(pr, head);
  const report = checkDesignDoc("docs/design/plan.md", text, engine);
  const seen = github.pullRequestState(`org-${pr}/repo`, 2);
  const status = STATUSES[(pr + head) % STATUSES.length];
  const checklist = renderChecklist(
    [report],
    [`Status label: **${LABELS[status]}**.`],
  );
  const problems = [];
  if (seen.comments.length !== 1)
    problems.push(`${seen.comments.length} comments`);
  else if (!seen.comments[0].body.includes(checklist))
    problems.push(
      `comment is not the latest head's checklist:\n${seen.comments[0].body}\n--- expected within it:\n${checklist}`,
    );
  if (JSON.stringify(seen.labels) !== JSON.stringify([LABELS[status]]))
    problems.push(
      `labels ${JSON.stringify(seen.labels)}, expected ["${LABELS[status]}"]`,
    );
  const conclusion = {
    success: "success",
    warning: "neutral",
    failure: "failure",
  }[report.outcome];
  if (
    seen.checkRuns.length !== 1 ||
    seen.checkRuns[0].conclusion !== conclusion
  )
    problems.push(
      `check runs ${JSON.stringify(seen.checkRuns.map((run) => run.conclusion))} on the head, expected ["${conclusion}"]`,
    );
  if (problems.length > 0)
    wrong.push(`org-${pr}/repo#2 (head ${head}): ${problems.join("; ")}`);
}

const durations = handled()
  .map((line) => JSON.parse(line).durationMs)
  .sort((a, b) => a - b);
const percentile = (p) =>
  durations[
    Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))
  ];
const apiCalls = github.requests.filter(
  (request) => !request.path.endsWith("/access_tokens"),
).length;
const peakMb = Math.max(...rssSamples.map((sample) => sample.peak)) / 1024;
const rssAt = (share) =>
  rssSamples[
    Math.min(rssSamples.length - 1, Math.floor(share * rssSamples.length))
  ]?.rss / 1024;
const answered = statuses.reduce(
  (count, code) => ({ ...count, [code]: (count[code] ?? 0) + 1 }),
  {},
);

console.log(
  `## Load: ${schedule.length} deliveries over ${PRS} PRs, ${CONCURRENCY} at a time\n`,
);
console.log("| figure | value |");
console.log("| --- | ---: |");
console.log(
  `| deliveries answered (by status) | ${Object.entries(answered)
    .map(([code, count]) => `${code}: ${count}`)
    .join(", ")} |`,
);
console.log(`| PRs with a wrong final state | ${wrong.length} of ${PRS} |`);
console.log(`| events/s held | ${(schedule.length / elapsed).toFixed(1)} |`);
console.log(
  `| handling time p50 / p95 | ${percentile(50)} ms / ${percentile(95)} ms |`,
);
console.log(`| server peak RSS | ${peakMb.toFixed(0)} MB |`);
console.log(
  `| server RSS at 25% / 50% / 100% of the run | ${rssAt(0.25).toFixed(0)} / ${rssAt(0.5).toFixed(0)} / ${rssAt(1).toFixed(0)} MB |`,
);
console.log(
  `| API calls per event | ${(apiCalls / schedule.length).toFixed(2)} |`,
);
console.log(
  `\nHandling time runs from a delivery's arrival to its last write, queue wait included; each installation gets one write a second (GitHub's rule, kept by the request pipeline), which bounds events/s.`,
);
for (const line of wrong) console.log(`WRONG ${line}`);
const unacknowledged = statuses.filter(
  (code) => code !== 200 && code !== 202,
).length;
if (args.summary)
  writeFileSync(
    args.summary,
    JSON.stringify({
      deliveries: schedule.length,
      prs: PRS,
      wrong: wrong.length,
      unacknowledged,
      eventsPerSecond: schedule.length / elapsed,
      p50Ms: percentile(50),
      p95Ms: percentile(95),
      peakRssMb: peakMb,
      apiCallsPerEvent: apiCalls / schedule.length,
    }),
  );
process.exit(wrong.length === 0 && unacknowledged === 0 ? 0 : 1);
