import { afterEach, beforeEach, expect, test } from "@jest/globals";
import nock from "nock";
import {
  BASE_SHA,
  HEAD_SHA,
  REPO,
  blobReply,
  capture,
  changedFile,
  commentReply,
  contentsReply,
  createTestProbot,
  mockReads,
  mockConfig,
  mockGitHub,
  pullRequestEvent,
  pullRequestReply,
  reviewEvent,
} from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";

const DOC = "docs/design/a.md";
const DOC_PATH = `${REPO}/contents/docs%2Fdesign%2Fa.md`;
// CRLF line endings, to show that a status commit keeps every other byte.
const IN_REVIEW = fixture("docs/filled-design-doc.md").replace(/\n/gu, "\r\n");
const APPROVED = IN_REVIEW.replace(
  "**Status:** In Review",
  "**Status:** Approved",
);
const NEW_HEAD = "b".repeat(40);

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

const labeled = (label: string, sender = "Codertocat") =>
  pullRequestEvent("labeled", (payload) => {
    payload.label = { name: label };
    payload.sender = { login: sender, type: "User" };
  });

type Put = { message: string; content: string; sha: string; branch: string };

/** The reads a label event makes before deciding: the PR and its files. */
function mockLabelReads(
  scope: nock.Scope,
  options: { config?: string; labels: string[]; fork?: boolean },
): nock.Scope {
  return mockConfig(scope, options.config)
    .get(`${REPO}/pulls/2`)
    .reply(
      200,
      pullRequestReply({ labels: options.labels, fork: options.fork === true }),
    )
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, [changedFile(DOC, "old", "modified")]);
}

/** The run after the status was written: the docs at the new head, the PR, comments, check runs. */
function mockRunAfterCommit(
  scope: nock.Scope,
  options: { labels: string[]; text: string; sha?: string },
): nock.Scope {
  const sha = options.sha ?? NEW_HEAD;
  scope
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, [changedFile(DOC, `blob-${sha}`, "modified")])
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [])
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestReply({ labels: options.labels, sha }))
    .get(`${REPO}/git/blobs/blob-${sha}`)
    .reply(200, blobReply(options.text))
    .get(`${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] });
  // A moved head has its own check runs to look at.
  if (sha !== HEAD_SHA)
    scope
      .get(`${REPO}/commits/${sha}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] });
  return scope;
}

/** The writes that end a run: a new comment, one status label taken off, the check run. */
function mockRunWrites(
  scope: nock.Scope,
  writes: {
    comments: unknown[];
    removed: string;
    checkRun?: nock.RequestBodyMatcher;
  },
): nock.Scope {
  return scope
    .post(`${REPO}/issues/2/comments`, capture(writes.comments))
    .reply(201, {})
    .delete(`${REPO}/issues/2/labels/${encodeURIComponent(writes.removed)}`)
    .reply(200, [])
    .post(`${REPO}/check-runs`, writes.checkRun ?? (() => true))
    .reply(201, { id: 1 });
}

test("a writer's status label is written into the doc on the PR branch, one commit, only the Status changed", async () => {
  const probot = await createTestProbot();
  const puts: Put[] = [];
  const comments: { body: string }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    labels: ["In Review", "Approved"],
  })
    .get(`${REPO}/collaborators/Codertocat/permission`)
    .reply(200, { permission: "write", role_name: "write" })
    .get(DOC_PATH)
    .query({ ref: "changes" })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .put(DOC_PATH, capture(puts))
    .reply(201, { commit: { sha: NEW_HEAD } });
  mockRunAfterCommit(scope, {
    labels: ["In Review", "Approved"],
    text: APPROVED,
  });
  mockRunWrites(scope, {
    comments,
    removed: "In Review",
    checkRun: (body: { head_sha: string }) => body.head_sha === NEW_HEAD,
  });
  await probot.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(puts).toHaveLength(1);
  expect(puts[0]).toMatchObject({
    message: "docs(design): set status of docs/design/a.md to Approved",
    sha: "old",
    branch: "changes",
  });
  expect(Buffer.from(puts[0]?.content ?? "", "base64").toString()).toBe(
    APPROVED,
  );
  expect(comments[0]?.body.split("\n")[3]).toBe("Status label: **Approved**.");
});

test("a status label from someone without write access comes off again, and the comment says who may set it", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    labels: ["In Review", "Approved"],
  })
    .get(`${REPO}/collaborators/mallory/permission`)
    .reply(200, { permission: "read", role_name: "triage" });
  mockRunAfterCommit(scope, {
    labels: ["In Review", "Approved"],
    text: IN_REVIEW,
    sha: HEAD_SHA,
  });
  mockRunWrites(scope, { comments, removed: "Approved" });
  await probot.receive(labeled("Approved", "mallory"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body.split("\n").slice(3, 6)).toEqual([
    "@&#8203;mallory added **Approved**, but only people with write, maintain or admin access to the repository may set that status, so the label was taken off again.",
    "",
    "Status label: **In Review**.",
  ]);
});

const TEAM_CONFIG = [
  "statuses:",
  "  WIP:",
  "  In Review:",
  "  Approved: { setBy: '@Codertocat/architects' }",
  "  Obsolete:",
].join("\n");

test("a team rule: a member of the named team may set the status, and counts as its approval", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    config: TEAM_CONFIG,
    labels: ["In Review", "Approved"],
  })
    .get("/orgs/Codertocat/teams/architects/memberships/Codertocat")
    .reply(200, { state: "active", role: "member" })
    .get(DOC_PATH)
    .query({ ref: "changes" })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .put(DOC_PATH)
    .reply(201, { commit: { sha: NEW_HEAD } });
  mockRunAfterCommit(scope, {
    labels: ["In Review", "Approved"],
    text: APPROVED,
  })
    .get(DOC_PATH)
    .query({ ref: BASE_SHA })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .get(`${REPO}/pulls/2/reviews`)
    .query(true)
    .reply(200, []);
  mockRunWrites(scope, {
    comments,
    removed: "In Review",
    checkRun: (body: { conclusion: string }) => body.conclusion === "success",
  });
  await probot.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body).toContain(
    '- [x] Status "Approved" approved by @&#8203;Codertocat/architects',
  );
});

test("a team rule: someone outside the team is refused", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    config: TEAM_CONFIG,
    labels: ["In Review", "Approved"],
  })
    .get("/orgs/Codertocat/teams/architects/memberships/Codertocat")
    .reply(404, { message: "Not Found" });
  mockRunAfterCommit(scope, {
    labels: ["In Review", "Approved"],
    text: IN_REVIEW,
    sha: HEAD_SHA,
  });
  mockRunWrites(scope, { comments, removed: "Approved" });
  await probot.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body.split("\n")[3]).toBe(
    "@&#8203;Codertocat added **Approved**, but only @&#8203;Codertocat/architects may set that status, so the label was taken off again.",
  );
});

test("a PR from a fork: the label stays, nothing is pushed, and the author gets the line to change", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const suggestions: { body: string; line: number; path: string }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    labels: ["In Review", "Approved"],
    fork: true,
  })
    .get(`${REPO}/collaborators/Codertocat/permission`)
    .reply(200, { role_name: "maintain" })
    .get(DOC_PATH)
    .query({ ref: HEAD_SHA })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .post(`${REPO}/pulls/2/comments`, capture(suggestions))
    .reply(201, {});
  scope
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, [changedFile(DOC, "old", "modified")])
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [])
    .get(`${REPO}/pulls/2`)
    .reply(
      200,
      pullRequestReply({ labels: ["In Review", "Approved"], fork: true }),
    )
    .get(`${REPO}/git/blobs/old`)
    .reply(200, blobReply(IN_REVIEW))
    .get(`${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] });
  mockRunWrites(scope, { comments, removed: "In Review" });
  await probot.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(suggestions).toEqual([
    expect.objectContaining({
      path: DOC,
      line: 4,
      commit_id: HEAD_SHA,
      side: "RIGHT",
      body: "Set the Status to Approved:\n```suggestion\n**Status:** Approved\n```",
    }),
  ]);
  const lines = comments[0]?.body.split("\n") ?? [];
  expect(lines.slice(3, 7)).toEqual([
    "@&#8203;Codertocat set **Approved**, but Design Docs Bot cannot push to this branch. To apply it, change:",
    "- docs/design/a.md, line 4: set the Status to `Approved`",
    "",
    "Status label: **Approved**.",
  ]);
  expect(lines.at(-1)).toMatch(/^<!-- design-docs-bot: state \{.*\} -->$/u);
});

test("a stale sha on the status commit (409) is re-read and retried once", async () => {
  const probot = await createTestProbot();
  const shas: string[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    labels: ["In Review", "Approved"],
  })
    .get(`${REPO}/collaborators/Codertocat/permission`)
    .reply(200, { role_name: "admin" })
    .get(DOC_PATH)
    .query({ ref: "changes" })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .put(DOC_PATH, (body: Put) => shas.push(body.sha) > 0)
    .reply(409, { message: "docs/design/a.md does not match old" })
    .get(DOC_PATH)
    .query({ ref: "changes" })
    .reply(200, contentsReply(IN_REVIEW, "newer"))
    .put(DOC_PATH, (body: Put) => shas.push(body.sha) > 0)
    .reply(201, { commit: { sha: NEW_HEAD } });
  mockRunAfterCommit(scope, {
    labels: ["In Review", "Approved"],
    text: APPROVED,
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .delete(`${REPO}/issues/2/labels/In%20Review`)
    .reply(200, [])
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(shas).toEqual(["old", "newer"]);
});

test("a status label a person removes comes back, and the comment says how to change status", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockConfig(mockGitHub());
  mockRunAfterCommit(scope, { labels: [], text: IN_REVIEW, sha: HEAD_SHA })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/issues/2/labels`, { labels: ["In Review"] })
    .reply(200, [{ name: "In Review", color: "1d76db", description: "x" }])
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(
    pullRequestEvent("unlabeled", (payload) => {
      payload.label = { name: "In Review" };
    }),
  );
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body.split("\n")[3]).toBe(
    "@&#8203;Codertocat removed the **In Review** label. The status label follows the Status written in the docs: to change it, edit the Status line of the doc, or add another status label.",
  );
});

test("a label that is not a status label costs the config read and nothing more", async () => {
  const probot = await createTestProbot();
  const scope = mockConfig(mockGitHub());
  await probot.receive(labeled("bug"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("the synchronize that follows the bot's own commit finds everything consistent and writes nothing", async () => {
  // First the label run, to learn what it wrote.
  const first = await createTestProbot();
  const comments: { body: string }[] = [];
  const runs: {
    conclusion: string;
    output: { title: string; summary: string };
  }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    labels: ["In Review", "Approved"],
  })
    .get(`${REPO}/collaborators/Codertocat/permission`)
    .reply(200, { role_name: "write" })
    .get(DOC_PATH)
    .query({ ref: "changes" })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .put(DOC_PATH)
    .reply(201, { commit: { sha: NEW_HEAD } });
  mockRunAfterCommit(scope, {
    labels: ["In Review", "Approved"],
    text: APPROVED,
  });
  mockRunWrites(scope, {
    comments,
    removed: "In Review",
    checkRun: capture(runs),
  });
  await first.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  nock.cleanAll();

  // Then the synchronize GitHub sends for that commit: from the bot, it is ignored...
  const probot = await createTestProbot();
  const synchronize = (sender: { login: string; type: string }) =>
    pullRequestEvent("synchronize", (payload) => {
      payload.pull_request.head.sha = NEW_HEAD;
      payload.sender = sender;
    });
  const ignored = mockGitHub();
  await probot.receive(synchronize({ login: "design-docs[bot]", type: "Bot" }));
  expect(ignored.pendingMocks()).toEqual([]);

  // ...and even run as if a person had pushed, it finds nothing to change: reads only.
  const reads = mockConfig(mockGitHub())
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, [changedFile(DOC, "approved", "modified")])
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [commentReply(7, comments[0]?.body ?? "")])
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestReply({ labels: ["Approved"], sha: NEW_HEAD }))
    .get(`${REPO}/git/blobs/approved`)
    .reply(200, blobReply(APPROVED))
    .get(`${REPO}/commits/${NEW_HEAD}/check-runs`)
    .query(true)
    .reply(200, {
      total_count: 1,
      check_runs: [{ id: 1, status: "completed", ...runs[0] }],
    });
  await probot.receive(synchronize({ login: "Codertocat", type: "User" }));
  expect(reads.pendingMocks()).toEqual([]);
});

test("a doc edited into a restricted status fails until an allowed reviewer approves", async () => {
  const config =
    "statuses:\n  WIP:\n  In Review:\n  Approved: { setBy: [alice], requireApprovals: 1 }\n  Obsolete:\n";
  const runWith = async (
    event: ReturnType<typeof pullRequestEvent> | ReturnType<typeof reviewEvent>,
    reviews: Record<string, unknown>[],
  ) => {
    const probot = await createTestProbot();
    const runs: { conclusion: string }[] = [];
    const comments: { body: string }[] = [];
    const scope = mockConfig(mockGitHub(), config);
    mockRunAfterCommit(scope, {
      labels: ["Approved"],
      text: APPROVED,
      sha: HEAD_SHA,
    })
      .get(DOC_PATH)
      .query({ ref: BASE_SHA })
      .reply(200, contentsReply(IN_REVIEW, "base"))
      .get(`${REPO}/pulls/2/reviews`)
      .query(true)
      .reply(200, reviews)
      .post(`${REPO}/issues/2/comments`, capture(comments))
      .reply(201, {})
      .post(`${REPO}/check-runs`, capture(runs))
      .reply(201, { id: 1 });
    await probot.receive(event);
    expect(scope.pendingMocks()).toEqual([]);
    return {
      conclusion: runs[0]?.conclusion,
      comment: comments[0]?.body ?? "",
    };
  };
  const before = await runWith(pullRequestEvent("synchronize"), [
    {
      user: { login: "bob" },
      state: "APPROVED",
      submitted_at: "2026-11-20T10:00:00Z",
    },
  ]);
  expect(before.conclusion).toBe("failure");
  expect(before.comment).toContain(
    '- [ ] Status moved from "In Review" to "Approved"; that needs 1 approving review from @&#8203;alice, 0 so far \\(line 4\\)',
  );
  const after = await runWith(
    reviewEvent("submitted", (payload) => {
      payload.sender = { login: "alice", type: "User" };
    }),
    [
      {
        user: { login: "alice" },
        state: "APPROVED",
        submitted_at: "2026-11-21T10:00:00Z",
      },
    ],
  );
  expect(after.conclusion).toBe("success");
  expect(after.comment).toContain(
    '- [x] Status "Approved" approved by @&#8203;alice',
  );
});

test("without contents write (403 on the commit), the bot keeps the label and suggests the change instead", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    labels: ["In Review", "Approved"],
  })
    .get(`${REPO}/collaborators/Codertocat/permission`)
    .reply(200, { role_name: "write" })
    .get(DOC_PATH)
    .query({ ref: "changes" })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .put(DOC_PATH)
    .reply(403, { message: "Resource not accessible by integration" })
    .get(DOC_PATH)
    .query({ ref: HEAD_SHA })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .post(`${REPO}/pulls/2/comments`)
    .reply(422, { message: "Validation Failed" });
  mockRunAfterCommit(scope, {
    labels: ["In Review", "Approved"],
    text: IN_REVIEW,
    sha: HEAD_SHA,
  });
  mockRunWrites(scope, { comments, removed: "In Review" });
  await probot.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body).toContain(
    "- docs/design/a.md, line 4: set the Status to `Approved`",
  );
});

test("a file list that still lags behind the bot's commit does not undo the status", async () => {
  const probot = await createTestProbot();
  const runs: { head_sha: string; conclusion: string }[] = [];
  const scope = mockLabelReads(mockGitHub(), {
    labels: ["In Review", "Approved"],
  })
    .get(`${REPO}/collaborators/Codertocat/permission`)
    .reply(200, { role_name: "write" })
    .get(DOC_PATH)
    .query({ ref: "changes" })
    .reply(200, contentsReply(IN_REVIEW, "old"))
    .put(DOC_PATH)
    .reply(201, {
      commit: { sha: NEW_HEAD },
      content: { sha: "approved-blob" },
    })
    // GitHub still lists the old blob and the old head for a moment.
    .get(`${REPO}/pulls/2/files`)
    .query(true)
    .reply(200, [changedFile(DOC, "old", "modified")])
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [])
    .get(`${REPO}/pulls/2`)
    .reply(200, pullRequestReply({ labels: ["In Review", "Approved"] }))
    .get(`${REPO}/git/blobs/approved-blob`)
    .reply(200, blobReply(APPROVED))
    .get(`${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .get(`${REPO}/commits/${NEW_HEAD}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .delete(`${REPO}/issues/2/labels/In%20Review`)
    .reply(200, [])
    .post(`${REPO}/check-runs`, capture(runs))
    .reply(201, { id: 1 });
  await probot.receive(labeled("Approved"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(runs[0]).toMatchObject({ head_sha: NEW_HEAD, conclusion: "success" });
});

test("a doc created as Approved needs requireApprovals from allowed people, and a dismissed approval stops counting", async () => {
  const config =
    "statuses:\n  WIP:\n  In Review:\n  Approved: { setBy: [alice, carol], requireApprovals: 2 }\n  Obsolete:\n";
  const review = (user: string, state: string, day: number) => ({
    user: { login: user },
    state,
    submitted_at: `2026-11-${day}T10:00:00Z`,
  });
  const runWith = async (
    event: ReturnType<typeof reviewEvent>,
    reviews: Record<string, unknown>[],
  ) => {
    const probot = await createTestProbot();
    const runs: { conclusion: string }[] = [];
    const comments: { body: string }[] = [];
    // The doc is new in this PR, so there is no Status at the base to read.
    const scope = mockReads(mockGitHub(), {
      config,
      files: [changedFile(DOC, "new-doc", "added")],
      blobs: { "new-doc": APPROVED },
      pr: { labels: ["Approved"] },
    })
      .get(`${REPO}/pulls/2/reviews`)
      .query(true)
      .reply(200, reviews)
      .post(`${REPO}/issues/2/comments`, capture(comments))
      .reply(201, {})
      .post(`${REPO}/check-runs`, capture(runs))
      .reply(201, { id: 1 });
    await probot.receive(event);
    expect(scope.pendingMocks()).toEqual([]);
    return { conclusion: runs[0]?.conclusion, comment: comments[0]?.body };
  };

  // bob may not set Approved, so his approval does not count; carol's was dismissed.
  const dismissed = await runWith(reviewEvent("dismissed"), [
    review("alice", "APPROVED", 20),
    review("bob", "APPROVED", 20),
    review("carol", "APPROVED", 20),
    review("carol", "DISMISSED", 21),
  ]);
  expect(dismissed.conclusion).toBe("failure");
  expect(dismissed.comment).toContain(
    '- [ ] Status set to "Approved"; that needs 2 approving reviews from @&#8203;alice or @&#8203;carol, 1 so far',
  );

  const approved = await runWith(reviewEvent("submitted"), [
    review("alice", "APPROVED", 20),
    review("carol", "DISMISSED", 21),
    review("carol", "APPROVED", 22),
  ]);
  expect(approved.conclusion).toBe("success");
  expect(approved.comment).toContain(
    '- [x] Status "Approved" approved by @&#8203;alice or @&#8203;carol',
  );
});
