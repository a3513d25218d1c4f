import { describe, expect, test } from "@jest/globals";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import {
  checkFixture,
  engineFor,
  fixture,
  unmetLines,
} from "../helpers/engine.js";

/** Each rule's not-ok fixture and the finding it must produce: message and line. */
const RULES = [
  {
    rule: "front-matter",
    message:
      "Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 3)",
    line: 3,
  },
  {
    rule: "title-placeholder",
    message: `Title "Design Document Template" is still the template's; expected the design's own name (line 1)`,
    line: 1,
  },
  {
    rule: "field-missing",
    message: `Field "Owner" is still the template's placeholder "You and the people working on this doc"; expected the doc's own value (line 2)`,
    line: 2,
  },
  {
    rule: "status-value",
    message: `Status "Superceded" is not one of WIP, In Review, Approved, Obsolete; did you mean "Obsolete"? (line 4)`,
    line: 4,
  },
  {
    rule: "status-agreement",
    message: `Status is "Approved" in the front matter (line 3) but "In Review" in a header line (line 6); expected one Status, and until they agree the least advanced, In Review, counts`,
    line: 6,
  },
  {
    rule: "created-date",
    message: `Created "2026-02-30" is not a date; expected a date such as 2026-11-23 (line 6)`,
    line: 6,
  },
  {
    rule: "section-missing",
    message: `Section "Alternatives" is missing; expected a heading "Alternatives" under "Design"`,
    line: undefined,
  },
  {
    rule: "section-empty",
    message: `Section "Dependencies" holds only HTML comments; expected text a reader can see (line 38)`,
    line: 38,
  },
  {
    rule: "section-stand-in",
    message: `Section "Alternatives" holds only "TBD.", a stand-in for its text; expected the text itself (line 35)`,
    line: 35,
  },
  {
    rule: "section-not-applicable",
    message: `Section "Alternatives" says "None.": accepted as an answer, though the template asks every design for this section (line 35)`,
    line: 35,
  },
  {
    rule: "section-placeholder",
    message: `Section "Alternatives" is still the template's placeholder text; expected the doc's own text (line 35)`,
    line: 35,
  },
  {
    rule: "section-parent",
    message: `Section "Goals" (line 22) is under "Usage" (line 21); the template puts it under "Overview"`,
    line: 22,
  },
  {
    rule: "section-order",
    message: `Section "Testing" (line 31) should come after "Design" (line 34)`,
    line: 31,
  },
  {
    rule: "appendix-checklist",
    message: `Checklist item "Alternatives considered" is ticked, but section "Alternatives Considered" holds only HTML comments (see Section "Alternatives Considered" above); expected the section written or the item unticked (line 62)`,
    line: 62,
  },
  {
    rule: "template",
    message: `The doc follows no known template: the nearest, design-doc, has 15 sections it lacks ("Overview", "Goals", "Requirements", and 12 more); expected those, or front matter "template: <id>"`,
    line: undefined,
  },
];

describe.each(RULES)("rule $rule", ({ rule, message, line }) => {
  test("passes its ok fixture", () => {
    const report = checkFixture(`docs/${rule}/ok.md`);
    expect(unmetLines(report)).toEqual([]);
    expect(report.outcome).toBe("success");
  });

  test("reports its not-ok fixture with the line", () => {
    const report = checkFixture(`docs/${rule}/not-ok.md`);
    const finding = report.checks.find(
      (check) => check.ruleId === rule && !check.met,
    );
    expect(finding).toMatchObject({ message, met: false });
    expect(finding?.line).toBe(line);
  });
});

test("section order is only ever a warning, even for a doc In Review", () => {
  const report = checkFixture("docs/section-order/not-ok.md");
  expect(report.status.value).toBe("In Review");
  expect(report.checks.find((check) => !check.met)).toMatchObject({
    ruleId: "section-order",
    severity: "warning",
  });
  expect(report.outcome).toBe("warning");
});

test("each moved section is one line of its own, saying where the template wants it", () => {
  const report = checkFixture("docs/section-order/two-moved.md");
  expect(
    report.checks.filter((check) => check.ruleId === "section-order"),
  ).toEqual([
    {
      ruleId: "section-order",
      requirement: 'Order of section "Usage"',
      met: false,
      message: `Section "Usage" (line 41) should come before "Design" (line 24)`,
      line: 41,
      severity: "warning",
    },
    {
      ruleId: "section-order",
      requirement: 'Order of section "Alternatives"',
      met: false,
      message: `Section "Alternatives" (line 38) should come before "Dependencies" (line 28)`,
      line: 38,
      severity: "warning",
    },
  ]);
  expect(report.outcome).toBe("warning");
});

test("a subsection under the wrong parent is section-parent's to report, with no order line", () => {
  const report = checkFixture("docs/section-parent/not-ok.md");
  expect(unmetLines(report)).toEqual([
    `section-parent: Section "Goals" (line 22) is under "Usage" (line 21); the template puts it under "Overview"`,
  ]);
  expect(
    report.checks.filter((check) => check.ruleId === "section-order"),
  ).toEqual([
    {
      ruleId: "section-order",
      requirement: "Sections in the template's order",
      met: true,
    },
  ]);
});

describe("a ticked item whose section is missing", () => {
  const text = fixture("docs/appendix-checklist/not-ok.md").replace(
    "## Alternatives Considered\n<!-- Other approaches evaluated, and why they were not chosen. -->\n\n",
    "",
  );
  const check = (config: unknown = {}) =>
    checkDesignDoc("docs/design/x.md", text, engineFor(config));

  test("points to the section's own finding, listed above it", () => {
    expect(unmetLines(check())).toEqual([
      `section-missing: Section "Alternatives Considered" is missing; expected a heading "Alternatives Considered"`,
      `appendix-checklist: Checklist item "Alternatives considered" is ticked, but section "Alternatives Considered" is missing (see Section "Alternatives Considered" above); expected the section written or the item unticked (line 59)`,
    ]);
  });

  test("points nowhere when the section is optional, as nothing else reports it", () => {
    expect(
      unmetLines(check({ optionalSections: ["Alternatives Considered"] })),
    ).toEqual([
      `appendix-checklist: Checklist item "Alternatives considered" is ticked, but section "Alternatives Considered" is missing; expected the section written or the item unticked (line 59)`,
    ]);
  });
});
