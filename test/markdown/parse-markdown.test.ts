import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "@jest/globals";
import type { Root } from "mdast";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import {
  parseMarkdown,
  parsePreamble,
} from "../../src/markdown/parse-markdown.js";

/*
 * parseMarkdown calls mdast-util-from-markdown with our own from-markdown halves of the GFM
 * table and task-list packages. The reference is how the engine parsed before: unified,
 * remark-parse, remark-frontmatter and the packages' own halves. Both must give the same tree.
 */
function use(
  micromark: () => unknown,
  mdast: () => unknown,
): (this: Processor) => void {
  return function (this: Processor): void {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(micromark() as never);
    (data.fromMarkdownExtensions ??= []).push(mdast() as never);
  };
}

const reference = (plugin: (this: Processor) => void) =>
  unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ["yaml"])
    .use(plugin)
    .freeze();
const referenceDocument = reference(
  use(gfmTaskListItem, gfmTaskListItemFromMarkdown),
);
const referencePreamble = reference(use(gfmTable, gfmTableFromMarkdown));

const ROOT = new URL("../../", import.meta.url);
const CORPUS = new URL("../shared/corpus/", ROOT);

function markdownFiles(dir: URL): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => fileURLToPath(new URL(file, dir)));
}

const files = [
  ...markdownFiles(new URL("test/fixtures/", ROOT)),
  ...markdownFiles(new URL("templates/", ROOT)),
];

/** Cases for each branch of the ported halves, beside the fixtures' ordinary Markdown. */
const EDGES = [
  "| a | `b\\|c` | `d\\\\e` |\n| - | :-: | -: |\n| `e\\|f` | x |\n\n`g\\|h` after it",
  "| left | right |\n| :- | -: |\n| 1 | 2 |\n| 3 |\n",
  "- [x] done\n- [ ] open\n- [X]\tthen a tab\n-  [x] two spaces",
  "- [x]\n- [ ] \n- [x] **bold** first\n- [x] `code` first",
  "- [x] one\n\n  second paragraph\n\n- > [x] quoted\n- [x]\n  lazy",
  "1. [ ] ordered\n   - [x] nested\n\n[x] not in a list",
  "---\nstatus: WIP\n---\n\n| Owner | Status |\n| --- | --- |\n| me | WIP |\n",
];

const same = (markdown: string): [Root, Root, Root, Root] => [
  parseMarkdown(markdown),
  referenceDocument.parse(markdown),
  parsePreamble(markdown),
  referencePreamble.parse(markdown),
];

describe("parseMarkdown gives the tree unified with remark-parse gave", () => {
  test.each(
    files.map((file) => [file.slice(fileURLToPath(ROOT).length), file]),
  )("%s", (_, file) => {
    const [doc, docBefore, preamble, preambleBefore] = same(
      readFileSync(file, "utf8"),
    );
    expect(doc).toStrictEqual(docBefore);
    expect(preamble).toStrictEqual(preambleBefore);
  });

  test.each(EDGES)("%j", (markdown) => {
    const [doc, docBefore, preamble, preambleBefore] = same(markdown);
    expect(doc).toStrictEqual(docBefore);
    expect(preamble).toStrictEqual(preambleBefore);
  });

  test("the edge cases do hold tables and task items", () => {
    const types = EDGES.flatMap(
      (markdown) =>
        JSON.stringify(parsePreamble(markdown)).match(/"type":"table\w*"/g) ??
        [],
    );
    expect(new Set(types)).toEqual(
      new Set(['"type":"table"', '"type":"tableRow"', '"type":"tableCell"']),
    );
    const checked = EDGES.flatMap(
      (markdown) =>
        JSON.stringify(parseMarkdown(markdown)).match(
          /"checked":(true|false)/g,
        ) ?? [],
    );
    expect(new Set(checked)).toEqual(
      new Set(['"checked":true', '"checked":false']),
    );
  });
});

const corpus = existsSync(CORPUS) ? markdownFiles(CORPUS) : [];
if (corpus.length === 0)
  test.skip(`corpus: no shared corpus at ${fileURLToPath(CORPUS)}`, () =>
    undefined);
else
  test("every doc of the shared corpus parses to the same tree as before", () => {
    for (const file of corpus) {
      const [doc, docBefore, preamble, preambleBefore] = same(
        readFileSync(file, "utf8"),
      );
      expect({ file, doc }).toStrictEqual({ file, doc: docBefore });
      expect({ file, preamble }).toStrictEqual({
        file,
        preamble: preambleBefore,
      });
    }
  });
