import { afterEach, beforeEach, expect, jest, test } from "@jest/globals";
import nock from "nock";
import {
  HEAD_SHA,
  createTestProbot,
  pullRequestEvent,
} from "../helpers/app.js";
import {
  REPO,
  blobReply,
  capture,
  changedFile,
  mockConfig,
  mockGitHub,
  mockReads,
  pullRequestReply,
} from "../helpers/nock-github.js";
import { describeFailure } from "../../src/handlers/report-failure.js";
import { fixture } from "../helpers/engine.js";

const FILLED = fixture("docs/filled-design-doc.md");

// The production Octokit: retries with (shortened) backoff.
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

/** How a call goes wrong: the answer its interceptor gives instead of the right one. */
type Fault = (interceptor: nock.Interceptor) => void;

const answer =
  (status: number): Fault =>
  (interceptor) => {
    interceptor.reply(status, { message: "injected" });
  };
/**
 * The deadline each request has in these tests, and a call that outlasts it. Long enough
 * that an answered request never misses it on a loaded machine (a miss is retried, and the
 * retry finds no mock); each "no answer" case waits it out once.
 */
const GITHUB_TIMEOUT_MS = 1000;
const hang: Fault = (interceptor) => {
  interceptor.delay(GITHUB_TIMEOUT_MS * 5).reply(200, {});
};

/**
 * Mocks the run; the call named `failing` first goes wrong `times` times (once by default),
 * then answers as usual. Octokit makes four attempts at a call, so four faults exhaust it.
 */
function mockRun(failing: Call, fault: Fault, times = 1) {
  const written = {
    comments: [] as { body: string }[],
    labels: [] as { labels: string[] }[],
    runs: [] as {
      conclusion: string;
      head_sha: string;
      output: { title: string; summary: string };
    }[],
  };
  const scope = mockConfig(mockGitHub());
  const step = (call: Call, mock: (scope: nock.Scope) => nock.Interceptor) => {
    if (call === failing)
      for (let made = 0; made < times; made += 1) fault(mock(scope));
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

const rateLimited =
  (status: 403 | 429): Fault =>
  (interceptor) => {
    interceptor.reply(
      status,
      {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
      { "retry-after": "1" },
    );
  };

// Each call goes wrong once in each way: 500, 502 and 503 in turn; a secondary rate limit
// (403 and 429 in turn, with retry-after); no answer by its deadline.
const recoverable = CALLS.flatMap((call, index) => {
  const status = [500, 502, 503][index % 3] as number;
  const limit = index % 2 ? 429 : 403;
  return [
    { call, fault: answer(status), what: `${status}` },
    {
      call,
      fault: rateLimited(limit),
      what: `a secondary rate limit (${limit}, retry-after)`,
    },
    { call, fault: hang, what: "no answer by the deadline" },
  ];
});

test.each(recoverable)(
  "$what on $call: retried, and the PR ends with one comment, its label and its check run",
  async ({ call, fault }) => {
    const probot = await createTestProbot({
      production: true,
      githubTimeoutMs: GITHUB_TIMEOUT_MS,
    });
    const { scope, written } = mockRun(call, fault);
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

test("422 already_exists when another run creates the status label at the same moment: added again", async () => {
  const probot = await createTestProbot({ production: true });
  const { scope, written } = mockRun("add label", (interceptor) => {
    interceptor.reply(422, {
      message: "Validation Failed",
      errors: [{ resource: "Label", code: "already_exists", field: "name" }],
    });
  });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(written.labels).toEqual([
    { labels: ["In Review"] },
    { labels: ["In Review"] },
  ]);
  expect(written.runs.at(-1)).toMatchObject({ conclusion: "success" });
});

test.each([
  {
    call: "create comment" as const,
    fault: answer(502),
    said: "GitHub answered 502 to `POST /repos/Codertocat/Hello-World/issues/2/comments`",
  },
  {
    call: "read blob" as const,
    fault: hang,
    said: `GitHub did not answer \`GET /repos/Codertocat/Hello-World/git/blobs/a1\` within ${GITHUB_TIMEOUT_MS} ms`,
  },
])(
  "$call failing on every attempt: a failing check run says what happened, and the log has the delivery id",
  async ({ call, fault, said }) => {
    const logs: Record<string, unknown>[] = [];
    const probot = await createTestProbot({
      production: true,
      githubTimeoutMs: GITHUB_TIMEOUT_MS,
      logs,
    });
    const { scope, written } = mockRun(call, fault, 4);
    // The failing check run, after the run's own where the run got that far.
    scope
      .post(`${REPO}/check-runs`, capture(written.runs))
      .optionally()
      .reply(201, { id: 2 });
    await expect(probot.receive(pullRequestEvent("opened"))).rejects.toThrow();
    expect(written.runs.at(-1)).toEqual(
      expect.objectContaining({
        head_sha: HEAD_SHA,
        conclusion: "failure",
        output: {
          title: "Could not finish checking",
          summary: [
            `Design Docs Bot could not finish checking this pull request: ${said}.`,
            "",
            "Its checklist comment and status label may be out of date. Re-run this check to check the PR again (its next push or edit does too); an organisation owner can also redeliver delivery `delivery-opened` from the GitHub App's advanced settings.",
          ].join("\n"),
          annotations: [],
        },
      }),
    );
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        deliveryId: "delivery-opened",
        msg: "Codertocat/Hello-World#2: run failed",
      }),
    );
    expect(unhandled).toEqual([]);
  },
);

test("when even the failing check run cannot be written, the log says so with the delivery id", async () => {
  const logs: Record<string, unknown>[] = [];
  const probot = await createTestProbot({ production: true, logs });
  // Four attempts at the run's check run, then four at the one reporting the failure.
  const { written } = mockRun("create check run", answer(500), 8);
  await expect(probot.receive(pullRequestEvent("opened"))).rejects.toThrow();
  expect(written.runs).toHaveLength(8);
  expect(written.runs.at(-1)).toMatchObject({ conclusion: "failure" });
  expect(logs).toContainEqual(
    expect.objectContaining({
      level: 40,
      deliveryId: "delivery-opened",
      msg: "Codertocat/Hello-World#2: could not report the failed run on the PR",
    }),
  );
  expect(unhandled).toEqual([]);
});

test("a 404 mid-run (the branch was deleted) is nothing to do: logged with the delivery id, nothing said on the PR, the delivery succeeds", async () => {
  const logs: Record<string, unknown>[] = [];
  const probot = await createTestProbot({ production: true, logs });
  const scope = mockConfig(mockGitHub())
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(404, { message: "Not Found" })
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, []);
  await probot.receive(pullRequestEvent("opened"));
  // The config read that was under way when the file list failed still finishes.
  for (let wait = 0; wait < 100 && !scope.isDone(); wait += 1)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(scope.pendingMocks()).toEqual([]);
  expect(logs).toContainEqual(
    expect.objectContaining({
      level: 30,
      deliveryId: "delivery-opened",
      msg: "Codertocat/Hello-World#2: gone (GitHub answered 404), nothing to do",
    }),
  );
  // The branch is gone: no failing check run is attempted (none is mocked, so one would be logged).
  expect(logs.map((line) => line.msg)).not.toContain(
    "Codertocat/Hello-World#2: could not report the failed run on the PR",
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

test("a failure that is not GitHub's answer is called unexpected on the PR; its details stay in the log", () => {
  expect(describeFailure(new TypeError("reading 'sha' of undefined"))).toBe(
    "the bot hit an unexpected error",
  );
});

test("a rate limit spent until long after (x-ratelimit-remaining 0) is not waited for: the failing check run says until when", async () => {
  const probot = await createTestProbot({ production: true });
  const { scope, written } = mockRun("read blob", (interceptor) => {
    interceptor.reply(
      403,
      { message: "API rate limit exceeded for installation ID 2." },
      // 2100-01-01T00:00:00Z
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "4102444800" },
    );
  });
  scope
    .post(`${REPO}/check-runs`, capture(written.runs))
    .optionally()
    .reply(201, { id: 2 });
  await expect(probot.receive(pullRequestEvent("opened"))).rejects.toThrow();
  expect(written.runs.at(-1)?.output.summary).toContain(
    "could not finish checking this pull request: GitHub's rate limit for this installation was used up at `GET /repos/Codertocat/Hello-World/git/blobs/a1`, until 00:00 UTC.",
  );
  expect(unhandled).toEqual([]);
});
