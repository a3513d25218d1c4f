import { afterEach, beforeEach, expect, jest, test } from "@jest/globals";
import nock from "nock";
import {
  HEAD_SHA,
  REPO,
  blobReply,
  capture,
  changedFile,
  createTestProbot,
  mockConfig,
  mockGitHub,
  mockReads,
  pullRequestEvent,
  pullRequestReply,
} from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";

const FILLED = fixture("docs/filled-design-doc.md");

// The production Octokit: writes a second apart, retries with backoff.
jest.setTimeout(30_000);

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeEach(() => {
  nock.disableNetConnect();
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
  nock.cleanAll();
});

/** Every call of a first run on a PR with one doc, in the order the App makes them. */
const CALLS = [
  "list files",
  "list comments",
  "read PR",
  "read blob",
  "list check runs",
  "create comment",
  "add label",
  "style label",
  "create check run",
] as const;
type Call = (typeof CALLS)[number];

/** Mocks the run; the call named `failing` first answers `status` (once), then as usual. */
function mockRun(failing: Call, status: number) {
  const written = {
    comments: [] as { body: string }[],
    labels: [] as { labels: string[] }[],
    runs: [] as { conclusion: string; head_sha: string }[],
  };
  const scope = mockConfig(mockGitHub());
  const step = (call: Call, mock: (scope: nock.Scope) => nock.Interceptor) => {
    if (call === failing) mock(scope).reply(status, { message: "injected" });
    return mock(scope);
  };
  step("list files", (s) => s.get(`${REPO}/pulls/2/files`).query(true)).reply(
    200,
    [changedFile("docs/design/a.md", "a1")],
  );
  step("list comments", (s) =>
    s.get(`${REPO}/issues/2/comments`).query(true),
  ).reply(200, []);
  step("read PR", (s) => s.get(`${REPO}/pulls/2`)).reply(
    200,
    pullRequestReply(),
  );
  step("read blob", (s) => s.get(`${REPO}/git/blobs/a1`)).reply(
    200,
    blobReply(FILLED),
  );
  step("list check runs", (s) =>
    s.get(`${REPO}/commits/${HEAD_SHA}/check-runs`).query(true),
  ).reply(200, { total_count: 0, check_runs: [] });
  step("create comment", (s) =>
    s.post(`${REPO}/issues/2/comments`, capture(written.comments)),
  ).reply(201, {});
  step("add label", (s) =>
    s.post(`${REPO}/issues/2/labels`, capture(written.labels)),
  ).reply(200, [{ name: "In Review", color: "ededed", description: "" }]);
  step("style label", (s) => s.patch(`${REPO}/labels/In%20Review`)).reply(
    200,
    {},
  );
  step("create check run", (s) =>
    s.post(`${REPO}/check-runs`, capture(written.runs)),
  ).reply(201, { id: 1 });
  return { scope, written };
}

// Each call fails once, with 500, 502 and 503 in turn.
const cases = CALLS.map((call, index) => ({
  call,
  status: [500, 502, 503][index % 3] as number,
}));

test.each(cases)(
  "$status on $call: retried, and the PR ends with one comment, its label and its check run",
  async ({ call, status }) => {
    const probot = await createTestProbot({ production: true });
    const { scope, written } = mockRun(call, status);
    await probot.receive(pullRequestEvent("opened"));
    expect(scope.pendingMocks()).toEqual([]);
    // A failed attempt is captured too; what counts is the last body of each write.
    expect(written.comments.at(-1)?.body).toContain(
      "### ✅ Design docs: 1 design doc checked: every requirement met",
    );
    expect(written.labels.at(-1)).toEqual({ labels: ["In Review"] });
    expect(written.runs.at(-1)).toMatchObject({
      head_sha: HEAD_SHA,
      conclusion: "success",
    });
    expect(unhandled).toEqual([]);
  },
);

test("a 404 mid-run (the branch was deleted) is logged with the delivery id, and nothing is left unhandled", async () => {
  const logs: Record<string, unknown>[] = [];
  const probot = await createTestProbot({ production: true, logs });
  const scope = mockConfig(mockGitHub())
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(404, { message: "Not Found" })
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, []);
  await expect(probot.receive(pullRequestEvent("opened"))).rejects.toThrow();
  // The config read that was under way when the file list failed still finishes.
  for (let wait = 0; wait < 100 && !scope.isDone(); wait += 1)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(scope.pendingMocks()).toEqual([]);
  expect(logs).toContainEqual(
    expect.objectContaining({
      level: 50,
      deliveryId: "delivery-opened",
      msg: "Codertocat/Hello-World#2: run failed",
    }),
  );
  expect(unhandled).toEqual([]);
});

test("a PR closed mid-run is left alone, with no write", async () => {
  const probot = await createTestProbot({ production: true });
  const scope = mockReads(mockGitHub(), {
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED },
    pr: { state: "closed" },
  });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(unhandled).toEqual([]);
});
