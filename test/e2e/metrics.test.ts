import { afterEach, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import {
  sendWebhook,
  startServer,
  type RunningServer,
} from "../helpers/server.js";

// /metrics and /ready as an operator's Prometheus and load balancer see them: the built
// server as a child process, against the fake GitHub.
jest.setTimeout(60_000);

const REPO = "Codertocat/Hello-World";
const TOKEN = "metrics-token-for-e2e";
const UNSET_WARNING = "METRICS_TOKEN is not set";
/** A doc path and a branch no label may carry. */
const WEIRD_PATH = 'docs/design/"}evil{x="1" <b>path</b>.md';
const WEIRD_BRANCH = 'feature/"}branch-evil{';

let github: FakeGitHub | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop();
  await github?.stop();
});

async function start(env: Record<string, string> = {}, delayMs = 1) {
  github = new FakeGitHub({ delayMs });
  const base = await github.start();
  server = await startServer(new URL(base).host, env);
  return { github, server };
}

/** The sample lines of /metrics, read with `token` when given. */
async function metricLines(url: string, token?: string): Promise<string[]> {
  const response = await fetch(`${url}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return (await response.text())
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));
}

test("a delivery shows in /metrics: the delivery, its doc, the GitHub calls by route template, the rate limit; no user text", async () => {
  const { github, server } = await start();
  github.setPullRequest(REPO, 2, {
    headSha: HEAD_SHA,
    files: {
      [WEIRD_PATH]: fixture("docs/filled-design-doc.md"),
      "README.md": "# Hello\n",
    },
  });
  const opened = pullRequestEvent("opened", (payload) => {
    (payload.pull_request as unknown as { head: { ref: string } }).head.ref =
      WEIRD_BRANCH;
  });
  expect((await sendWebhook(server.url, opened)).status).toBe(200);
  const ignored = pullRequestEvent("assigned");
  expect((await sendWebhook(server.url, ignored)).status).toBe(200);

  const lines = await metricLines(server.url);
  expect(lines).toEqual(
    expect.arrayContaining([
      'design_docs_deliveries_total{event="pull_request",action="opened",outcome="success"} 1',
      'design_docs_delivery_duration_seconds_count{event="pull_request"} 1',
      "design_docs_queue_wait_seconds_count 1",
      'design_docs_docs_checked_total{outcome="success"} 1',
      'design_docs_worker_tasks_total{task="check",result="ok"} 1',
      'design_docs_github_requests_total{method="GET",route="/repos/{owner}/{repo}/pulls/{pull_number}",status="200"} 1',
      'design_docs_github_requests_total{method="POST",route="/repos/{owner}/{repo}/issues/{issue_number}/comments",status="201"} 1',
      `design_docs_github_rate_limit_remaining{installation="2"} ${github.rateLimitRemaining}`,
    ]),
  );
  // An event the app does not handle is not a delivery it counts.
  expect(lines.join("\n")).not.toContain('action="assigned"');
  // Every call GitHub answered is counted once, under a template, never a path.
  const counted = lines
    .filter((line) => line.startsWith("design_docs_github_requests_total"))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
  expect(counted).toBe(github.requests.length);
  const text = lines.join("\n");
  for (const typed of [
    "evil",
    "Hello-World",
    "Codertocat",
    "README",
    "In Review",
  ])
    expect(text).not.toContain(typed);
});

test("with METRICS_TOKEN, /metrics answers only its bearer token: 401 otherwise", async () => {
  const { server } = await start({ METRICS_TOKEN: TOKEN });
  for (const authorization of [
    undefined,
    "Bearer not-the-token",
    `Bearer ${TOKEN}x`,
    `Basic ${TOKEN}`,
    TOKEN,
  ]) {
    const response = await fetch(`${server.url}/metrics`, {
      headers: authorization === undefined ? {} : { authorization },
    });
    expect([authorization, response.status]).toEqual([authorization, 401]);
    expect(await response.text()).not.toContain("design_docs_");
  }
  expect(
    (await metricLines(server.url, TOKEN)).some((line) =>
      line.startsWith("design_docs_process_cpu_user_seconds_total"),
    ),
  ).toBe(true);
  expect(server.output.join("\n")).not.toContain(UNSET_WARNING);
});

test("in production without METRICS_TOKEN the server warns at start, and /metrics is open", async () => {
  const { server } = await start();
  const line = await server.waitForLine(UNSET_WARNING);
  expect(JSON.parse(line)).toMatchObject({ level: 40 });
  expect((await metricLines(server.url)).length).toBeGreaterThan(0);
});

test("/ready says ready, then 503 with the reason while draining after SIGTERM; /ping is unchanged until then", async () => {
  const { github, server } = await start({}, 100);
  github.setPullRequest(REPO, 2, {
    headSha: HEAD_SHA,
    files: { "docs/design/a.md": fixture("docs/filled-design-doc.md") },
  });
  const ready = await fetch(`${server.url}/ready`);
  expect([ready.status, await ready.text()]).toEqual([200, "ready"]);
  const ping = await fetch(`${server.url}/ping`);
  expect([ping.status, await ping.text()]).toEqual([200, "PONG"]);

  // A delivery in flight keeps the server listening while it drains.
  const inFlight = sendWebhook(server.url, pullRequestEvent("opened"));
  while (github.requests.length === 0)
    await new Promise((resolve) => setTimeout(resolve, 5));
  server.process.kill("SIGTERM");
  await server.waitForLine("taking no new deliveries");
  const draining = await fetch(`${server.url}/ready`);
  expect([draining.status, await draining.text()]).toEqual([
    503,
    "not ready: draining: taking no new deliveries",
  ]);
  expect((await inFlight).status).toBe(200);
  expect(await server.exited).toBe(0);
});
