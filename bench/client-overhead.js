// What each client adds to one GitHub call: wall time and CPU per call for sequential reads
// and writes against the fake GitHub at delay 0 (in a process of its own, so the CPU counted
// here is the client's), for raw fetch, Probot's Octokit as the bot configured it before the
// request pipeline (throttle + retry + the deadline fetch that copied each body), and ours.
// Write spacing is 0 in both Octokits: the table is per-call cost, not GitHub's 1 s rule.
// Octokit with the throttle and retry off shows what Octokit itself costs over a fetch.
import { generateKeyPairSync } from "node:crypto";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createDesignDocsOctokit } from "../lib/github/octokit.js";
import { startFakeGitHub } from "./fake-github-process.js";

const CALLS = 200;
const WARMUP = 50;
const ROUNDS = 5;
const TARGET_WALL_MS = 2;
const TARGET_CPU_RATIO = 1.5;
const INSTALLATION = 2;
const route = { owner: "Codertocat", repo: "Hello-World" };

/** The bot's Octokit before the request pipeline (src/github/octokit.ts at 2aafbbb). */
function probotOctokitAsBefore() {
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  const writes = { write: group(), notifications: group() };
  const retryWithin = (retryAfter, options) => options.request.retryCount < 3;
  return ProbotOctokit.defaults((options) => ({
    ...options,
    throttle: {
      ...options.throttle,
      ...writes,
      id: `installation-${options.auth?.installationId ?? "app"}`,
      onSecondaryRateLimit: retryWithin,
      onRateLimit: retryWithin,
    },
  }));
}
function deadlineFetchAsBefore(timeoutMs) {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal
      ? AbortSignal.any([init.signal, deadline])
      : deadline;
    const response = await globalThis.fetch(input, { ...init, signal });
    const body = [204, 205, 304].includes(response.status)
      ? null
      : await response.arrayBuffer();
    const whole = new Response(body, response);
    Object.defineProperty(whole, "url", { value: response.url });
    return whole;
  };
}

const github = await startFakeGitHub();
await github.setPullRequest(2, { "README.md": "# Hello\n" }, "h1");
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();

async function octokitClient(Octokit, request) {
  const probot = new Probot({
    appId: 1,
    privateKey,
    baseUrl: github.baseUrl,
    log: pino({ level: "info" }, pino.destination("/dev/null")),
    Octokit,
    ...(request && { request }),
  });
  const octokit = await probot.auth(INSTALLATION);
  return {
    read: () =>
      octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        ...route,
        pull_number: 2,
      }),
    write: () =>
      octokit.request(
        "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
        {
          ...route,
          issue_number: 2,
          labels: ["WIP"],
        },
      ),
  };
}

function rawFetchClient() {
  const headers = {
    accept: "application/vnd.github.v3+json",
    authorization: "token fake-installation-token",
  };
  const base = `${github.baseUrl}/repos/Codertocat/Hello-World`;
  return {
    read: async () => (await fetch(`${base}/pulls/2`, { headers })).json(),
    write: async () =>
      (
        await fetch(`${base}/issues/2/labels`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ labels: ["WIP"] }),
        })
      ).json(),
  };
}

const clients = [
  { name: "raw fetch", client: rawFetchClient() },
  {
    name: "Probot's Octokit, throttle + retry + deadline fetch (before)",
    client: await octokitClient(probotOctokitAsBefore(), {
      fetch: deadlineFetchAsBefore(10_000),
    }),
  },
  {
    name: "Probot's Octokit, throttle and retry off (no spacing, retries or deadline)",
    client: await octokitClient(
      ProbotOctokit.defaults((options) => ({
        ...options,
        throttle: { enabled: false },
        retry: { enabled: false },
      })),
    ),
  },
  {
    name: "ours: the request pipeline",
    client: await octokitClient(
      createDesignDocsOctokit({
        writeIntervalMs: 0,
        notificationIntervalMs: 0,
      }),
    ),
  },
];

async function perCall(call) {
  for (let i = 0; i < WARMUP; i += 1) await call();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < CALLS; i += 1) await call();
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return { wall: wall / CALLS, cpu: (user + system) / 1000 / CALLS };
}

const median = (values) =>
  [...values].sort((a, b) => a - b)[values.length >> 1];
const results = clients.map(() => ({ read: [], write: [] }));
for (let round = 0; round < ROUNDS; round += 1)
  for (const [index, { client }] of clients.entries())
    for (const kind of ["read", "write"])
      results[index][kind].push(await perCall(client[kind]));
await github.stop();

const figures = results.map((result) =>
  Object.fromEntries(
    ["read", "write"].map((kind) => [
      kind,
      {
        wall: median(result[kind].map((entry) => entry.wall)),
        cpu: median(result[kind].map((entry) => entry.cpu)),
      },
    ]),
  ),
);
console.log(
  `${CALLS} sequential calls of each kind per round, median of ${ROUNDS} rounds; GET a PR, POST its labels.\n`,
);
console.log(
  "| client | GET wall ms/call | GET CPU ms/call | CPU vs raw | POST wall ms/call | POST CPU ms/call | CPU vs raw |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [index, { name }] of clients.entries()) {
  const cells = ["read", "write"].flatMap((kind) => {
    const { wall, cpu } = figures[index][kind];
    return [
      wall.toFixed(2),
      cpu.toFixed(2),
      `${(cpu / figures[0][kind].cpu).toFixed(2)}x`,
    ];
  });
  console.log(`| ${name} | ${cells.join(" | ")} |`);
}
const ours = figures[3];
const wallMet = ["read", "write"].every(
  (kind) => ours[kind].wall <= TARGET_WALL_MS,
);
const cpuMet = ["read", "write"].every(
  (kind) => ours[kind].cpu / figures[0][kind].cpu <= TARGET_CPU_RATIO,
);
console.log(
  `\nOurs: wall ≤ ${TARGET_WALL_MS} ms per call ${wallMet ? "met" : "NOT met"}; CPU ≤ ${TARGET_CPU_RATIO}x raw fetch's ${cpuMet ? "met" : "NOT met"}.`,
);
