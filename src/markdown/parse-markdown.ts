import type { Root } from "mdast";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { fromMarkdown, type Options } from "mdast-util-from-markdown";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { tableFromMarkdown } from "./table-from-markdown.js";
import { taskListItemFromMarkdown } from "./task-list-item-from-markdown.js";

/*
 * micromark's syntax extensions and their mdast halves, as unified with remark-parse and
 * remark-frontmatter hands them to `fromMarkdown`: called here without unified and vfile, and
 * without the to-markdown halves the plugins also bring (see table-from-markdown.ts).
 */
const documentOptions: Options = {
  extensions: [frontmatter("yaml"), gfmTaskListItem()],
  mdastExtensions: [
    frontmatterFromMarkdown("yaml"),
    taskListItemFromMarkdown(),
  ],
};

const preambleOptions: Options = {
  extensions: [frontmatter("yaml"), gfmTable()],
  mdastExtensions: [frontmatterFromMarkdown("yaml"), tableFromMarkdown()],
};

/**
 * Parses Markdown into an mdast tree: CommonMark, GFM task lists and YAML front matter. Tables
 * are not parsed here: the table extension probes every paragraph line and costs about a
 * third of the parse, and the engine reads tables only in the preamble (`parsePreamble`).
 */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, documentOptions);
}

/** Parses the start of a doc with GFM tables, for the header table some docs keep there. */
export function parsePreamble(markdown: string): Root {
  return fromMarkdown(markdown, preambleOptions);
}

/** Removes a leading byte order mark, which editors on Windows often write. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
