import { expect, test } from "@jest/globals";
import type { Nodes } from "mdast";
import {
  parseMarkdown,
  parsePreamble,
} from "../../src/markdown/parse-markdown.js";

/** The node types in a tree, each once, with each list item's `checked`. */
function typesIn(node: Nodes, found = new Set<string>()): Set<string> {
  found.add(
    node.type === "listItem" ? `listItem ${String(node.checked)}` : node.type,
  );
  if ("children" in node)
    for (const child of node.children) typesIn(child, found);
  return found;
}

const TABLE = "| Owner | Status |\n| :- | -: |\n| me | `a\\|b` |\n";
const TASKS = "- [x] done\n- [ ] open\n- [X]\tthen a tab\n- plain\n";
const FRONT_MATTER = "---\nstatus: WIP\n---\n\n# Title\n";

test("parseMarkdown reads task items, ticked or not, and leaves tables as text", () => {
  const types = typesIn(parseMarkdown(`${TASKS}\n${TABLE}`));
  expect([...types].filter((type) => type.startsWith("listItem"))).toEqual([
    "listItem true",
    "listItem false",
    "listItem null",
  ]);
  expect([...types].filter((type) => type.startsWith("table"))).toEqual([]);
});

test("parsePreamble reads tables, a pipe escaped in inline code included", () => {
  const tree = parsePreamble(TABLE);
  expect([...typesIn(tree)]).toEqual(
    expect.arrayContaining(["table", "tableRow", "tableCell", "inlineCode"]),
  );
  expect(tree.children[0]).toMatchObject({
    type: "table",
    align: ["left", "right"],
  });
  expect(JSON.stringify(tree)).toContain('"value":"a|b"');
});

test("both read YAML front matter", () => {
  for (const parse of [parseMarkdown, parsePreamble])
    expect(parse(FRONT_MATTER).children[0]).toMatchObject({
      type: "yaml",
      value: "status: WIP",
    });
});
