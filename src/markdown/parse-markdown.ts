import type { Root } from "mdast";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

/** GFM task-list items, which checklists are made of. */
function remarkTasks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

/** GFM tables, which header fields are sometimes written in. */
function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const documentProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkTasks)
  .freeze();

const preambleProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkTables)
  .freeze();

/**
 * Parses Markdown into an mdast tree: CommonMark, GFM task lists and YAML front matter. Tables
 * are not parsed here: the table extension probes every paragraph line and costs about a
 * third of the parse, and the engine reads tables only in the preamble (`parsePreamble`).
 */
export function parseMarkdown(markdown: string): Root {
  return documentProcessor.parse(markdown);
}

/** Parses the start of a doc with GFM tables, for the header table some docs keep there. */
export function parsePreamble(markdown: string): Root {
  return preambleProcessor.parse(markdown);
}

/** Removes a leading byte order mark, which editors on Windows often write. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
