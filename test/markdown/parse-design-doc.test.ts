import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { parseDesignDoc } from "../../src/markdown/parse-design-doc.js";
import { normalizeHeading } from "../../src/markdown/normalize-heading.js";
import type { Section } from "../../src/markdown/types.js";

/** Section headings as matching reads them, parents before their children. */
const titles = (sections: readonly Section[]): string[] =>
  sections.flatMap((section) => [
    normalizeHeading(section.title),
    ...titles(section.children),
  ]);

describe("headings", () => {
  test.each([
    ["## 1. Overview", "overview"],
    ["## 2.3 Test Plan:", "test plan"],
    ["## Alternatives (Optional)", "alternatives"],
    ["## Migration [optional]", "migration"],
    ["## Rollout (Step 1):", "rollout"],
    ["## 🏗️ Design", "design"],
    ["## **Goals**", "goals"],
    ["## Monitoring & Observability ##", "monitoring and observability"],
    // Invisible characters join what the reader sees as one word.
    ["## Go\u200bals\u200d", "goals"],
  ])("%s reads as %s", (heading, expected) => {
    const doc = parseDesignDoc(`# Title\n\n${heading}\n\nText.\n`);
    expect(titles(doc.sections)).toEqual([expected]);
  });

  test("a title underlined with --- is a level-2 heading, with === a level-1 one", () => {
    const doc = parseDesignDoc(
      "Channelz\n====\n\nAbstract\n----\nText.\n\nBackground\n---\nMore.\n",
    );
    expect(doc.title).toBe("Channelz");
    expect(
      doc.sections.map((section) => [section.title, section.depth]),
    ).toEqual([
      ["Abstract", 2],
      ["Background", 2],
    ]);
  });

  test("headings inside a fenced code block are not headings", () => {
    const doc = parseDesignDoc(
      "# Title\n\n## Real\n\n```md\n## Not a heading\n```\n",
    );
    expect(titles(doc.sections)).toEqual(["real"]);
  });

  test("a document whose sections are all level 1 keeps them all", () => {
    const doc = parseDesignDoc(
      "# Proposal\n\n# Background\n\nWhy.\n\n# Design\n\nHow.\n",
    );
    expect(doc.title).toBe("Proposal");
    expect(titles(doc.sections)).toEqual(["proposal", "background", "design"]);
  });

  test("sections nest by level and carry their line range", () => {
    const doc = parseDesignDoc(
      "# T\n\n## Design\n\n### Detailed\n\nText.\n\n## Testing\n\nMore.\n",
    );
    const [design, testing] = doc.sections;
    expect(design).toMatchObject({ line: 3, endLine: 8, contentKind: "empty" });
    expect(design?.children[0]).toMatchObject({
      title: "Detailed",
      line: 5,
      endLine: 8,
    });
    expect(testing).toMatchObject({ line: 9, endLine: 12 });
  });

  test("normalizeHeading treats & as and", () => {
    expect(normalizeHeading("Monitoring & Observability")).toBe(
      normalizeHeading("monitoring and observability"),
    );
  });
});

describe("content kinds", () => {
  test.each([
    ["## A\n", "empty"],
    ["## A\n\n[a]: #a\n", "empty"],
    ["## A\n<!-- fill me in -->\n", "comments"],
    ["## A\n<!-- one -->\n\n<!-- two\nlines -->\n", "comments"],
    ["## A\n<!-- unclosed\n", "comments"],
    ["## A\n<!-- note -->\nReal text.\n", "content"],
    ["## A\n<details>x</details>\n", "content"],
  ])("%j is %s", (markdown, kind) => {
    expect(parseDesignDoc(`# T\n\n${markdown}`).sections[0]?.contentKind).toBe(
      kind,
    );
  });
});

describe("fields", () => {
  const statusOf = (markdown: string): unknown =>
    parseDesignDoc(markdown).fields.find(
      (field) => field.normalizedKey === "status",
    );

  test.each([
    [
      "---\nstatus: 'implemented' # set by the bot\n---\n# T\n",
      "implemented",
      "frontmatter",
      2,
    ],
    ["# T\n\n**Status:** Accepted\n", "Accepted", "bold", 3],
    ["# T\n\n**Status**: Accepted\n", "Accepted", "bold", 3],
    ["# T\n\n* **Status**: in progress\n", "in progress", "bold", 3],
    [
      "# T\n\n**Owner:** me\n**Status:** Draft\n**Created:** 2026-01-08\n",
      "Draft",
      "bold",
      4,
    ],
    ["# T\n\nStatus: _Accepted_\n", "Accepted", "line", 3],
    [
      "# T\n\n* Status: **Implemented (Swift 5.9)**\n",
      "Implemented (Swift 5.9)",
      "line",
      3,
    ],
    [
      "# T\n\n* **Status**: [Declined](https://example.com/x)\n",
      "Declined",
      "bold",
      3,
    ],
    [
      "# T\n\n| Status | *Accepted* |\n:--- |:--- |\n| Author | me |\n",
      "Accepted",
      "table",
      3,
    ],
    ["# T\n\n| Status |\n| --- |\n| `PROPOSED` |\n", "PROPOSED", "table", 5],
  ])("%j gives %s", (markdown, value, form, line) => {
    expect(statusOf(markdown)).toMatchObject({ value, form, line });
  });

  test("lone CR line endings end lines too, as micromark counts them", () => {
    const doc = parseDesignDoc(
      "# Title\r\r**Owner:** me\r**Status:** Draft\r\r## Goals\rText.\r",
    );
    expect(
      doc.fields.map((field) => [
        field.key,
        field.value,
        field.form,
        field.line,
      ]),
    ).toEqual([
      ["Owner", "me", "bold", 3],
      ["Status", "Draft", "bold", 4],
    ]);
    expect(doc.sections[0]).toMatchObject({ title: "Goals", line: 6 });
  });

  test("CRLF line endings and a byte order mark change nothing", () => {
    const doc = parseDesignDoc(
      "\uFEFF---\r\nstatus: Draft\r\n---\r\n# Title\r\n\r\n**Owner:** me\r\n\r\n## Goals\r\nText.\r\n",
    );
    expect(doc.frontMatter).toEqual({ status: "Draft" });
    expect(doc.title).toBe("Title");
    expect(
      doc.fields.map((field) => [field.key, field.value, field.line]),
    ).toEqual([
      ["status", "Draft", 2],
      ["Owner", "me", 6],
    ]);
    expect(doc.sections[0]).toMatchObject({
      title: "Goals",
      line: 8,
      contentKind: "content",
    });
  });

  test("a prose paragraph with a colon in it is not a field", () => {
    const doc = parseDesignDoc(
      "# T\n\nStatus: the server returns 503.\nThen it retries.\n\nSee https://example.com/a.\n",
    );
    expect(doc.fields).toEqual([]);
  });

  test("tables after the preamble are not read as header fields", () => {
    const doc = parseDesignDoc(
      "# T\n\n## Design\n\n| Status | Meaning |\n| --- | --- |\n| 200 | ok |\n",
    );
    expect(doc.fields).toEqual([]);
  });

  test("translated field names are read as they are written", () => {
    const doc = parseDesignDoc("# 标题\n\n**状态**：草稿\n");
    expect(doc.fields[0]).toMatchObject({ key: "状态", value: "草稿" });
  });

  test("malformed front matter is a problem, not an exception", () => {
    const doc = parseDesignDoc("---\nstatus: [draft\n---\n# T\n");
    expect(doc.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("not valid YAML"),
        line: 2,
      }),
    ]);
  });

  test("front matter that is not a mapping is a problem", () => {
    expect(
      parseDesignDoc("---\n- a\n- b\n---\n# T\n").problems[0]?.message,
    ).toBe("Front matter is not a mapping of keys to values");
  });

  test("a __proto__ key in front matter stays data", () => {
    const doc = parseDesignDoc(
      "---\n__proto__: polluted\nstatus: Draft\n---\n# T\n",
    );
    expect(Object.getPrototypeOf(doc.frontMatter)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(doc.fields.map((field) => field.key)).toContain("__proto__");
  });
});

test("task-list items carry their checked state and line", () => {
  const doc = parseDesignDoc(
    "# T\n\n- [x] done\n- [ ] not yet\n  - [X] nested\n- plain\n",
  );
  expect(doc.tasks).toEqual([
    { text: "done", checked: true, line: 3 },
    { text: "not yet", checked: false, line: 4 },
    { text: "nested", checked: true, line: 5 },
  ]);
});

const PARSE_RUNS = 300;

test(`parseDesignDoc never throws and is deterministic, whatever the string (${PARSE_RUNS} generated)`, () => {
  const markdownish = fc.array(
    fc.oneof(
      fc.constantFrom(
        "# ",
        "## ",
        "---\n",
        "```\n",
        "<!--",
        "-->",
        "**Status:** ",
        "| a | b |\n",
        "- [ ] ",
        "\r\n",
        "\n",
        "\uFEFF",
        "\0",
        ":",
      ),
      fc.string(),
    ),
  );
  fc.assert(
    fc.property(markdownish, (parts) => {
      const text = parts.join("");
      expect(parseDesignDoc(text)).toEqual(parseDesignDoc(text));
    }),
    { numRuns: PARSE_RUNS },
  );
});
