import { describe, expect, test } from "@jest/globals";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { engineFor, fixture, unmetLines } from "../helpers/engine.js";

// The traps public design docs set (REAL-DOCS.md), each in a doc of our own, so a fresh
// clone without the shared corpus still covers them. Parser-level traps (Setext titles,
// headings in code fences, numbered, bold and emoji headings, level-1 sections, link
// definitions, translated field names, every Status form) are in parse-design-doc.test.ts,
// dates in parse-date.test.ts, half-written and comment-only template copies in the judged
// docs (test/fixtures/judge).

const filled = fixture("docs/filled-design-doc.md");
const body = filled.slice(filled.indexOf("**Owner"));
const check = (markdown: string) =>
  checkDesignDoc("docs/design/a.md", markdown, engineFor());

describe("what comes before the title", () => {
  test("a licence comment and a callout before the title change nothing", () => {
    const report = check(
      "<!-- Copyright 2026 Acme. Licensed under the Apache License 2.0. -->\n\n> [!WARNING]\n> Still under discussion.\n\n# Nightly export\n" +
        body,
    );
    expect(unmetLines(report)).toEqual([]);
  });

  test("a title in two heading lines is still one doc with its sections", () => {
    expect(
      unmetLines(check(`# Nightly export\n# of audit events\n${body}`)),
    ).toEqual([]);
  });

  test("a title that is only an HTML comment is no title", () => {
    expect(unmetLines(check(`# <!-- Your design's name -->\n${body}`))).toEqual(
      [
        "title-placeholder: The doc has no title; expected a first heading naming the design",
      ],
    );
  });
});

describe("placeholder titles", () => {
  test.each([
    "Title",
    "[Feature/Project Name]",
    "{Feature name}",
    "Your title here",
  ])("%s is a placeholder", (title) => {
    expect(unmetLines(check(`# ${title}\n${body}`))).toEqual([
      expect.stringMatching(
        /^title-placeholder: Title ".*" is (a placeholder|still the template's)/u,
      ),
    ]);
  });

  test("a title that merely has brackets in it is the design's own", () => {
    expect(unmetLines(check(`# Export [v2] of audit events\n${body}`))).toEqual(
      [],
    );
  });
});
