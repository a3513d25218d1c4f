import { afterEach, beforeEach, expect, test } from "@jest/globals";
import nock from "nock";
import {
  HEAD_SHA,
  REPO,
  blobReply,
  capture,
  changedFile,
  commentReply,
  createTestProbot,
  marked,
  mockGitHub,
  mockReads,
  pullRequestEvent,
  pullRequestReply,
  rerunEvent,
} from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";

const DOC = "docs/design/audit-export.md";
const FILLED = fixture("docs/filled-design-doc.md");
const ONE_DOC = { files: [changedFile(DOC, "b1")], blobs: { b1: FILLED } };

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

/** Runs `opened` on a fresh PR and returns the comment and check run the bot wrote. */
async function firstRun(): Promise<{
  comment: string;
  checkRun: { conclusion: string; output: { title: string; summary: string } };
}> {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const runs: {
    conclusion: string;
    output: { title: string; summary: string };
  }[] = [];
  const scope = mockReads(mockGitHub(), ONE_DOC)
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, { id: 7 })
    // GitHub creates the missing label, grey; the bot then gives it its colour.
    .post(`${REPO}/issues/2/labels`, { labels: ["In Review"] })
    .reply(200, [{ name: "In Review", color: "ededed", description: null }])
    .patch(`${REPO}/labels/In%20Review`, {
      color: "1d76db",
      description: "Design doc: ready for review",
    })
    .reply(200, {})
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 99 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
  return {
    comment: (comments[0] as { body: string }).body,
    checkRun: runs[0] as (typeof runs)[number],
  };
}

test("a PR that adds a design doc gets one checklist comment, its status label and a check run", async () => {
  const { comment, checkRun } = await firstRun();
  const lines = comment.split("\n");
  expect(lines.slice(0, 10)).toEqual([
    "<!-- design-docs-bot: checklist -->",
    "### ✅ Design docs: 1 design doc checked: every requirement met",
    "",
    "Status label: **In Review**.",
    "",
    "#### ✅ docs/design/audit-export.md",
    "Template: design-doc \\(it has 16 of 16 sections of design-doc\\) · Status: In Review → In Review",
    "",
    "- [x] Title",
    '- [x] Field "Owner"',
  ]);
  expect(lines).toContain('- [x] Section "Alternatives"');
  expect(lines.filter((line) => line.startsWith("- [ ]"))).toEqual([]);
  expect(checkRun).toMatchObject({
    name: "Design docs",
    head_sha: HEAD_SHA,
    status: "completed",
    conclusion: "success",
    output: {
      title: "1 design doc checked: every requirement met",
      summary: lines.slice(1).join("\n"),
      annotations: [],
    },
  });
});

/** The reads of the PR after `firstRun`: its comment, label and check run all current. */
function mockReadsAfter(first: Awaited<ReturnType<typeof firstRun>>) {
  return mockReads(mockGitHub(), {
    ...ONE_DOC,
    comments: [commentReply(7, first.comment)],
    pr: { labels: ["In Review", "bug"] },
    checkRuns: [
      {
        id: 99,
        status: "completed",
        conclusion: first.checkRun.conclusion,
        output: first.checkRun.output,
      },
    ],
  });
}

test("a redelivered event makes reads only", async () => {
  const first = await firstRun();
  const probot = await createTestProbot();
  const scope = mockReadsAfter(first);
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("Re-run on the check: the PR is checked again and a fresh check run written, though the latest says the same", async () => {
  const first = await firstRun();
  const probot = await createTestProbot();
  const runs: unknown[] = [];
  const scope = mockReadsAfter(first)
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 100 });
  // A re-run of the latest check run, the one mockReadsAfter lists.
  await probot.receive(
    rerunEvent((checkRun) => {
      Object.assign(checkRun, { id: 99 });
    }),
  );
  expect(scope.pendingMocks()).toEqual([]);
  expect(runs).toEqual([
    expect.objectContaining({ head_sha: HEAD_SHA, ...first.checkRun }),
  ]);
});

test("a re-run of another app's check, or of another check, is left alone", async () => {
  const probot = await createTestProbot();
  const scope = mockGitHub();
  await probot.receive(
    rerunEvent((checkRun) => {
      checkRun.app = { id: 999 };
    }),
  );
  await probot.receive(
    rerunEvent((checkRun) => {
      checkRun.name = "build";
    }),
  );
  // Only the optional token mock is left: no call was made.
  expect(scope.activeMocks()).toHaveLength(1);
});

test("a re-run GitHub lists no PR for (the PR's branch is in a fork) is logged, and nothing called", async () => {
  const logs: Record<string, unknown>[] = [];
  const probot = await createTestProbot({ logs });
  const scope = mockGitHub();
  await probot.receive(
    rerunEvent((checkRun) => {
      checkRun.pull_requests = [];
    }),
  );
  expect(scope.activeMocks()).toHaveLength(1);
  expect(logs).toContainEqual(
    expect.objectContaining({
      deliveryId: "delivery-rerequested",
      repo: "Codertocat/Hello-World",
      msg: "Re-run of a check with no pull request in this repository (a fork's PR is checked on its next push or edit)",
    }),
  );
});

test("a PR that changes no design doc gets no comment, label or check run", async () => {
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    files: [
      changedFile("README.md", "r1"),
      changedFile("docs/design/diagram.png", "p1"),
      changedFile("docs/design/old.md", "o1", "removed"),
    ],
  });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("a PR that no longer changes a design doc has its comment edited to say so, a passing check run and no status label", async () => {
  const probot = await createTestProbot();
  const text = [
    "### Design docs: nothing to check",
    "",
    "This pull request no longer changes any design doc (`docs/design/**/*.md`).",
  ].join("\n");
  const scope = mockReads(mockGitHub(), {
    files: [changedFile("README.md", "r1")],
    comments: [commentReply(7, marked("### ✅ Design docs: …"))],
    blobs: {},
    pr: { labels: ["In Review", "bug"] },
  })
    .patch(`${REPO}/issues/comments/7`, { body: marked(text) })
    .reply(200, {})
    .delete(`${REPO}/issues/2/labels/In%20Review`)
    .reply(200, [])
    .post(`${REPO}/check-runs`, {
      name: "Design docs",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "success",
      output: {
        title: "No design docs in this PR any more",
        summary: text,
        annotations: [],
      },
    })
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("a comment where a user pasted the marker is not the bot's: the bot posts its own", async () => {
  const { comment } = await firstRun();
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    ...ONE_DOC,
    comments: [
      commentReply(3, comment.replace("✅", "❌"), { appId: null }),
      commentReply(4, comment, { appId: 12345 }),
    ],
    pr: { labels: ["In Review"] },
  })
    .post(`${REPO}/issues/2/comments`, { body: comment })
    .reply(201, { id: 8 })
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 100 });
  await probot.receive(pullRequestEvent("reopened"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("several checklist comments: the oldest is kept and brought up to date, the rest deleted", async () => {
  const { comment, checkRun } = await firstRun();
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    ...ONE_DOC,
    comments: [
      commentReply(12, comment, { createdAt: "2026-11-23T10:00:02Z" }),
      commentReply(11, marked("stale"), { createdAt: "2026-11-23T10:00:01Z" }),
      commentReply(13, comment, { createdAt: "2026-11-23T10:00:03Z" }),
    ],
    pr: { labels: ["In Review"] },
    checkRuns: [
      {
        id: 99,
        status: "completed",
        conclusion: "success",
        output: checkRun.output,
      },
    ],
  })
    .patch(`${REPO}/issues/comments/11`, { body: comment })
    .reply(200, {})
    .delete(`${REPO}/issues/comments/12`)
    .reply(204)
    .delete(`${REPO}/issues/comments/13`)
    .reply(204);
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("deliveries for one PR that arrive together still leave one comment", async () => {
  const probot = await createTestProbot();
  // GitHub as state: each run sees what the runs before it wrote.
  const comments: Record<string, unknown>[] = [];
  const labels: string[] = [];
  const runs: Record<string, unknown>[] = [];
  const scope = mockGitHub()
    .get(/\/contents\//u)
    .times(6)
    .reply(404)
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .times(3)
    .reply(200, ONE_DOC.files)
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .times(3)
    .reply(200, () => comments)
    .get(`${REPO}/pulls/2`)
    .times(3)
    .reply(200, () => pullRequestReply({ labels }))
    .get(`${REPO}/git/blobs/b1`)
    .reply(200, blobReply(FILLED))
    .get(`${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query(true)
    .times(3)
    .reply(200, () => ({ total_count: runs.length, check_runs: runs }))
    .post(`${REPO}/issues/2/comments`)
    .times(3)
    .optionally()
    .reply(201, (_uri, body: { body: string }) => {
      comments.push(commentReply(comments.length + 7, body.body));
      return {};
    })
    .post(`${REPO}/issues/2/labels`)
    .times(3)
    .optionally()
    .reply(200, (_uri, body: { labels: string[] }) => {
      labels.push(...body.labels);
      return labels.map((name) => ({ name, color: "1d76db", description: "" }));
    })
    .post(`${REPO}/check-runs`)
    .times(3)
    .optionally()
    .reply(201, (_uri, body: { conclusion: string; output: unknown }) => {
      runs.push({ id: runs.length + 1, status: "completed", ...body });
      return { id: runs.length };
    });
  await Promise.all([
    probot.receive(pullRequestEvent("opened")),
    probot.receive(pullRequestEvent("synchronize")),
    probot.receive(pullRequestEvent("reopened")),
  ]);
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments).toHaveLength(1);
  expect(labels).toEqual(["In Review"]);
  expect(runs).toHaveLength(1);
});

test("events sent by bots, this app included, are ignored without a call", async () => {
  const probot = await createTestProbot();
  const scope = mockGitHub();
  await probot.receive(
    pullRequestEvent("synchronize", (payload) => {
      payload.sender = { login: "design-docs[bot]", type: "Bot" };
    }),
  );
  await probot.receive(
    pullRequestEvent("opened", (payload) => {
      payload.sender = { login: "renovate[bot]", type: "Bot" };
    }),
  );
  expect(scope.activeMocks()).toEqual([
    `POST https://api.github.com:443/app/installations/2/access_tokens`,
  ]);
});

test("with comment: on-failure, a passing PR gets no comment", async () => {
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    ...ONE_DOC,
    config: "comment: on-failure\n",
    pr: { labels: ["In Review"] },
  })
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 99 });
  await probot.receive(pullRequestEvent("opened"));
  expect(scope.pendingMocks()).toEqual([]);
});
