import { expect, test } from "@jest/globals";
import {
  findStatusSettings,
  lastLabelEventOf,
  lastLabeledBy,
  latestApprovals,
} from "../../src/report/count-approvals.js";
import type { LabelEvent, PullRequestCommit } from "../../src/github/client.js";
import { statusCommitMessage } from "../../src/report/status-commit.js";

const BOT = "design-docs-bot[bot]";
const BLOB = "b".repeat(40);
const message = statusCommitMessage({
  path: "docs/design/a.md",
  status: "Approved",
  blob: BLOB,
  labelEvent: 7,
});
const commit = (
  change: Partial<PullRequestCommit> = {},
): PullRequestCommit => ({
  message,
  author: BOT,
  committer: BOT,
  verified: true,
  ...change,
});
const labeled = (
  id: number,
  actor: string,
  change: Partial<LabelEvent> = {},
): LabelEvent => ({
  id,
  action: "labeled",
  label: "Approved",
  actor,
  actorIsBot: false,
  ...change,
});
const options = {
  botLogin: BOT,
  labelOf: (status: string) => (status === "Approved" ? "Approved" : undefined),
};

test("the setter is the person whose label event the bot's commit names", () => {
  expect(
    findStatusSettings(
      [commit()],
      [labeled(3, "mallory"), labeled(7, "lead"), labeled(9, "carol")],
      options,
    ),
  ).toEqual([
    { path: "docs/design/a.md", status: "Approved", blob: BLOB, by: "lead" },
  ]);
});

test.each([
  { name: "unsigned", change: { verified: false } },
  {
    name: "authored as the bot by someone else",
    change: { committer: "mallory" },
  },
  {
    name: "committed as the bot, authored by someone else",
    change: { author: "mallory" },
  },
  { name: "linked to no GitHub account", change: { author: undefined } },
  { name: "not a status commit", change: { message: "Fix typo" } },
])("a commit $name covers nothing", ({ change }) => {
  expect(
    findStatusSettings([commit(change)], [labeled(7, "lead")], options),
  ).toEqual([]);
});

test("a commit naming a label event this PR does not have (one from another PR) covers nothing", () => {
  expect(findStatusSettings([commit()], [labeled(8, "lead")], options)).toEqual(
    [],
  );
});

test("a named event that is a bot's, another label's, or a removal names no setter", () => {
  for (const event of [
    labeled(7, BOT, { actorIsBot: true }),
    labeled(7, "lead", { label: "bug" }),
    labeled(7, "lead", { action: "unlabeled" }),
  ])
    expect(findStatusSettings([commit()], [event], options)).toEqual([]);
});

test("lastLabelEventOf finds the person's latest addition of the label; lastLabeledBy the latest, unless a bot's", () => {
  const events = [labeled(1, "lead"), labeled(2, "carol"), labeled(4, "lead")];
  expect(lastLabelEventOf(events, "approved", "LEAD")?.id).toBe(4);
  expect(lastLabeledBy(events, "Approved")).toBe("lead");
  expect(
    lastLabeledBy(
      [...events, labeled(5, BOT, { actorIsBot: true })],
      "Approved",
    ),
  ).toBe(undefined);
});

test("latestApprovals: each user's latest deciding review counts; comments decide nothing; atHead drops stale ones", () => {
  const reviews = [
    {
      user: "a",
      state: "APPROVED",
      submittedAt: "2026-11-20T10:00:00Z",
      commitId: "h1",
    },
    {
      user: "a",
      state: "COMMENTED",
      submittedAt: "2026-11-21T10:00:00Z",
      commitId: "h2",
    },
    {
      user: "b",
      state: "APPROVED",
      submittedAt: "2026-11-20T10:00:00Z",
      commitId: "h1",
    },
    {
      user: "b",
      state: "DISMISSED",
      submittedAt: "2026-11-21T10:00:00Z",
      commitId: "h1",
    },
    {
      user: "c",
      state: "APPROVED",
      submittedAt: "2026-11-22T10:00:00Z",
      commitId: "h2",
    },
  ];
  expect(latestApprovals(reviews)).toEqual(["a", "c"]);
  expect(latestApprovals(reviews, "h2")).toEqual(["c"]);
});
