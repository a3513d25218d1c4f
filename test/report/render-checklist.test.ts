import { expect, test } from "@jest/globals";
import {
  MAX_COMMENT_LENGTH,
  renderChecklist,
} from "../../src/report/render-checklist.js";
import { neutralize } from "../../src/report/neutralize.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderText } from "../../src/report/render-text.js";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { checkFixture, engineFor, fixture } from "../helpers/engine.js";

const filled = fixture("docs/filled-design-doc.md");

test("the comment is a summary line, then per doc its template, Status and task list", () => {
  const ok = checkFixture("docs/filled-design-doc.md");
  const bad = checkFixture("docs/section-placeholder/not-ok.md");
  const body = renderChecklist([bad, ok]);
  expect(body.split("\n").slice(0, 8)).toEqual([
    "### ❌ Design docs: 1 of 2 design docs fails the template (1 requirement unmet)",
    "",
    "#### ✅ docs/filled-design-doc.md",
    "Template: design-doc \\(it has 16 of 16 sections of design-doc\\) · Status: In Review → In Review",
    "",
    "- [x] Title",
    '- [x] Field "Owner"',
    '- [x] Field "Status"',
  ]);
  expect(body).toContain(
    `- [ ] Section "Alternatives" is still the template's placeholder text; expected the doc's own text \\(line 35\\)`,
  );
  expect(renderChecklist([ok, bad])).toBe(body);
});

test("warnings are marked as such", () => {
  const body = renderChecklist([checkFixture("docs/section-order/not-ok.md")]);
  expect(body).toMatch(
    /^### ⚠️ Design docs: 1 design doc checked: warnings only \(1 requirement unmet\)/u,
  );
  expect(body).toContain(
    `- [ ] Section "Testing" \\(line 31\\) should come after "Design" \\(line 34\\) _(warning)_`,
  );
  expect(body).not.toContain("Sections in the template's order");
});

test("text from a doc cannot ping, inject HTML or break out of its line", () => {
  const hostile = filled.replace(
    "**Status:** In Review",
    "**Status:** @octocat fixes #42 in [the tracker](https://evil.example) `x`",
  );
  const report = checkDesignDoc(
    "docs/design/<img src=x onerror=alert(1)>\n# @admin.md",
    hostile,
    engineFor(),
  );
  const body = renderChecklist([report]);
  const visible = body.replace(/[@#]&#8203;/gu, "");
  expect(visible).not.toMatch(/@[a-z]/iu);
  expect(visible).not.toMatch(/#\d/u);
  expect(body).not.toMatch(/<img/iu);
  expect(body).toContain(
    "#### ❌ docs/design/&lt;img src=x onerror=alert\\(1\\)&gt; # @&#8203;admin.md",
  );
  expect(body).toContain(
    'Status "@&#8203;octocat fixes #&#8203;42 in the tracker x" is not one of',
  );
  expect(body.split("\n").filter((line) => line.startsWith("#"))).toHaveLength(
    2,
  );
});

test("neutralize shortens long text and flattens newlines", () => {
  expect(neutralize("a\nb\r\nc")).toBe("a b c");
  expect(Array.from(neutralize("x".repeat(1000)))).toHaveLength(300);
});

test("a huge report is cut below GitHub's limit with a notice", () => {
  const report = checkFixture("docs/section-placeholder/not-ok.md");
  const reports = Array.from({ length: 2000 }, (_, index) => ({
    ...report,
    path: `docs/design/${String(index).padStart(4, "0")}.md`,
  }));
  const body = renderChecklist(reports);
  expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
  expect(body).toMatch(
    /_…\d+ more lines not shown: the comment would pass GitHub's size limit\. Run `npx design-docs check` for the full list\._$/u,
  );
  expect(renderChecklist(reports)).toBe(body);
});

test("plain text shows the template, the Status raw and normalised, and ✓/✗ lines", () => {
  const text = renderText([checkFixture("docs/status-value/not-ok.md")], {
    color: false,
  });
  expect(text.split("\n").slice(0, 4)).toEqual([
    "docs/status-value/not-ok.md",
    "  template: design-doc (it has 16 of 16 sections of design-doc)",
    "  status:   Superceded → (not recognised)",
    "  ✓ Title",
  ]);
  expect(text).toContain(
    `  ✗ Status "Superceded" is not one of WIP, In Review, Approved, Obsolete; did you mean "Obsolete"? (line 4)`,
  );
  expect(text.trimEnd().split("\n").at(-1)).toBe(
    "1 of 1 design doc fails the template (1 requirement unmet)",
  );
});

test("colour is used only when asked for", () => {
  const report = checkFixture("docs/filled-design-doc.md");
  expect(renderText([report], { color: false })).not.toContain("\u001b[");
});

test("JSON carries the summary and each report", () => {
  const parsed = JSON.parse(
    renderJson([checkFixture("docs/status-value/ok.md")]),
  );
  expect(parsed.summary).toEqual({ docs: 1, failing: 0, warning: 0, unmet: 0 });
  expect(parsed.reports[0].status).toMatchObject({
    raw: "Accepted (2026-04-01)",
    value: "Approved",
  });
});

test("an obsolete doc's Status names its successor, in the comment and in JSON", () => {
  const report = checkDesignDoc(
    "docs/design/limiter.md",
    filled.replace(
      "**Status:** In Review",
      "**Status:** Superseded by [Token buckets v2](limiter-v2.md)",
    ),
    engineFor(),
  );
  expect(renderChecklist([report])).toContain(
    "Status: Superseded by Token buckets v2 → Obsolete, successor: Token buckets v2",
  );
  expect(JSON.parse(renderJson([report])).reports[0].status).toMatchObject({
    value: "Obsolete",
    successor: "Token buckets v2",
  });
});

test("neutralize breaks the references and links GitHub would make on its own", () => {
  expect(
    neutralize(
      "GH-43, https://github.com/acme/api/issues/12 and www.example.com",
    ),
  ).toBe(
    "GH&#8203;-43, https&#8203;://github.com/acme/api/issues/12 and www&#8203;.example.com",
  );
  expect(neutralize("a\u001b[31mb\u0000")).toBe("a\\u001b\\[31mb\\u0000");
});
