// Server CPU per delivery: Design Docs Bot beside a bare Probot app that makes the same
// GitHub calls (replayed from the bot's own, in order) through plain Octokit (@octokit/core,
// no plugins) and decides nothing. Both run in this process against the fake GitHub in a
// child process at delay 0; each delivery is a real `pull_request.opened` payload from
// @octokit/webhooks-examples, signed and verified as the server does, on a fresh PR, so
// every run is a first run (reads, then the writes) and no doc is served from a cache.
// process.cpuUsage() counts every thread of the process: the bot's parse workers included.
import { createHmac, generateKeyPairSync } from "node:crypto";
import { Octokit } from "@octokit/core";
import { createProbotAuth } from "octokit-auth-probot";
import { pino } from "pino";
import { Probot } from "probot";
import { createDesignDocsOctokit } from "../lib/github/octokit.js";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { createEngine } from "../lib/config/create-engine.js";
import { parseConfig } from "../lib/config/parse-config.js";
import { createApp } from "../lib/index.js";
import {
  BUILTIN_TEMPLATE_IDS,
  loadBuiltinTemplates,
} from "../lib/templates/builtin-templates.js";
import { checkDesignDoc } from "../lib/validate/check-design-doc.js";
import { DOC_TASKS } from "../lib/workers/doc-tasks.js";
import { createWorkerPool } from "../lib/workers/worker-pool.js";
import { startFakeGitHub } from "./fake-github-process.js";
import { freshPullRequest, replayCalls } from "./fresh-pull.js";
import { twentyKilobyteDoc } from "./server-cpu-doc.js";

const WARMUP = 20;
const SECRET = "bench-secret";
const SCENARIOS = [
  {
    name: "(a) PR without a design doc",
    doc: false,
    deliveries: 150,
    target: 1.5,
  },
  {
    name: "(b) PR with one 20 KB design doc",
    doc: true,
    deliveries: 100,
    target: 2,
  },
];

const github = await startFakeGitHub();
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();
const probotWith = (Octokit) =>
  new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl: github.baseUrl,
    log: pino({ level: "silent" }),
    Octokit,
  });

// Write spacing off: it only waits (a timer), and would make the run take 3 s a delivery.
const bot = probotWith(
  createDesignDocsOctokit({ writeIntervalMs: 0, notificationIntervalMs: 0 }),
);
// The server's pool, as src/server.ts makes it (one worker less than the cores).
const botWorkers = createWorkerPool({ timeBudgetMs: 2000 });
await bot.load(createApp({ appId: 1, workers: botWorkers }));

// The same bot with its doc tasks run in this thread: what the worker pool costs a delivery.
const inlineBot = probotWith(
  createDesignDocsOctokit({ writeIntervalMs: 0, notificationIntervalMs: 0 }),
);
await inlineBot.load(
  createApp({
    appId: 1,
    workers: {
      run: async (name, ...args) => ({
        ok: true,
        value: DOC_TASKS[name](...args),
      }),
      close: async () => undefined,
    },
  }),
);

/** The calls the bot made for its first delivery, replayed by the bare app on PR `number`. */
let calls = [];
const bare = probotWith(Octokit.defaults({ authStrategy: createProbotAuth }));
await bare.load((app) =>
  app.on("pull_request.opened", (context) => replayCalls(context, calls)),
);

/** Sets up a fresh PR and delivers its `opened` event to `probot`, signed. */
async function deliver(probot, withDoc) {
  const { number, text } = await freshPullRequest(github, withDoc);
  const cpu = process.cpuUsage();
  await probot.webhooks.verifyAndReceive({
    id: `bench-${number}`,
    name: "pull_request",
    payload: text,
    signature: `sha256=${createHmac("sha256", SECRET).update(text).digest("hex")}`,
  });
  const { user, system } = process.cpuUsage(cpu);
  return (user + system) / 1000;
}

/** CPU per delivery, counted from signature check to the handler's end (setup left out). */
async function cpuPerDelivery(probot, withDoc, deliveries) {
  for (let i = 0; i < WARMUP; i += 1) await deliver(probot, withDoc);
  let total = 0;
  for (let i = 0; i < deliveries; i += 1)
    total += await deliver(probot, withDoc);
  return total / deliveries;
}

/** CPU per call of `task` on the doc, after a warm-up. */
async function cpuPerCall(task, calls = 50) {
  for (let i = 0; i < 10; i += 1) await task(i);
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i += 1) await task(i);
  const { user, system } = process.cpuUsage(cpu);
  return (user + system) / 1000 / calls;
}

const DOC = twentyKilobyteDoc();
console.log(
  "| delivery | GitHub calls | bot CPU ms | bot, checks in its main thread | bare app CPU ms | ratio bot / bare | target | met |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const scenario of SCENARIOS) {
  const before = (await github.requests()).length;
  await deliver(bot, scenario.doc);
  calls = (await github.requests(before)).filter(
    (request) => !request.path.endsWith("/access_tokens"),
  );
  const ours = await cpuPerDelivery(bot, scenario.doc, scenario.deliveries);
  const theirs = await cpuPerDelivery(bare, scenario.doc, scenario.deliveries);
  const inline = await cpuPerDelivery(
    inlineBot,
    scenario.doc,
    scenario.deliveries,
  );
  const ratio = ours / theirs;
  console.log(
    `| ${scenario.name} | ${calls.length} | ${ours.toFixed(2)} | ${inline.toFixed(2)} | ${theirs.toFixed(2)} | ${ratio.toFixed(2)}x | ≤ ${scenario.target}x | ${ratio <= scenario.target ? "met" : "NOT met"} |`,
  );
}
github.stop();

// Where (b)'s CPU goes: the parse itself, the check around it, the worker pool around that.
const bareParser = unified().use(remarkParse).freeze();
const builtins = loadBuiltinTemplates();
const engine = createEngine(
  parseConfig({}, BUILTIN_TEMPLATE_IDS).config,
  builtins,
  builtins[0],
  "2026-11-23",
);
const pool = createWorkerPool({ timeBudgetMs: 10_000 });
const variant = (i) => `${DOC}\n<!-- ${i} -->\n`;
const parts = [
  [
    "bare `unified().use(remarkParse).parse`",
    (i) => bareParser.parse(variant(i)),
  ],
  [
    "checkDesignDoc (parse + check), in this thread",
    (i) => checkDesignDoc("docs/design/a.md", variant(i), engine),
  ],
  [
    "the same check through the worker pool",
    (i) => pool.run("check", "docs/design/a.md", variant(i), engine),
  ],
];
console.log("\n| the 20 KB doc alone | CPU ms |");
console.log("| --- | ---: |");
for (const [name, task] of parts)
  console.log(`| ${name} | ${(await cpuPerCall(task)).toFixed(2)} |`);
await pool.close();
await botWorkers.close();
console.log(
  `\nCPU per delivery over ${SCENARIOS.map((s) => s.deliveries).join(" and ")} deliveries after ${WARMUP} to warm up; the doc is ${Buffer.byteLength(DOC)} bytes. Write spacing is off in the bot's Octokit (a timer, not CPU).`,
);
