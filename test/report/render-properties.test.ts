import { expect, test } from "@jest/globals";
import fc from "fast-check";
import {
  MAX_COMMENT_LENGTH,
  renderChecklist,
} from "../../src/report/render-checklist.js";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { engineFor } from "../helpers/engine.js";

const engine = engineFor();

/** Lines of template-shaped Markdown, and lines an attacker would write. */
const piece = fc.oneof(
  fc.constantFrom(
    "# Title\n",
    "## Goals\n",
    "## Alternatives\n",
    "### Background\n",
    "## Design\n",
    "**Owner:** Ana\n",
    "**Status:** Draft\n",
    "**Created:** 2026-01-02\n",
    "---\nstatus: <b>draft</b>\n---\n",
    "Some text.\n",
    "\n",
    "- [ ] task\n",
    "| a | b |\n| - | - |\n| x | y |\n",
  ),
  fc.constantFrom(
    "## @mallory please look\n",
    "**Status:** @octocat <script>alert(1)</script>\n",
    "**Owner:** <img src=x onerror=alert(1)>\n",
    "## <details><summary>x</summary>\n",
    "# Fixes #123 and @org/team\n",
    "**Status:** `code` *em* [link](https://evil.example) ![i](x)\n",
    "## <!-- hidden --> Goals\n",
    "## ‮RTL‬ override\n",
    "**Owner:** @a@b@c\n",
    "## See GH-43, gh-7 and https://github.com/acme/api/issues/12\n",
    "**Status:** Superseded by https://github.com/acme/api/pull/9 (www.example.com)\n",
    "# HTTP://WWW.EXAMPLE.COM and Www.x.org\n",
    "**Owner:** \u001b[31mred\u0007\n",
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

const doc = fc.record({
  path: fc.oneof(
    fc.constant("docs/design/a.md"),
    fc.constant("docs/design/@mallory <b>.md"),
    fc
      .string({ minLength: 1, maxLength: 30 })
      .map((name) => `docs/design/${name}.md`),
  ),
  text: fc.array(piece, { maxLength: 25 }).map((parts) => parts.join("")),
});

/** A mention that would ping: `@` then a name character. */
const MENTION = /@[\p{L}\p{N}_-]/u;
/** An HTML tag or comment: `<` then a letter, `/`, `!` or `?`. */
const HTML = /<[a-zA-Z/!?]/u;
/** What GitHub turns into a link on its own: `GH-12`, `https://…`, `www.…`. */
const AUTOLINK = /\bgh-\d|\b[a-z]+:\/\/|\bwww\./iu;
/** Control characters, which would reach the comment as they are. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;

const RENDER_RUNS = 400;

test(`rendering any docs never throws, is deterministic, fits a comment, and lets no mention, HTML, autolink or control character through (${RENDER_RUNS} generated sets)`, () => {
  fc.assert(
    fc.property(fc.array(doc, { minLength: 1, maxLength: 8 }), (docs) => {
      const render = (): string =>
        renderChecklist(
          docs.map(({ path, text }) => checkDesignDoc(path, text, engine)),
        );
      const comment = render();
      expect(render()).toBe(comment);
      expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
      expect(comment).not.toMatch(MENTION);
      expect(comment).not.toMatch(HTML);
      expect(comment).not.toMatch(AUTOLINK);
      expect(comment).not.toMatch(CONTROL);
    }),
    { seed: 20261123, numRuns: RENDER_RUNS },
  );
});

test("however many docs fail, the comment stays within GitHub's limit and says what it left out", () => {
  const failing = "## @x <b>\n".repeat(50);
  const reports = Array.from({ length: 400 }, (_, index) =>
    checkDesignDoc(`docs/design/doc-${index}.md`, failing, engine),
  );
  const comment = renderChecklist(reports);
  expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
  expect(comment).toMatch(/more lines? not shown/u);
});
