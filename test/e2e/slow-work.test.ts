import { afterEach, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import {
  sendWebhook,
  startServer,
  type RunningServer,
} from "../helpers/server.js";

// Work that outlasts its delivery: acknowledged within GitHub's 10 s and finished, and on
// SIGTERM drained within its bound.
jest.setTimeout(60_000);

const REPO = "Codertocat/Hello-World";
/** GitHub counts a delivery as failed when it is not answered within this. */
const GITHUB_DELIVERY_TIMEOUT_MS = 10_000;
let github: FakeGitHub | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop();
  await github?.stop();
});

/** A server whose GitHub answers every call after `delayMs`, with a PR holding one doc. */
async function start(delayMs: number, env: Record<string, string> = {}) {
  github = new FakeGitHub({ delayMs });
  const base = await github.start();
  github.setPullRequest(REPO, 2, {
    headSha: HEAD_SHA,
    files: { "docs/design/a.md": fixture("docs/filled-design-doc.md") },
  });
  server = await startServer(new URL(base).host, env);
  return { github, server };
}

/** Resolves once GitHub has seen a request: the delivery is being worked on. */
async function firstRequest(fake: FakeGitHub): Promise<void> {
  while (fake.requests.length === 0)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

test("SIGTERM: still listening, new deliveries get 503 and /ping says draining, the one in flight finishes, then exit 0", async () => {
  const { github, server } = await start(100);
  const inFlight = sendWebhook(server.url, pullRequestEvent("opened"));
  await firstRequest(github);
  server.process.kill("SIGTERM");
  await server.waitForLine("taking no new deliveries");
  // The server keeps listening while it drains: a delivery after the signal is answered 503
  // (GitHub keeps it for redelivery), and /ping says it is draining.
  const late = await sendWebhook(server.url, pullRequestEvent("synchronize"));
  expect(late.status).toBe(503);
  expect(late.headers.get("retry-after")).toBe("10");
  const ping = await fetch(`${server.url}/ping`);
  expect([ping.status, await ping.text()]).toEqual([503, "draining"]);

  expect(await server.exited).toBe(0);
  expect((await inFlight).status).toBe(200);
  const state = github.pullRequestState(REPO, 2);
  expect(state.comments).toHaveLength(1);
  expect(state.labels).toEqual(["In Review"]);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({ name: "Design docs", conclusion: "success" }),
  ]);
  expect(server.output.join("\n")).toContain(
    "Stopped: every delivery finished",
  );
  expect(server.output.join("\n")).not.toContain("delivery-synchronize");
});

test("SIGTERM: work that outlasts SHUTDOWN_TIMEOUT_MS is named in the log, and the exit is still 0", async () => {
  const { github, server } = await start(1500, { SHUTDOWN_TIMEOUT_MS: "200" });
  void sendWebhook(server.url, pullRequestEvent("opened")).catch(
    () => undefined,
  );
  await firstRequest(github);
  server.process.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  const line = await server.waitForLine("unfinished");
  expect(JSON.parse(line)).toMatchObject({
    level: 40,
    prsInFlight: 1,
    msg: "Stopped after 200 ms with 1 PR(s) unfinished; GitHub can redeliver their events",
  });
});

test("a delivery whose work outlasts GitHub's 10 s is answered 202 in time, and its work still lands", async () => {
  // Every API call takes 2 s: the run's round trips add up to well over 10 s.
  const { github, server } = await start(2000);

  const sent = performance.now();
  const response = await sendWebhook(server.url, pullRequestEvent("opened"));
  const answeredAt = performance.now();
  expect(response.status).toBe(202);
  expect(answeredAt - sent).toBeLessThan(GITHUB_DELIVERY_TIMEOUT_MS);

  const line = await server.waitForLine('"deliveryId":"delivery-opened"');
  expect(JSON.parse(line)).toMatchObject({
    msg: "Codertocat/Hello-World#2: 1 design doc(s), success, check run, comment created, labels",
  });
  // The writes went on after the answer: the work carried on. (The check run, written first,
  // may land before it now that the reads take fewer round trips; the last write cannot.)
  const writes = github.requests.filter(
    (request) =>
      request.method !== "GET" && !request.path.endsWith("/access_tokens"),
  );
  expect(writes).toHaveLength(4);
  expect(Math.max(...writes.map((request) => request.end))).toBeGreaterThan(
    answeredAt,
  );
  const state = github.pullRequestState(REPO, 2);
  expect(state.comments).toHaveLength(1);
  expect(state.labels).toEqual(["In Review"]);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({ name: "Design docs", conclusion: "success" }),
  ]);
});
