import { expect, test } from "@jest/globals";
import { parseDesignDoc } from "../../src/markdown/parse-design-doc.js";
import { statusesOf } from "../../src/validate/options.js";
import { readStatus } from "../../src/validate/read-status.js";

const vocabulary = statusesOf(["WIP", "In Review", "Approved", "Obsolete"]);
const read = (value: string) =>
  readStatus(parseDesignDoc(`# T\n\n**Status:** ${value}\n`), vocabulary);

test.each([
  ["WIP", "WIP"],
  ["in review", "In Review"],
  ["Draft", "WIP"],
  ["in-review", "In Review"],
  ["Review", "In Review"],
  ["ACCEPTED", "Approved"],
  ["Deprecated", "Obsolete"],
  ["superseded", "Obsolete"],
  ["Implemented (Swift 5.9)", "Approved"],
  ["Accepted 2021-01-02", "Approved"],
  ["Speculative, revision 0.2", "WIP"],
  ["**Approved**", "Approved"],
])("%s means %s", (raw, value) => {
  expect(read(raw)).toMatchObject({ value, problem: undefined });
});

test.each([
  ["Superceded", "Obsolete"],
  ["imlpemented", "Approved"],
  ["Aproved", "Approved"],
])("the typo %s is not accepted but %s is suggested", (raw, suggestion) => {
  expect(read(raw)).toMatchObject({
    raw,
    value: undefined,
    problem: "unknown",
    suggestion,
  });
});

test("a word far from every status gets no suggestion", () => {
  expect(read("Deferred")).toMatchObject({
    problem: "unknown",
    suggestion: undefined,
  });
});

test.each([
  "WIP, In Review, Approved, Obsolete",
  "{Draft, In Review, Ready for Implementation}",
  "provisional|implementable|implemented",
  "Not implemented / Partially implemented / Implemented",
  "Awaiting implementation or Awaiting review",
])("the unedited option list %s is not a status", (raw) => {
  expect(read(raw)).toMatchObject({ value: undefined, problem: "options" });
});

test("no Status field is reported as missing", () => {
  expect(readStatus(parseDesignDoc("# T\n"), vocabulary)).toMatchObject({
    raw: undefined,
    problem: "missing",
  });
});

test("stage: counts as a Status", () => {
  const doc = parseDesignDoc("---\nstage: accepted\n---\n# T\n");
  expect(readStatus(doc, vocabulary)).toMatchObject({
    raw: "accepted",
    value: "Approved",
    line: 2,
  });
});

test("front matter and body that disagree: the least advanced counts, both are kept", () => {
  const doc = parseDesignDoc(
    "---\nstatus: Approved\n---\n# T\n\n**Status:** Draft\n",
  );
  expect(readStatus(doc, vocabulary)).toMatchObject({
    raw: "Draft",
    value: "WIP",
    line: 6,
    disagreement: {
      counted: { raw: "Draft", line: 6, form: "bold", value: "WIP" },
      other: {
        raw: "Approved",
        line: 2,
        form: "frontmatter",
        value: "Approved",
      },
    },
  });
});

test("two Status lines that mean the same status agree", () => {
  const doc = parseDesignDoc(
    "---\nstatus: accepted\n---\n# T\n\n**Status:** Approved\n",
  );
  expect(readStatus(doc, vocabulary)).toMatchObject({
    value: "Approved",
    line: 2,
    disagreement: undefined,
  });
});

test("a second Status-like key that is no status (stage: alpha) is no disagreement", () => {
  const doc = parseDesignDoc(
    "---\nstatus: implementable\nstage: alpha\n---\n# T\n",
  );
  expect(readStatus(doc, vocabulary)).toMatchObject({
    value: "Approved",
    disagreement: undefined,
  });
});

test.each([
  ["Superseded by Token buckets v2", "Token buckets v2"],
  ["Replaced by docs/design/limiter-v2.md", "docs/design/limiter-v2.md"],
  ["Obsoleted by the quota service", "the quota service"],
  ["Obsolete (see Quota service)", "Quota service"],
  ["Deprecated, use the quota service instead", "the quota service"],
  ["superseded in favour of RFC 12", "RFC 12"],
])("%s is Obsolete, and names its successor", (raw, successor) => {
  expect(read(raw)).toMatchObject({
    value: "Obsolete",
    problem: undefined,
    successor,
  });
});

test("a status that is not obsolete names no successor", () => {
  expect(read("Accepted (see the review in #12)")).toMatchObject({
    value: "Approved",
    successor: undefined,
  });
});

test.each(["Done", "Completed", "complete.", "Shipped", "**Merged**"])(
  "%s says how far the implementation got: not a status, Approved suggested",
  (raw) => {
    expect(read(raw)).toMatchObject({
      value: undefined,
      problem: "implementation",
      suggestion: "Approved",
    });
  },
);
