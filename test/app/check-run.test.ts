import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect, test } from "@jest/globals";
import nock from "nock";
import {
  HEAD_SHA,
  REPO,
  blobReply,
  capture,
  changedFile,
  createTestProbot,
  mockGitHub,
  mockReads,
  pullRequestEvent,
  pullRequestReply,
} from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";

const FILLED = fixture("docs/filled-design-doc.md");
const TEMPLATE = readFileSync(
  new URL("../../templates/design-doc.md", import.meta.url),
  "utf8",
);

type CheckRunBody = {
  conclusion: string;
  output: {
    title: string;
    summary: string;
    annotations: Record<string, unknown>[];
  };
};

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

test("a WIP doc with unmet requirements gets a neutral check run with warning annotations", async () => {
  const probot = await createTestProbot();
  const runs: CheckRunBody[] = [];
  const doc = FILLED.replace(
    "**Status:** In Review",
    "**Status:** WIP",
  ).replace(/### Alternatives\n[^#]*/u, "");
  const scope = mockReads(mockGitHub(), {
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: doc },
    pr: { labels: ["WIP"] },
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(runs[0]?.conclusion).toBe("neutral");
  expect(runs[0]?.output.title).toBe(
    "1 design doc checked: warnings only (1 requirement unmet)",
  );
  expect(runs[0]?.output.annotations).toEqual([
    {
      path: "docs/design/a.md",
      start_line: 1,
      end_line: 1,
      annotation_level: "warning",
      title: 'Section "Alternatives"',
      message:
        'Section "Alternatives" is missing; expected a heading "Alternatives" under "Design"',
    },
  ]);
});

test("a failing PR's annotations are sent 50 at a time", async () => {
  const probot = await createTestProbot();
  const runs: CheckRunBody[] = [];
  const updates: CheckRunBody[] = [];
  const files = ["a", "b", "c", "d"].map((name) =>
    changedFile(`docs/design/${name}.md`, `${name}1`),
  );
  const scope = mockReads(mockGitHub(), {
    files,
    blobs: { a1: TEMPLATE, b1: TEMPLATE, c1: TEMPLATE, d1: TEMPLATE },
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 42 })
    .patch(`${REPO}/check-runs/42`, capture(updates))
    .reply(200, {});
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  const [created] = runs;
  expect(created?.conclusion).toBe("failure");
  expect(created?.output.annotations).toHaveLength(50);
  expect(created?.output.annotations[0]).toMatchObject({
    path: "docs/design/a.md",
    annotation_level: "failure",
  });
  const total =
    50 +
    updates.reduce((sum, update) => sum + update.output.annotations.length, 0);
  expect(
    updates.every((update) => update.output.annotations.length <= 50),
  ).toBe(true);
  expect(updates[0]?.output.summary).toBe(created?.output.summary);
  expect(total).toBeGreaterThan(50);
});

test("dry-run mode writes a neutral check run and nothing else", async () => {
  const probot = await createTestProbot();
  const runs: CheckRunBody[] = [];
  const scope = mockReads(mockGitHub(), {
    config: "mode: dry-run\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: TEMPLATE },
  })
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(runs[0]?.conclusion).toBe("neutral");
  expect(runs[0]?.output.title).toMatch(/^Dry run: 1 of 1 design doc fails/u);
});

test("checkRun: false leaves check runs alone", async () => {
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    config: "checkRun: false\n",
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED },
    pr: { labels: ["In Review"] },
    checkRuns: null,
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {});
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("a PR whose head moved on since the event is read again at its new head, and gets its check run there", async () => {
  const probot = await createTestProbot();
  const moved = "f".repeat(40);
  const scope = mockReads(mockGitHub(), {
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED },
    pr: { labels: ["In Review"], sha: moved },
  })
    // The file list first read may be the older head's: it is read again, after the PR.
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, [changedFile("docs/design/a.md", "a2")])
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [])
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestReply({ labels: ["In Review"], sha: moved }))
    .get(`${REPO}/git/blobs/a2`)
    .reply(200, blobReply(FILLED.replace("## Alternatives", "## Other")))
    .get(`${REPO}/commits/${moved}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .post(
      `${REPO}/check-runs`,
      (body: { head_sha: string; conclusion: string }) =>
        body.head_sha === moved && body.conclusion === "failure",
    )
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(HEAD_SHA).not.toBe(moved);
});
