import { afterEach, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import {
  sendWebhook,
  startServer,
  type RunningServer,
} from "../helpers/server.js";

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

test("a delivery whose work outlasts GitHub's 10 s is answered 202 in time, and its work still lands", async () => {
  // Every API call takes 2 s: the run's round trips add up to well over 10 s.
  github = new FakeGitHub({ delayMs: 2000 });
  const base = await github.start();
  github.setPullRequest(REPO, 2, {
    headSha: HEAD_SHA,
    files: { "docs/design/a.md": fixture("docs/filled-design-doc.md") },
  });
  server = await startServer(new URL(base).host, {});

  const sent = performance.now();
  const response = await sendWebhook(server.url, pullRequestEvent("opened"));
  const answeredAt = performance.now();
  expect(response.status).toBe(202);
  expect(answeredAt - sent).toBeLessThan(GITHUB_DELIVERY_TIMEOUT_MS);

  const line = await server.waitForLine('"deliveryId":"delivery-opened"');
  expect(JSON.parse(line)).toMatchObject({
    msg: "Codertocat/Hello-World#2: 1 design doc(s), success, comment created, labels, check run",
  });
  // The writes came after the answer: the work carried on.
  const writes = github.requests.filter(
    (request) =>
      request.method !== "GET" && !request.path.endsWith("/access_tokens"),
  );
  expect(writes).toHaveLength(4);
  expect(Math.min(...writes.map((request) => request.end))).toBeGreaterThan(
    answeredAt,
  );
  const state = github.pullRequestState(REPO, 2);
  expect(state.comments).toHaveLength(1);
  expect(state.labels).toEqual(["In Review"]);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({ name: "Design docs", conclusion: "success" }),
  ]);
});
