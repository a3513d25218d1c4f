import { describe, expect, test } from "@jest/globals";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { engineFor, fixture, unmetLines } from "../helpers/engine.js";

const filled = fixture("docs/filled-design-doc.md");
const filledReview = fixture("docs/filled-design-review.md");
const check = (markdown: string, config: unknown = {}) =>
  checkDesignDoc("docs/design/x.md", markdown, engineFor(config));

describe("heading matching", () => {
  test.each([
    ["### Alternatives", "### 3. Alternatives:"],
    ["### Alternatives", "### ALTERNATIVES (optional)"],
    ["### Alternatives", "### 🔀 Alternatives Considered"],
    ["### Alternatives", "### Rationale and Alternatives"],
    ["## Testing", "## Test Plan"],
  ])("%s is satisfied by %s", (original, spelling) => {
    expect(
      unmetLines(check(filled.replace(`${original}\n`, `${spelling}\n`))),
    ).toEqual([]);
  });

  // `/`, `&`, `and`, `+` and `,` are one joint, whichever side (template or doc) uses it.
  test.each([
    [
      "## Security / Privacy Considerations",
      "## Security and Privacy Considerations",
    ],
    [
      "## Security / Privacy Considerations",
      "## Security & Privacy Considerations",
    ],
    [
      "## Security / Privacy Considerations",
      "## Security + Privacy Considerations",
    ],
    [
      "## Security / Privacy Considerations",
      "## Security, Privacy Considerations",
    ],
    [
      "## Security / Privacy Considerations",
      "## Security/Privacy Considerations",
    ],
    ["## Security / Privacy Considerations", "## Privacy Considerations"],
    ["## Dependencies / Compatibility", "## Dependencies and Compatibility"],
    ["## Dependencies / Compatibility", "## Dependencies & Compatibility"],
    ["## Monitoring & Observability", "## Monitoring and Observability"],
    ["## Monitoring & Observability", "## Monitoring / Observability"],
    ["## Monitoring & Observability", "## Monitoring + Observability"],
    ["## Monitoring & Observability", "## Observability"],
    [
      "## Background / Problem Statement",
      "## Background and Problem Statement",
    ],
    ["## Appendix / Checklist", "## Appendix & Checklist"],
    [
      "### Latency / Performance Targets",
      "### Latency and Performance Targets",
    ],
  ])("design-review's %s is satisfied by %s", (original, spelling) => {
    const doc = filledReview.replace(`${original}\n`, `${spelling}\n`);
    expect(doc).not.toBe(filledReview);
    expect(unmetLines(check(doc))).toEqual([]);
  });

  test.each([
    ["### Alternatives", "### Rationale & Alternatives"],
    ["### Alternatives", "### Rationale / Alternatives"],
    ["### Background", "### Background and Motivation"],
    ["### Background", "### Background & Motivation"],
    ["### Goals", "### Goals and Non-Goals"],
    ["### Goals", "### Goals & Non-Goals"],
  ])("design-doc's %s is satisfied by the alias %s", (original, spelling) => {
    const doc = filled.replace(`${original}\n`, `${spelling}\n`);
    expect(doc).not.toBe(filled);
    expect(unmetLines(check(doc))).toEqual([]);
  });

  test.each([
    ["### Alternatives", "### Pros and Cons", "Alternatives", "Design"],
    [
      "### Alternatives",
      "### Brand and Landing Pages",
      "Alternatives",
      "Design",
    ],
    ["### Goals", "### Q&A", "Goals", "Overview"],
  ])(
    "%s is not satisfied by the unrelated %s",
    (original, spelling, title, parent) => {
      const doc = filled.replace(`${original}\n`, `${spelling}\n`);
      expect(unmetLines(check(doc))).toContain(
        `section-missing: Section "${title}" is missing; expected a heading "${title}" under "${parent}"`,
      );
    },
  );

  test("a heading joining a template section to another does not take the place of the section's own heading", () => {
    const doc = filled.replace(
      "### Alternatives\n",
      "### Testing and Rollout Notes\nStaging first.\n\n### Alternatives\n",
    );
    const testing = check(doc).checks.find(
      (entry) =>
        entry.ruleId === "section-missing" &&
        entry.requirement === 'Section "Testing"',
    );
    expect(testing).toMatchObject({
      met: true,
      line: doc.split("\n").indexOf("## Testing") + 1,
    });
  });

  test("either half of an A / B heading satisfies it", () => {
    const doc = filledReview.replace(
      "## Background / Problem Statement",
      "## Background",
    );
    expect(unmetLines(check(doc))).toEqual([]);
  });

  test("a configured alias satisfies the section; without it the section is missing", () => {
    const doc = filled.replace(
      "### Alternatives\n",
      "### Options we weighed\n",
    );
    expect(unmetLines(check(doc))).toEqual([
      `section-missing: Section "Alternatives" is missing; expected a heading "Alternatives" under "Design"`,
    ]);
    expect(
      unmetLines(
        check(doc, { aliases: { Alternatives: ["Options we weighed"] } }),
      ),
    ).toEqual([]);
  });
});

describe("strictness follows the Status", () => {
  const unwritten = filled.replace(
    "Unit tests cover the cursor; a staging run over a month of data checks counts and timing.",
    "",
  );

  test("while WIP, an unmet requirement is listed but only warns", () => {
    const report = check(
      unwritten.replace("**Status:** In Review", "**Status:** Draft"),
    );
    expect(report.checks.filter((c) => !c.met)).toEqual([
      expect.objectContaining({ ruleId: "section-empty", severity: "warning" }),
    ]);
    expect(report.outcome).toBe("warning");
  });

  test("from In Review on, it fails", () => {
    expect(check(unwritten).outcome).toBe("failure");
  });

  test("strictness per status is configurable", () => {
    const statuses = {
      WIP: { strict: true },
      "In Review": { strict: false },
      Approved: null,
      Obsolete: null,
    };
    expect(check(unwritten, { statuses }).outcome).toBe("warning");
    expect(
      check(unwritten.replace("**Status:** In Review", "**Status:** WIP"), {
        statuses,
      }).outcome,
    ).toBe("failure");
  });

  test("a doc with an unrecognised Status is held to the strict standard", () => {
    expect(
      check(unwritten.replace("**Status:** In Review", "**Status:** Sketch"))
        .outcome,
    ).toBe("failure");
  });
});

test("an optional section may be left out", () => {
  const start = filled.indexOf("### Migration Plan");
  const doc =
    filled.slice(0, start) + filled.slice(filled.indexOf("## Testing"));
  expect(check(doc).outcome).toBe("failure");
  expect(
    unmetLines(check(doc, { optionalSections: ["Migration Plan"] })),
  ).toEqual([]);
});

test("a repo's own vocabulary replaces the template's", () => {
  const doc = filled.replace("**Status:** In Review", "**Status:** Ratified");
  expect(check(doc).status.value).toBeUndefined();
  expect(check(doc, { statuses: ["Proposed", "Ratified"] }).status.value).toBe(
    "Ratified",
  );
});

test("Created may not be in the future", () => {
  const report = check(
    filled.replace("**Created:** 2026-03-02", "**Created:** 2027-01-01"),
  );
  expect(unmetLines(report)).toEqual([
    `created-date: Created "2027-01-01" is in the future; expected a date on or before 2026-11-23 (line 6)`,
  ]);
});

test("a section split into subsections of its own counts as written", () => {
  const doc = filled.replace(
    "Unit tests cover the cursor; a staging run over a month of data checks counts and timing.",
    "### Unit tests\nThe cursor.\n\n### Load tests\nA month of data.",
  );
  expect(unmetLines(check(doc))).toEqual([]);
});

test("placeholder text with real text of the author's own is written", () => {
  const doc = filledReview.replace(
    "- Current performance: p99 of 40 ms\n- Target performance: p99 of 41 ms",
    "- Current performance: X\n- Target performance: Y",
  );
  expect(unmetLines(check(doc))).toEqual([
    `section-placeholder: Section "Latency / Performance Targets" is still the template's placeholder text; expected the doc's own text (line 20)`,
  ]);
  expect(
    unmetLines(
      check(
        doc.replace(
          "- Target performance: Y",
          "- Target performance: Y\n\nToday a month of audit events takes 40 minutes to export on one worker; four workers should bring it under ten.",
        ),
      ),
    ),
  ).toEqual([]);
});
