import { expect, test } from "@jest/globals";
import type { ExistingComment } from "../../src/github/client.js";
import {
  mergedLine,
  planMergedComment,
} from "../../src/report/plan-merged-comment.js";
import { checkFixture } from "../helpers/engine.js";

const report = checkFixture("docs/filled-design-doc.md");
const withStatus = (
  path: string,
  status: Partial<typeof report.status>,
): typeof report => ({
  ...report,
  path,
  status: { ...report.status, ...status },
});

test.each([
  {
    name: "each doc with the status it means",
    reports: [
      withStatus("docs/design/a.md", { value: "Approved" }),
      withStatus("docs/design/b.md", { value: "Obsolete" }),
    ],
    line: "**Merged** with docs/design/a.md at **Approved**, docs/design/b.md at **Obsolete**.",
  },
  {
    name: "a word outside the vocabulary as written, neutralised",
    reports: [
      withStatus("docs/design/a_b.md", { value: undefined, raw: "Done @team" }),
    ],
    line: "**Merged** with docs/design/a\\_b.md at **Done @&#8203;team**.",
  },
  {
    name: "a doc without a Status",
    reports: [
      withStatus("docs/design/a.md", { value: undefined, raw: undefined }),
    ],
    line: "**Merged** with docs/design/a.md without a Status.",
  },
  {
    name: "no docs any more",
    reports: [],
    line: "**Merged** without a change to any design doc.",
  },
])("the merged line: $name", ({ reports, line }) => {
  expect(mergedLine(reports)).toBe(line);
});

const comment = (body: string): ExistingComment => ({
  id: 5,
  body,
  createdAt: "2026-12-01T00:00:00Z",
  appId: 1,
  author: "design-docs-bot[bot]",
});

test("the line is appended to the checklist comment once", () => {
  const line = "**Merged** with docs/design/a.md at **Approved**.";
  const plan = planMergedComment([comment("checklist")], line);
  expect(plan).toEqual({
    create: undefined,
    update: { id: 5, body: `checklist\n\n${line}` },
    remove: [],
  });
  expect(planMergedComment([comment(`checklist\n\n${line}`)], line)).toEqual({
    create: undefined,
    update: undefined,
    remove: [],
  });
});

test("no checklist comment: none is created", () => {
  expect(planMergedComment([], "**Merged** with x.").update).toBeUndefined();
  expect(planMergedComment([], "**Merged** with x.").create).toBeUndefined();
});
