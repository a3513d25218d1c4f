import { expect, test } from "@jest/globals";
import {
  findStatusSettings,
  lastLabeledBy,
  latestApprovals,
  type CommitRecord,
  type LabelRecord,
} from "../../src/report/count-approvals.js";
import { statusCommitMessage } from "../../src/report/status-commit.js";

const BOT = "design-docs-bot[bot]";
const BLOB = "b".repeat(40);
const message = statusCommitMessage({
  path: "docs/design/a.md",
  status: "Approved",
  blob: BLOB,
});
const commit = (change: Partial<CommitRecord> = {}): CommitRecord => ({
  message,
  author: BOT,
  verified: true,
  committedAt: "2026-11-23T10:00:05Z",
  ...change,
});
const labeled = (
  actor: string,
  at: string,
  change: Partial<LabelRecord> = {},
): LabelRecord => ({
  action: "labeled",
  label: "Approved",
  actor,
  actorIsBot: false,
  createdAt: `2026-11-23T10:00:0${at}Z`,
  ...change,
});
const options = {
  botLogin: BOT,
  labelOf: (status: string) => (status === "Approved" ? "Approved" : undefined),
};

test("the setter is whoever last added the status's label before the bot's signed commit", () => {
  expect(
    findStatusSettings(
      [commit()],
      [labeled("mallory", "1"), labeled("lead", "3"), labeled("carol", "7")],
      options,
    ),
  ).toEqual([
    { path: "docs/design/a.md", status: "Approved", blob: BLOB, by: "lead" },
  ]);
});

test.each([
  { name: "unsigned", change: { verified: false } },
  { name: "by someone else", change: { author: "mallory" } },
  { name: "by no GitHub account", change: { author: undefined } },
  { name: "not a status commit", change: { message: "Fix typo" } },
])("a commit $name covers nothing", ({ change }) => {
  expect(
    findStatusSettings([commit(change)], [labeled("lead", "1")], options),
  ).toEqual([]);
});

test("label events by bots, of other labels, or removals name no setter", () => {
  expect(
    findStatusSettings(
      [commit()],
      [
        labeled(BOT, "1", { actorIsBot: true }),
        labeled("lead", "2", { label: "bug" }),
        labeled("lead", "3", { action: "unlabeled" }),
      ],
      options,
    ),
  ).toEqual([]);
});

test("lastLabeledBy: the latest addition of the label, unless a bot made it", () => {
  expect(
    lastLabeledBy([labeled("a", "1"), labeled("b", "2")], "approved"),
  ).toBe("b");
  expect(
    lastLabeledBy(
      [labeled("a", "1"), labeled(BOT, "2", { actorIsBot: true })],
      "Approved",
    ),
  ).toBe(undefined);
});

test("latestApprovals: each user's latest deciding review counts; comments decide nothing", () => {
  expect(
    latestApprovals([
      { user: "a", state: "APPROVED", submittedAt: "2026-11-20T10:00:00Z" },
      { user: "a", state: "COMMENTED", submittedAt: "2026-11-21T10:00:00Z" },
      { user: "b", state: "APPROVED", submittedAt: "2026-11-20T10:00:00Z" },
      { user: "b", state: "DISMISSED", submittedAt: "2026-11-21T10:00:00Z" },
    ]),
  ).toEqual(["a"]);
});
