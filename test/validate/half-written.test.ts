import { expect, test } from "@jest/globals";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { engineFor, fixture, unmetLines } from "../helpers/engine.js";

const filled = fixture("docs/filled-design-doc.md");

/** The filled design doc with only the sections named kept (headings as written). */
function keeping(headings: readonly string[]): string {
  const parts = filled.split(/^(?=##+ )/mu);
  const [head = "", ...sections] = parts;
  return (
    head +
    sections
      .filter((part) =>
        headings.some((heading) => part.startsWith(`${heading}\n`)),
      )
      .join("")
  );
}

test("a Draft with 7 of 16 sections is judged against its template: every missing section a warning", () => {
  const doc = keeping([
    "## Description",
    "## Overview",
    "### Goals",
    "### Background",
    "## Design",
    "### Detailed Design",
    "### Alternatives",
  ]).replace("**Status:** In Review", "**Status:** Draft");
  const report = checkDesignDoc("docs/design/a.md", doc, engineFor());
  expect(report.template?.id).toBe("design-doc");
  expect(report.templateReason).toBe("it has 7 of 16 sections of design-doc");
  expect(report.outcome).toBe("warning");
  expect(unmetLines(report)).toEqual(
    [
      "Requirements",
      "Design Overview",
      "Usage",
      "Use Cases",
      "User Experience",
      "Dependencies",
      "Rollout Plan",
      "Migration Plan",
      "Testing",
    ].map((title) => expect.stringContaining(`Section "${title}" is missing`)),
  );
});

test("the template's header fields mark a doc with only a few sections as started from it", () => {
  const doc = keeping(["## Description", "## Testing"]);
  const report = checkDesignDoc("docs/design/a.md", doc, engineFor());
  expect(report).toMatchObject({
    template: { id: "design-doc" },
    templateReason: "it has the header fields of design-doc",
    outcome: "failure",
  });
});

test("the template's title form marks a doc as started from it", () => {
  const doc =
    "# Design Document: Audit export\n\n## Overview\nExport audit events nightly.\n";
  expect(checkDesignDoc("docs/design/a.md", doc, engineFor())).toMatchObject({
    template: { id: "design-review" },
    templateReason: "it has the title form of design-review",
  });
});

test("a doc that shares almost nothing says, in one line, what the nearest template has that it lacks", () => {
  const doc =
    "# Storage sync, 14 October\n\n## Attendees\nAna, Li.\n\n## Testing\nWe ran the load test.\n";
  const report = checkDesignDoc("docs/design/notes.md", doc, engineFor());
  expect(report.template).toBeUndefined();
  expect(unmetLines(report)).toEqual([
    `template: The doc follows no known template: the nearest, design-doc, has 15 sections it lacks ("Description", "Overview", "Goals", and 12 more); expected those, or front matter "template: <id>"`,
  ]);
});
