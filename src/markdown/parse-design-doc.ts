import type { Root, Yaml } from "mdast";
import type { DesignDoc, Section } from "./types.js";
import { buildSections } from "./build-sections.js";
import { parseMarkdown, parsePreamble, stripBom } from "./parse-markdown.js";
import { readLineFields, readTableFields } from "./read-fields.js";
import { readFrontMatter } from "./read-front-matter.js";
import { readTasks } from "./read-tasks.js";
import { splitLines } from "./split-lines.js";

/**
 * Reads a design doc: its title, metadata fields, section tree and task list. Pure, and total:
 * any string gives a `DesignDoc`; what cannot be read becomes one of its `problems`.
 */
export function parseDesignDoc(markdown: string): DesignDoc {
  const source = stripBom(markdown);
  const tree = parseMarkdown(source);
  const sourceLines = splitLines(source).map((line) => line.text);
  const first = tree.children[0];
  const frontMatter = readFrontMatter(
    first?.type === "yaml" ? (first as Yaml) : undefined,
  );
  const sections = buildSections(tree.children, sourceLines.length);
  return {
    title: titleOf(sections),
    titleEndLine: tree.children.find((node) => node.type === "heading")
      ?.position?.end.line,
    frontMatter: frontMatter.values,
    frontMatterLists: frontMatter.lists,
    fields: [
      ...frontMatter.fields,
      ...[
        ...readLineFields(tree.children, sourceLines),
        ...readPreambleTables(tree, sourceLines),
      ].sort((a, b) => a.line - b.line),
    ],
    sections: unwrapTitle(sections),
    tasks: readTasks(tree),
    problems: frontMatter.problems,
  };
}

/**
 * Header tables, read from the preamble (everything before the second heading) parsed again
 * with table support. Lines keep their numbers: the preamble is the start of the source.
 */
function readPreambleTables(tree: Root, sourceLines: readonly string[]) {
  const headings = tree.children.filter((node) => node.type === "heading");
  const end = headings[1]?.position?.start.line ?? sourceLines.length + 1;
  const preamble = sourceLines.slice(0, end - 1).join("\n");
  return preamble.includes("|")
    ? readTableFields(parsePreamble(preamble).children)
    : [];
}

function titleOf(sections: readonly Section[]): string | undefined {
  const title = sections[0]?.title;
  return title ? title : undefined;
}

/** A lone top heading with subsections is the doc's title: its subsections are the doc's sections. */
function unwrapTitle(sections: Section[]): Section[] {
  const [only] = sections;
  return sections.length === 1 && only && only.children.length > 0
    ? only.children
    : sections;
}
