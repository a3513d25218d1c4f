// Server overhead per delivery: Design Docs Bot's server beside a bare Probot 14 app (a
// handler that does nothing), each in a child process, on the same signed deliveries over
// HTTP, with the same fake GitHub (in a third process) answering at once. Each delivery is a
// real `pull_request.opened` payload from @octokit/webhooks-examples on a fresh PR, so every
// run is a first run (the reads, then the writes) and no doc comes from a cache:
// (a) a PR with no design doc, (b) a PR with one 20 KB doc that follows design-doc.
// Latency (p50/p95): one delivery at a time, from the POST to the end of its answer (the
// answer comes once the handler has finished). Deliveries/s: CONCURRENCY in flight at once.
// CPU ms per delivery: the server process's own CPU (every thread) over the throughput run.
import { fork } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { startFakeGitHub } from "./fake-github-process.js";
import { freshPullRequest } from "./fresh-pull.js";

const SECRET = "bench-secret";
const WARMUP = 20;
const CONCURRENCY = 8;
const SCENARIOS = [
  {
    name: "(a) PR without a design doc",
    doc: false,
    deliveries: 200,
    target: 1.2,
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
const apiUrl = new URL(github.baseUrl);

/** Starts one server process: its URL, its CPU so far, and stop. */
async function startServer(kind) {
  const child = fork(
    new URL("./server-overhead-process.js", import.meta.url),
    [kind],
    {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: SECRET,
        METRICS_TOKEN: "bench",
        GHE_HOST: apiUrl.host,
        GHE_PROTOCOL: "http",
        LOG_FORMAT: "json",
      },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  const { port } = await next(child, "port");
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    async cpuMs() {
      child.send("cpu");
      const { cpu } = await next(child, "cpu");
      return (cpu.user + cpu.system) / 1000;
    },
    replay: (calls) => child.send({ calls }),
    stop: () => child.disconnect(),
  };
}

function next(child, key) {
  return new Promise((resolve) => {
    const on = (message) => {
      if (!(key in message)) return;
      child.off("message", on);
      resolve(message);
    };
    child.on("message", on);
  });
}

/** A fresh PR on the fake GitHub, and its signed `opened` delivery. */
async function preparedDelivery(withDoc) {
  const { number, text: body } = await freshPullRequest(github, withDoc);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": `bench-${number}`,
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    },
  };
}

/** POSTs one delivery; its round trip in ms. A delivery not answered 200 stops the bench. */
async function send(url, delivery) {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", ...delivery });
  await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`delivery answered ${response.status}`);
  return performance.now() - started;
}

const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** p50/p95 one at a time; then deliveries/s and CPU ms per delivery with CONCURRENCY in flight. */
async function measure(server, scenario) {
  for (let i = 0; i < WARMUP; i += 1)
    await send(server.url, await preparedDelivery(scenario.doc));
  const times = [];
  for (let i = 0; i < scenario.deliveries; i += 1)
    times.push(await send(server.url, await preparedDelivery(scenario.doc)));
  times.sort((a, b) => a - b);
  const batch = [];
  for (let i = 0; i < scenario.deliveries; i += 1)
    batch.push(await preparedDelivery(scenario.doc));
  const cpuBefore = await server.cpuMs();
  const started = performance.now();
  let taken = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (taken < batch.length) await send(server.url, batch[taken++]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = (await server.cpuMs()) - cpuBefore;
  return {
    perSecond: batch.length / seconds,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    cpu: cpu / batch.length,
  };
}

const bot = await startServer("bot");
const bare = await startServer("bare");
const replay = await startServer("replay");
const rows = [];
for (const scenario of SCENARIOS) {
  // The calls of the bot's first delivery of this kind, for the replaying app.
  const before = (await github.requests()).length;
  await send(bot.url, await preparedDelivery(scenario.doc));
  const calls = (await github.requests(before)).filter(
    (request) => !request.path.endsWith("/access_tokens"),
  );
  replay.replay(calls);
  const ours = await measure(bot, scenario);
  const theirs = await measure(bare, scenario);
  const replayed = await measure(replay, scenario);
  rows.push({ scenario, calls: calls.length, ours, theirs, replayed });
}
bot.stop();
bare.stop();
replay.stop();
github.stop();

/** Each figure: its key, its digits, and the bot's cost beside another's (above 1: costlier). */
const FIGURES = [
  ["deliveries/s", "perSecond", 1, (ours, theirs) => theirs / ours],
  ["p50 ms", "p50", 2, (ours, theirs) => ours / theirs],
  ["p95 ms", "p95", 2, (ours, theirs) => ours / theirs],
  ["CPU ms per delivery", "cpu", 2, (ours, theirs) => ours / theirs],
];
console.log(
  "| delivery | figure | bot | bare Probot 14 app | ratio | target | met | bare app replaying the bot's calls | ratio |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
for (const { scenario, calls, ours, theirs, replayed } of rows)
  for (const [figure, key, digits, cost] of FIGURES) {
    const ratio = cost(ours[key], theirs[key]);
    console.log(
      `| ${scenario.name}, ${calls} GitHub calls | ${figure} | ${ours[key].toFixed(digits)} | ${theirs[key].toFixed(digits)} | ${ratio.toFixed(2)}x | ≤ ${scenario.target}x | ${ratio <= scenario.target ? "met" : "NOT met"} | ${replayed[key].toFixed(digits)} | ${cost(ours[key], replayed[key]).toFixed(2)}x |`,
    );
  }
console.log(
  `\nOver HTTP on loopback, each server in its own process; p50/p95 over ${SCENARIOS.map((s) => s.deliveries).join(" and ")} deliveries sent one at a time after ${WARMUP} to warm up, deliveries/s and CPU over as many with ${CONCURRENCY} in flight. Every ratio is the bot's cost beside the other's, above 1 the bot costlier (for deliveries/s: theirs / ours). The fake GitHub answers at once; the bot's write spacing is off (a timer, not work). The bare app makes no GitHub call, so beside it the bot's figures include the calls it makes; the last two columns set the bot beside the same bare app making those very calls (replayed in order, one after another, through plain @octokit/core): the cost of deciding alone.`,
);
