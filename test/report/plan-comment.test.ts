import { expect, test } from "@jest/globals";
import {
  commentBody,
  findChecklistComments,
  planComment,
} from "../../src/report/plan-comment.js";
import type { ExistingComment } from "../../src/github/client.js";

const comment = (
  id: number,
  body: string,
  by: "bot" | "user" | "other app" = "bot",
): ExistingComment => ({
  id,
  body,
  appId: { bot: 1, user: undefined, "other app": 99 }[by],
  author: {
    bot: "design-docs-bot[bot]",
    user: "octocat",
    "other app": "other[bot]",
  }[by],
  createdAt: `2026-11-23T10:00:0${id}Z`,
});

test("only marked comments written by this app are the checklist, oldest first", () => {
  const comments = [
    comment(3, commentBody("b")),
    comment(1, commentBody("a")),
    comment(2, commentBody("pasted"), "user"),
    comment(4, commentBody("other app"), "other app"),
    comment(5, "mentions <!-- design-docs-bot: checklist --> later"),
  ];
  expect(
    findChecklistComments(comments, { appId: 1 }).map((entry) => entry.id),
  ).toEqual([1, 3]);
});

test.each([
  {
    name: "none yet: create",
    ours: [],
    body: "new",
    plan: { create: "new", update: undefined, remove: [] },
  },
  {
    name: "same body: nothing",
    ours: [comment(1, "same")],
    body: "same",
    plan: { create: undefined, update: undefined, remove: [] },
  },
  {
    name: "changed: edit the oldest, delete the others",
    ours: [comment(1, "old"), comment(2, "new")],
    body: "new",
    plan: { create: undefined, update: { id: 1, body: "new" }, remove: [2] },
  },
  {
    name: "nothing wanted: leave it, still drop duplicates",
    ours: [comment(1, "old"), comment(2, "old")],
    body: undefined,
    plan: { create: undefined, update: undefined, remove: [2] },
  },
])("$name", ({ ours, body, plan }) => {
  expect(planComment(ours, body)).toEqual(plan);
});

test("with a token's identity, the checklist is the marked comments its account wrote", () => {
  const comments = [
    comment(1, commentBody("the App's")),
    {
      ...comment(2, commentBody("the workflow's")),
      appId: 15368,
      author: "github-actions[bot]",
    },
    comment(3, commentBody("pasted"), "user"),
  ];
  expect(
    findChecklistComments(comments, { login: "GitHub-Actions[bot]" }).map(
      (entry) => entry.id,
    ),
  ).toEqual([2]);
});
