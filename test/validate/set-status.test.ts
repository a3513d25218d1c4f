import { expect, test } from "@jest/globals";
import fc from "fast-check";
import { parseDesignDoc } from "../../src/markdown/parse-design-doc.js";
import { findField } from "../../src/validate/field-names.js";
import { setStatus, suggestStatus } from "../../src/validate/set-status.js";
import { fixture } from "../helpers/engine.js";

const statusOf = (source: string): string | undefined =>
  findField(parseDesignDoc(source), "status")?.value;

test.each([
  {
    name: "bold header line",
    before: "# T\n**Owner:** me\n\n**Status:** WIP\n\nText\n",
    after: "# T\n**Owner:** me\n\n**Status:** Approved\n\nText\n",
  },
  {
    name: "bold key, colon outside, in a list, with a remark after the value",
    before: "# T\n\n* **Status**: Implemented (Swift 5.9)\n* Author: me\n",
    after: "# T\n\n* **Status**: Approved\n* Author: me\n",
  },
  {
    name: "plain line, CRLF endings kept",
    before: "# T\r\nStatus: draft\r\nOwner: me\r\n\r\n## A\r\n",
    after: "# T\r\nStatus: Approved\r\nOwner: me\r\n\r\n## A\r\n",
  },
  {
    name: "bold header lines, lone CR endings kept",
    before: "# T\r\r**Owner:** me\r**Status:** WIP\r\r## A\r",
    after: "# T\r\r**Owner:** me\r**Status:** Approved\r\r## A\r",
  },
  {
    name: "front matter, quotes and comment kept",
    before: '---\ntitle: x\nstatus: "draft" # set by hand\n---\n# T\n',
    after: '---\ntitle: x\nstatus: "In Review" # set by hand\n---\n# T\n',
  },
  {
    name: "two-column header table",
    before:
      "# T\n\n| Field | Value |\n| --- | --- |\n| Status | Draft |\n| Owner | me |\n\n## A\n",
    after:
      "# T\n\n| Field | Value |\n| --- | --- |\n| Status | Approved |\n| Owner | me |\n\n## A\n",
  },
  {
    name: "header-row table",
    before:
      "# T\n\n| Owner | Status | Created |\n| --- | --- | --- |\n| me | Draft | 2026-01-02 |\n\n## A\n",
    after:
      "# T\n\n| Owner | Status | Created |\n| --- | --- | --- |\n| me | Approved | 2026-01-02 |\n\n## A\n",
  },
  {
    name: "no Status, but front matter: a status key",
    before: "\uFEFF---\ntitle: x\n---\n# T\n",
    after: "\uFEFF---\ntitle: x\nstatus: Approved\n---\n# T\n",
  },
  {
    name: "no Status: a bold line after Owner, as the template has it",
    before:
      "# T\r\n**Owner:** me\r\n\r\n**Created:** 2026-01-02\r\n\r\n## A\r\n",
    after:
      "# T\r\n**Owner:** me\r\n\r\n**Status:** Approved\r\n\r\n**Created:** 2026-01-02\r\n\r\n## A\r\n",
  },
  {
    name: "no Status, no fields: a bold line after the title",
    before: "# T\n## A\ntext",
    after: "# T\n\n**Status:** Approved\n\n## A\ntext",
  },
])("$name", ({ before, after }) => {
  const value = after.includes("In Review") ? "In Review" : "Approved";
  expect(setStatus(before, value)).toBe(after);
  expect(statusOf(after)).toBe(value);
});

test("on the filled template, only the Status line changes", () => {
  const source = fixture("docs/filled-design-doc.md");
  const after = setStatus(source, "Approved");
  const changed = (after ?? "")
    .split("\n")
    .filter((line, index) => line !== source.split("\n")[index]);
  expect(changed).toEqual(["**Status:** Approved"]);
});

test("a doc that gives its Status twice gets it set in both places, so it says one thing", () => {
  const source =
    "---\nstatus: Approved\nstage: alpha\n---\n# T\n\n**Status:** Draft\n";
  expect(setStatus(source, "In Review")).toBe(
    "---\nstatus: In Review\nstage: alpha\n---\n# T\n\n**Status:** In Review\n",
  );
});

test.each([
  {
    name: "a Status rewritten in place",
    source: "# T\r\n**Status:** WIP\r\n",
    suggestion: { line: 2, text: "**Status:** Approved" },
  },
  {
    name: "a Status added after the title, before the text",
    source: "# T\nText.\n",
    suggestion: { line: 1, text: "# T\n\n**Status:** Approved\n" },
  },
  {
    name: "a Status added before line 1",
    source: "Text.\n",
    suggestion: { line: 1, text: "**Status:** Approved\n\nText." },
  },
  {
    name: "a Status added after the last line, which has no line ending",
    source: "# T",
    suggestion: { line: 1, text: "# T\n\n**Status:** Approved" },
  },
  {
    name: "a Status added after the last header field, which has no line ending",
    source: "**Owner:** me",
    suggestion: { line: 1, text: "**Owner:** me\n\n**Status:** Approved" },
  },
])("suggestStatus: $name", ({ source, suggestion }) => {
  expect(suggestStatus(source, "Approved")).toEqual(suggestion);
});

/** A doc's lines as a diff shows them: no byte order mark, no line after a final ending. */
const shownLines = (text: string): string[] => {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines;
};

const SUGGEST_RUNS = 1000;

test(`suggestStatus, applied to the doc, gives the lines setStatus writes (${SUGGEST_RUNS} generated)`, () => {
  const piece = fc.oneof(
    fc.constantFrom(
      "# Title\n",
      "# Title",
      "## Section\n",
      "Some text.\n",
      "\n",
      "\r\n",
      "\r",
      "**Owner:** Ana\n",
      "**Owner:** Ana",
      "**Status:** Draft\n",
      "| Status | WIP |\n| --- | --- |\n",
      "---\ntitle: t\n---\n",
      "\uFEFF",
    ),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
      const before = parts.join("");
      const suggestion = suggestStatus(before, "Approved");
      if (!suggestion) return true;
      const wanted = shownLines(setStatus(before, "Approved") ?? "");
      const lines = shownLines(before);
      // A doc that gives its Status twice has two lines to change; a suggestion has one.
      if (
        lines.length === wanted.length &&
        lines.filter((line, index) => line !== wanted[index]).length > 1
      )
        return true;
      lines.splice(suggestion.line - 1, 1, ...suggestion.text.split("\n"));
      expect(lines).toEqual(wanted);
      return true;
    }),
    { numRuns: SUGGEST_RUNS, seed: 20261123 },
  );
});

/** Lines with endings, to compare outputs byte for byte. */
const linesOf = (text: string): string[] =>
  text.split(/(?<=\r\n|\n|\r(?!\n))/u);

const SET_STATUS_RUNS = 3000;

test(`setStatus changes nothing but the Status value, for any doc the parser reads (${SET_STATUS_RUNS} generated)`, () => {
  let declined = 0;
  const piece = fc.oneof(
    fc.constantFrom(
      "# Title\n",
      "Title\n=====\n",
      "## Section\n",
      "Some text.\n",
      "\n",
      "\r\n",
      "**Owner:** Ana\n",
      "**Status:** Draft\n",
      "Status: In Review\r\n",
      "\r",
      "**Status:** Draft\r",
      "* **Status**: Accepted (v2)\n",
      "| Status | WIP |\n| --- | --- |\n",
      "| Owner | Status |\n| --- | --- |\n| me | WIP |\n",
      "---\nstatus: draft\n---\n",
      "---\ntitle: t\n---\n",
      "```\n**Status:** fenced\n```\n",
      "<!-- Status: hidden -->\n",
      "- [ ] task\n",
      "\uFEFF",
    ),
    fc.string({ maxLength: 12 }),
  );
  const value = fc.constantFrom("WIP", "In Review", "Approved", "Obsolete");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), value, (parts, status) => {
      const before = parts.join("");
      const after = setStatus(before, status);
      if (after === undefined) {
        declined += 1;
        return true;
      }
      expect(statusOf(after)).toBe(status);
      // A byte order mark stays first in the file; compare the lines after it.
      expect(after.startsWith("\uFEFF")).toBe(before.startsWith("\uFEFF"));
      const a = linesOf(before.replace(/^\uFEFF/u, ""));
      const b = linesOf(after.replace(/^\uFEFF/u, ""));
      if (a.length === b.length) {
        // Rewritten in place: every changed line is a Status line of the doc, which keeps
        // everything before the value, and its line ending.
        const changed = a.flatMap((old, index) =>
          old === b[index] ? [] : [{ old, line: b[index] ?? "" }],
        );
        expect(changed.length).toBeLessThanOrEqual(
          a.filter((line) => /status/iu.test(line)).length,
        );
        for (const { old, line } of changed) {
          const at = line.indexOf(status);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(line.slice(0, at)).toBe(old.slice(0, at));
          expect(/\r?\n?$/u.exec(line)?.[0]).toBe(/\r?\n?$/u.exec(old)?.[0]);
        }
        return true;
      }
      let head = 0;
      while (head < a.length && head < b.length && a[head] === b[head])
        head += 1;
      let tail = 0;
      while (
        tail < a.length - head &&
        tail < b.length - head &&
        a[a.length - 1 - tail] === b[b.length - 1 - tail]
      )
        tail += 1;
      const removed = a.slice(head, a.length - tail);
      const added = b.slice(head, b.length - tail);
      // A last line without an ending gains one when a line is added after it.
      if (removed.length === 1 && added[0]?.startsWith(removed[0] ?? "")) {
        removed.shift();
        added.shift();
      }
      // A Status was added: nothing is rewritten, and what is added is the Status line or a
      // blank one.
      expect(removed).toEqual([]);
      expect(
        added.every(
          (line) =>
            line.includes(status) || /^[ \t]*(?:\r\n|\n|\r)?$/u.test(line),
        ),
      ).toBe(true);
      return true;
    }),
    // A fixed seed keeps CI repeatable; 20,000 random runs found nothing more.
    { numRuns: SET_STATUS_RUNS, seed: 20261123 },
  );
  // Declining is for markup too odd to edit, not a way out of the property.
  expect(declined).toBeLessThan(100);
});
