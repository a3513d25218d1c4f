import { expect, test } from "@jest/globals";
import {
  MAX_ANNOTATIONS,
  renderCheckRun,
} from "../../src/report/render-check-run.js";
import type { DocReport } from "../../src/validate/check-design-doc.js";
import type { Check } from "../../src/validate/types.js";

function report(
  path: string,
  severity: "failure" | "warning",
  count: number,
): DocReport {
  const checks: Check[] = Array.from({ length: count }, (_, index) => ({
    ruleId: "section-empty",
    requirement: `Section "S${index}"`,
    met: false,
    message: `Section "S${index}" is empty (line ${index + 1})`,
    line: index + 1,
    severity,
  }));
  return {
    path,
    template: { id: "design-doc", origin: "built-in" },
    templateReason: "test",
    status: {
      raw: "In Review",
      line: 3,
      value: "In Review",
      problem: undefined,
      suggestion: undefined,
      successor: undefined,
      disagreement: undefined,
    },
    links: [],
    checks,
    outcome: severity,
  };
}

test("a check run carries at most 500 annotations, failures first, and says how many more there are", () => {
  // Warnings come first in the reports, so keeping the first 500 as they come would drop failures.
  const reports = [
    ...Array.from({ length: 10 }, (_, index) =>
      report(`docs/w${index}.md`, "warning", 30),
    ),
    ...Array.from({ length: 10 }, (_, index) =>
      report(`docs/f${index}.md`, "failure", 30),
    ),
  ];
  const run = renderCheckRun(reports, "title", "the checklist");
  expect(run.annotations).toHaveLength(MAX_ANNOTATIONS);
  expect(
    run.annotations.filter(
      (annotation) => annotation.annotation_level === "failure",
    ),
  ).toHaveLength(300);
  expect(
    run.annotations
      .slice(0, 300)
      .every((a) => a.annotation_level === "failure"),
  ).toBe(true);
  expect(run.summary).toBe(
    "the checklist\n\n_100 more annotations not shown: a check run here carries the first 500, failures first. The checklist above has every requirement._",
  );
});

test("under the cap every unmet requirement is an annotation and the summary is the checklist", () => {
  const run = renderCheckRun(
    [report("docs/a.md", "failure", 3)],
    "title",
    "the checklist",
  );
  expect(run.annotations).toHaveLength(3);
  expect(run.summary).toBe("the checklist");
});
