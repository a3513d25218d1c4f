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

test("front matter wins over a header line, and stage: counts as a Status", () => {
  const doc = parseDesignDoc(
    "---\nstage: accepted\n---\n# T\n\nStatus: Draft\n",
  );
  expect(readStatus(doc, vocabulary)).toMatchObject({
    raw: "accepted",
    value: "Approved",
    line: 2,
  });
});
