import { describe, expect, test } from "@jest/globals";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { engineFor, fixture, unmetLines } from "../helpers/engine.js";

const filled = fixture("docs/filled-design-doc.md");
const filledReview = fixture("docs/filled-design-review.md");
const ALTERNATIVES =
  "Streaming every event through a queue was considered and dropped: it doubles the write load.";

/** The unmet lines of the filled design doc with its Alternatives section replaced. */
function withAlternatives(text: string): string[] {
  return unmetLines(
    checkDesignDoc("doc.md", filled.replace(ALTERNATIVES, text), engineFor()),
  );
}

const placeholder = (share: number): string =>
  `section-placeholder: Section "Alternatives" is still mostly the template's text (${share} % the same); expected the doc's own text (line 35)`;

describe("the template's prompt, lightly edited, is still the prompt", () => {
  test.each([
    [
      "a few words changed",
      "Discuss the alternative approaches and designs, this should include pros and cons, a short summary, as well as the reason each was discarded. Go over open source options and why they can't be used. There should be at least one alternative listed.",
      87,
    ],
    [
      "clauses re-ordered",
      "Go over open source options and why they cant be used. Discuss any alternative approaches and designs, including pros and cons, a high level summary and the reason it was discarded. List at least one alternative.",
      91,
    ],
    [
      "cut short",
      "Discuss any alternative approaches and designs, this should include pros and cons.",
      100,
    ],
    [
      "its first sentence kept, and one line added",
      "Discuss any alternative approaches and designs, this should include pros and cons, a high level summary, as well as the reason it was discarded.\n\nWe will fill this in after the spike.",
      81,
    ],
  ])("%s", (_, text, share) => {
    expect(withAlternatives(text)).toEqual([placeholder(share)]);
  });
});

describe("a section of the author's own is written", () => {
  test.each([
    [
      "the prompt quoted above real content",
      "> Discuss any alternative approaches and designs, this should include pros and cons.\n\nA queue in front of the archive writer would absorb bursts, but it doubles the write load on the database and adds a service to run. Writing straight from the replica keeps one moving part; we chose it.",
    ],
    [
      "prose on the prompt's own subject",
      "Two alternative designs were discarded: a streaming queue (pros: low latency; cons: doubles write load) and the open source exporter from the logging vendor, which cannot write our archive format.",
    ],
  ])("%s", (_, text) => {
    expect(withAlternatives(text)).toEqual([]);
  });
});

describe("stand-ins are not content", () => {
  test.each([
    "TBD",
    "tbd.",
    "**TODO**",
    "_Coming soon_",
    "To be written.",
    "TBA",
    "WIP",
    "?",
    "...",
    "…",
    "-",
    "TODO: write this section",
  ])("%s", (text) => {
    expect(withAlternatives(text)).toEqual([
      `section-stand-in: Section "Alternatives" holds only "${text.replace(/[*_]/gu, "")}", a stand-in for its text; expected the text itself (line 35)`,
    ]);
  });

  test("a sentence that opens with TBD and goes on is content", () => {
    expect(
      withAlternatives(
        "TBD in detail, but the queue option is out: it doubles the write load on the primary.",
      ),
    ).toEqual([]);
  });
});

describe("N/A is an answer", () => {
  test.each([
    "N/A",
    "n/a.",
    "None",
    "Not applicable: the export has no rival design.",
  ])("%s in a section every design needs: accepted with a warning", (text) => {
    const report = checkDesignDoc(
      "doc.md",
      filled.replace(ALTERNATIVES, text),
      engineFor(),
    );
    expect(unmetLines(report)).toEqual([
      `section-not-applicable: Section "Alternatives" says "${text}": accepted as an answer, though the template asks every design for this section (line 35)`,
    ]);
    expect(report.outcome).toBe("warning");
  });

  test("N/A in a section the template asks for only in some cases: accepted", () => {
    const doc = filled.replace(
      "Existing exports from the manual script are copied into the new layout once.",
      "N/A",
    );
    expect(unmetLines(checkDesignDoc("doc.md", doc, engineFor()))).toEqual([]);
  });

  test("prose that opens with None is content", () => {
    expect(
      withAlternatives(
        "None of the queue designs survive the write load, so there is one design here.",
      ),
    ).toEqual([]);
  });
});

test("a prompt kept from an HTML comment, its markers taken off, is still the prompt", () => {
  const doc = filledReview.replace(
    /## Out of Scope\n[^#]*/u,
    "## Out of Scope\nExplicitly list what this design does not cover, to avoid scope creep.\n\n",
  );
  expect(
    unmetLines(checkDesignDoc("review.md", doc, engineFor())).filter((line) =>
      line.startsWith("section-placeholder"),
    ),
  ).toEqual([
    `section-placeholder: Section "Out of Scope" is still mostly the template's text (100 % the same); expected the doc's own text (line 24)`,
  ]);
});

describe("header fields", () => {
  test.each(["TBD", "TODO", "?"])("Owner: %s is not filled in", (value) => {
    const doc = filled.replace(
      "**Owner:** Priya Raman and the platform team",
      `**Owner:** ${value}`,
    );
    expect(unmetLines(checkDesignDoc("doc.md", doc, engineFor()))).toEqual([
      `field-missing: Field "Owner" is not filled in: "${value}" stands in for a value; expected the doc's own value (line 2)`,
    ]);
  });

  test.each([
    [
      "front matter",
      "---\nstatus: In Review\ncreated: 2026-03-02\n---\n",
      `"owner: …" in the front matter`,
    ],
    [
      "plain lines",
      "Status: In Review\n\nCreated: 2026-03-02\n",
      `a header line "Owner: …"`,
    ],
    [
      "bold lines",
      "**Status:** In Review\n\n**Created:** 2026-03-02\n",
      `a header line "**Owner:** …"`,
    ],
  ])(
    "a missing field is asked for in the doc's own form: %s",
    (_, header, hint) => {
      const body = filled.slice(filled.indexOf("## Description"));
      const doc = header.startsWith("---")
        ? `${header}# Nightly export\n\n${body}`
        : `# Nightly export\n${header}\n${body}`;
      expect(unmetLines(checkDesignDoc("doc.md", doc, engineFor()))).toEqual([
        `field-missing: Field "Owner" is missing; expected ${hint}`,
      ]);
    },
  );
});
