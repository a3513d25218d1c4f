import { expect, test } from "@jest/globals";
import {
  defaultTemplate,
  loadBuiltinTemplates,
  readBuiltinTemplateSource,
} from "../../src/templates/builtin-templates.js";
import { flattenSections } from "../../src/templates/flatten-sections.js";
import { namesOf, parseTemplate } from "../../src/templates/parse-template.js";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { checkFixture, engineFor, unmetLines } from "../helpers/engine.js";

const [designDoc, designReview] = loadBuiltinTemplates();

test("the default template is design-doc, the first built-in", () => {
  expect(defaultTemplate()).toBe(designDoc);
  expect(defaultTemplate().id).toBe("design-doc");
});

test("design-doc: header fields, vocabulary and nesting are read from the Markdown", () => {
  expect(
    designDoc?.fields.map((field) => [field.key, field.placeholder]),
  ).toEqual([
    ["Owner", "You and the people working on this doc"],
    ["Status", "WIP, In Review, Approved, Obsolete"],
    ["Created", "YYYY-MM-DD"],
  ]);
  expect(designDoc?.statuses).toEqual([
    "WIP",
    "In Review",
    "Approved",
    "Obsolete",
  ]);
  expect(
    designDoc?.sections.map((section) => [
      section.title,
      section.children.map((child) => child.title),
    ]),
  ).toEqual([
    ["Description", []],
    ["Overview", ["Goals", "Requirements", "Background", "Design Overview"]],
    ["Usage", ["Use Cases", "User Experience"]],
    [
      "Design",
      [
        "Detailed Design",
        "Alternatives",
        "Dependencies",
        "Rollout Plan",
        "Migration Plan",
      ],
    ],
    ["Testing", []],
  ]);
  expect(designDoc?.sections[1]).toMatchObject({
    container: true,
    placeholder: [],
  });
});

test("design-review: no header fields, example items as placeholders, and the appendix checklist", () => {
  expect(designReview?.fields).toEqual([]);
  expect(designReview?.statuses).toEqual([]);
  const byTitle = new Map(
    flattenSections(designReview?.sections ?? []).map((section) => [
      section.title,
      section,
    ]),
  );
  expect(byTitle.get("Glossary")?.placeholder).toEqual(["term definition"]);
  expect(byTitle.get("Functional")?.placeholder).toEqual([
    "requirement 1",
    "requirement 2",
  ]);
  expect(byTitle.get("Latency / Performance Targets")?.placeholder).toEqual([
    "current performance x",
    "target performance y",
  ]);
  expect(byTitle.get("Future Enhancements")?.placeholder).toContain(
    "improvement 1",
  );
  expect(byTitle.get("Background / Problem Statement")?.names).toEqual([
    "background problem statement",
    "background and problem statement",
    "background",
    "problem statement",
  ]);
  expect(byTitle.get("Appendix / Checklist")?.checklist).toBe(true);
  expect(
    designReview?.checklist.map((item) => [item.text, item.section?.title]),
  ).toContainEqual(["Alternatives considered", "Alternatives Considered"]);
  expect(
    designReview?.checklist.every((item) => item.section !== undefined),
  ).toBe(true);
});

test.each([
  [
    "Security / Privacy Considerations",
    [
      "security privacy considerations",
      "security and privacy considerations",
      "security",
      "privacy considerations",
    ],
  ],
  [
    "Security and Privacy Considerations",
    [
      "security and privacy considerations",
      "security privacy considerations",
      "security",
      "privacy considerations",
    ],
  ],
  [
    "Monitoring & Observability",
    [
      "monitoring and observability",
      "monitoring observability",
      "monitoring",
      "observability",
    ],
  ],
  [
    "Costs, Risks and Mitigations",
    [
      "costs risks and mitigations",
      "costs risks mitigations",
      "costs and risks and mitigations",
      "costs",
      "risks",
      "mitigations",
    ],
  ],
  ["Q&A", ["q and a"]],
  ["C++ Interop", ["c interop"]],
  ["Standards", ["standards"]],
  ["Serving 1,000 Users", ["serving 1 000 users"]],
])("the names of %s", (title, names) => {
  expect(namesOf(title)).toEqual(names);
});

test("a section marked (optional) in a repo's own template is optional", () => {
  const template = parseTemplate(
    "rfc",
    "# RFC\n\n## Summary\nSay it.\n\n## Prior Art (optional)\nIf any.\n",
    "docs/rfc.md",
  );
  expect(
    template.sections.map((section) => [section.title, section.optional]),
  ).toEqual([
    ["Summary", false],
    ["Prior Art (optional)", true],
  ]);
  expect(template.origin).toBe("docs/rfc.md");
});

test.each(["design-doc", "design-review"])(
  "the filled-in %s example meets every requirement",
  (id) => {
    const report = checkFixture(`docs/filled-${id}.md`);
    expect(report.template?.id).toBe(id);
    expect(unmetLines(report)).toEqual([]);
  },
);

test.each(["design-doc", "design-review"])(
  "an untouched copy of %s is flagged on every section",
  (id) => {
    const template = loadBuiltinTemplates().find(
      (candidate) => candidate.id === id,
    );
    const report = checkDesignDoc(
      `docs/design/${id}.md`,
      readBuiltinTemplateSource(id),
      engineFor(),
    );
    expect(report.template?.id).toBe(id);
    const flagged = new Set(
      report.checks
        .filter((check) => !check.met)
        .map((check) => check.requirement),
    );
    const writable = flattenSections(template?.sections ?? []).filter(
      (section) => !section.container && !section.checklist,
    );
    expect(writable.length).toBeGreaterThan(10);
    for (const section of writable)
      expect(flagged).toContain(`Section "${section.title}"`);
    expect(flagged).toContain("Title");
    expect(report.outcome).toBe("failure");
  },
);
