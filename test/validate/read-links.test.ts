import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "@jest/globals";
import { parseDesignDoc } from "../../src/markdown/parse-design-doc.js";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { statusesOf } from "../../src/validate/options.js";
import { readLinks } from "../../src/validate/read-links.js";
import { readStatus } from "../../src/validate/read-status.js";
import { engineFor } from "../helpers/engine.js";

const vocabulary = statusesOf(["WIP", "In Review", "Approved", "Obsolete"]);
const linksOf = (markdown: string) => {
  const doc = parseDesignDoc(markdown);
  return readLinks(doc, readStatus(doc, vocabulary));
};

describe("each field form", () => {
  test.each([
    ["front matter", "---\nrequires: auth.md\n---\n# T\n"],
    ["a bold line", "# T\n\n**Requires:** auth.md\n"],
    ["a bold key, colon outside", "# T\n\n**Requires**: auth.md\n"],
    ["a plain line", "# T\n\nRequires: auth.md\n"],
    ["a list item", "# T\n\n* Requires: auth.md\n"],
    [
      "a two-column table",
      "# T\n\n| Field | Value |\n| - | - |\n| Requires | auth.md |\n",
    ],
    [
      "a one-row table",
      "# T\n\n| Status | Owner | Requires |\n| - | - | - |\n| WIP | Ana | auth.md |\n",
    ],
  ])("%s", (_form, markdown) => {
    expect(linksOf(markdown)).toEqual([
      { kind: "requires", target: "auth.md" },
    ]);
  });
});

test("every key, however cased, spaced or marked up, gives its kind", () => {
  expect(
    linksOf(
      [
        "---",
        "superseded-by: a.md",
        "SUPERSEDES: b.md",
        "---",
        "# T",
        "",
        "**Replaces:** c.md",
        "**replaced by:** d.md",
        "_Requires_: e.md",
        "Related: f.md",
        "",
      ].join("\n"),
    ),
  ).toEqual([
    { kind: "superseded-by", target: "a.md" },
    { kind: "supersedes", target: "b.md" },
    { kind: "replaces", target: "c.md" },
    { kind: "replaced-by", target: "d.md" },
    { kind: "requires", target: "e.md" },
    { kind: "related", target: "f.md" },
  ]);
});

test("other fields are no links", () => {
  expect(
    linksOf("# T\n\n**Owner:** Ana\n**Status:** WIP\n**See also:** a.md\n"),
  ).toEqual([]);
});

test("several values, comma or semicolon separated, each a path, a URL or a title", () => {
  expect(
    linksOf(
      "# T\n\n**Related:** ../auth/tokens.md, https://github.com/acme/api/blob/main/docs/design/x.md; Token buckets v2\n",
    ),
  ).toEqual([
    { kind: "related", target: "../auth/tokens.md" },
    {
      kind: "related",
      target: "https://github.com/acme/api/blob/main/docs/design/x.md",
    },
    { kind: "related", target: "Token buckets v2" },
  ]);
});

test("a Markdown link is read as its target, a comma in its text splitting nothing", () => {
  expect(
    linksOf(
      "# T\n\n**Requires:** [Auth, the first one](./auth.md), [Quotas](https://github.com/acme/api/blob/main/q.md), Rate limits\n",
    ),
  ).toEqual([
    { kind: "requires", target: "./auth.md" },
    { kind: "requires", target: "https://github.com/acme/api/blob/main/q.md" },
    { kind: "requires", target: "Rate limits" },
  ]);
});

test("a Markdown link in a table cell is read as its target", () => {
  expect(
    linksOf(
      "# T\n\n| Field | Value |\n| - | - |\n| Replaces | [Old](old.md) |\n",
    ),
  ).toEqual([{ kind: "replaces", target: "old.md" }]);
});

test("links on consecutive bold lines of one paragraph stay on their own line", () => {
  expect(
    linksOf("# T\n\n**Replaces:** [A](a.md)\n**Related:** [B](b.md)\n"),
  ).toEqual([
    { kind: "replaces", target: "a.md" },
    { kind: "related", target: "b.md" },
  ]);
});

test("a front matter list, block or flow, item by item", () => {
  expect(
    linksOf(
      '---\nreplaces:\n  - "/docs/proposals/old.md"\n  - older.md\nrelated: [a.md, b.md]\n---\n# T\n',
    ),
  ).toEqual([
    { kind: "replaces", target: "/docs/proposals/old.md" },
    { kind: "replaces", target: "older.md" },
    { kind: "related", target: "a.md" },
    { kind: "related", target: "b.md" },
  ]);
});

test("a front matter list is still no field", () => {
  const doc = parseDesignDoc("---\nrelated: [a.md]\n---\n# T\n");
  expect(doc.fields).toEqual([]);
  expect(doc.frontMatterLists).toEqual([
    { key: "related", normalizedKey: "related", items: ["a.md"], line: 2 },
  ]);
});

test.each(["N/A", "none", "-", "TBD", ""])(
  "a value that says there is none (%j) is no link",
  (value) => {
    expect(linksOf(`# T\n\n**Superseded by:** ${value}\n`)).toEqual([]);
  },
);

describe("the Status's successor", () => {
  test("is a superseded-by link", () => {
    expect(
      linksOf("# T\n\n**Status:** Superseded by Token buckets v2\n"),
    ).toEqual([{ kind: "superseded-by", target: "Token buckets v2" }]);
  });

  test("is read from `Obsolete (see …)` too", () => {
    expect(linksOf("# T\n\n**Status:** Obsolete (see quotas.md)\n")).toEqual([
      { kind: "superseded-by", target: "quotas.md" },
    ]);
  });

  test("is the link's target when the Status links to it", () => {
    expect(
      linksOf("# T\n\n**Status:** Superseded by [Token buckets](./tb.md)\n"),
    ).toEqual([{ kind: "superseded-by", target: "./tb.md" }]);
  });

  test("is not listed twice when a field names it too", () => {
    expect(
      linksOf(
        "# T\n\n**Status:** Superseded by token buckets v2\n**Superseded by:** Token Buckets v2\n",
      ),
    ).toEqual([{ kind: "superseded-by", target: "Token Buckets v2" }]);
  });

  test("is listed beside a field that names another doc", () => {
    expect(
      linksOf(
        "# T\n\n**Status:** Superseded by b.md\n**Superseded by:** a.md\n",
      ),
    ).toEqual([
      { kind: "superseded-by", target: "a.md" },
      { kind: "superseded-by", target: "b.md" },
    ]);
  });
});

test("checkDesignDoc reports the links, with or without a template", () => {
  const engine = engineFor();
  expect(
    checkDesignDoc("docs/design/a.md", "# T\n\n**Requires:** b.md\n", engine)
      .links,
  ).toEqual([{ kind: "requires", target: "b.md" }]);
  expect(
    checkDesignDoc(
      "docs/design/a.md",
      "---\nrelated: [b.md]\n---\n# Just notes\n\nNothing else.\n",
      engine,
    ).links,
  ).toEqual([{ kind: "related", target: "b.md" }]);
});

/** The public docs beside the project, read in place: their text is not copied into it. */
const CORPUS = new URL("../../../shared/corpus/", import.meta.url);

if (!existsSync(CORPUS))
  test.skip(`corpus links: no shared corpus at ${fileURLToPath(CORPUS)}`, () =>
    undefined);
else
  test("every corpus doc's links have a kind and a target that is not blank", () => {
    const engine = engineFor();
    const files = readdirSync(CORPUS).filter((file) => file.endsWith(".md"));
    const links = files.flatMap(
      (file) =>
        checkDesignDoc(
          file,
          readFileSync(new URL(file, CORPUS), "utf8"),
          engine,
        ).links,
    );
    for (const link of links) expect(link.target.trim()).not.toBe("");
    // The Cluster API template's front matter lists a doc it replaces and one superseding it.
    expect(links).toEqual(
      expect.arrayContaining([
        {
          kind: "replaces",
          target: "/docs/proposals/20181231-replaced-proposal.md",
        },
        {
          kind: "superseded-by",
          target: "/docs/proposals/20190104-superceding-proposal.md",
        },
      ]),
    );
  });
