import { afterEach, beforeEach, expect, test } from "@jest/globals";
import nock from "nock";
import {
  REPO,
  capture,
  changedFile,
  createTestProbot,
  mockGitHub,
  mockReads,
  pullRequestEvent,
} from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";

const FILLED = fixture("docs/filled-design-doc.md");
const withStatus = (status: string): string =>
  FILLED.replace("**Status:** In Review", `**Status:** ${status}`);

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

test("stale status labels are removed and other labels left alone", async () => {
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: withStatus("Approved") },
    pr: { labels: ["bug", "wip", "In Review", "Approved"] },
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .delete(`${REPO}/issues/2/labels/wip`)
    .reply(200, [])
    .delete(`${REPO}/issues/2/labels/In%20Review`)
    .reply(200, [])
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
});

test("with several docs the least advanced Status wins, and the comment names the doc", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockReads(mockGitHub(), {
    files: [
      changedFile("docs/design/a.md", "a1"),
      changedFile("docs/design/b.md", "b1"),
      changedFile("docs/design/c.md", "c1"),
    ],
    blobs: {
      a1: withStatus("Approved"),
      b1: withStatus("Draft"),
      c1: withStatus("Obsolete"),
    },
    pr: { labels: ["Approved"] },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .post(`${REPO}/issues/2/labels`, { labels: ["WIP"] })
    .reply(200, [
      { name: "Approved", color: "0e8a16", description: "" },
      { name: "WIP", color: "ededed", description: "Our own words" },
    ])
    .delete(`${REPO}/issues/2/labels/Approved`)
    .reply(200, [])
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
  expect(comments[0]?.body.split("\n")[3]).toBe(
    "Status label: **WIP**, held back by docs/design/b.md, the least advanced doc.",
  );
});

test("a doc without a Status adds no status label and has an unmet line", async () => {
  const probot = await createTestProbot();
  const comments: { body: string }[] = [];
  const scope = mockReads(mockGitHub(), {
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: FILLED.replace("**Status:** In Review\n", "") },
    pr: { labels: ["In Review"] },
  })
    .post(`${REPO}/issues/2/comments`, capture(comments))
    .reply(201, {})
    .delete(`${REPO}/issues/2/labels/In%20Review`)
    .reply(200, [])
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
  const lines = comments[0]?.body.split("\n") ?? [];
  expect(lines[3]).toBe(
    "Status label: none, as no doc has a recognised Status.",
  );
  expect(lines.filter((line) => line.startsWith("- [ ]"))).toEqual([
    '- [ ] Field "Status" is missing; expected a header line "\\*\\*Status:\\*\\* …"',
  ]);
});

test("label names, colours and descriptions come from the config", async () => {
  const probot = await createTestProbot();
  const scope = mockReads(mockGitHub(), {
    config: [
      "statuses:",
      "  WIP: { label: 'design: draft', color: '#EEEEEE', description: Still being written }",
      "  In Review: { label: 'design: review' }",
      "  Approved:",
      "  Obsolete:",
    ].join("\n"),
    files: [changedFile("docs/design/a.md", "a1")],
    blobs: { a1: withStatus("WIP") },
    pr: { labels: ["design: review", "In Review"] },
  })
    .post(`${REPO}/issues/2/comments`)
    .reply(201, {})
    .post(`${REPO}/issues/2/labels`, { labels: ["design: draft"] })
    .reply(200, [{ name: "design: draft", color: "ededed", description: null }])
    .patch(`${REPO}/labels/design%3A%20draft`, {
      color: "eeeeee",
      description: "Still being written",
    })
    .reply(200, {})
    .delete(`${REPO}/issues/2/labels/design%3A%20review`)
    .reply(200, [])
    .post(`${REPO}/check-runs`)
    .reply(201, { id: 1 });
  await probot.receive(pullRequestEvent("synchronize"));
  expect(scope.pendingMocks()).toEqual([]);
});
