import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkGfm)
  .freeze();

/**
 * Parses Markdown into an mdast tree: CommonMark, GFM (tables, task lists) and YAML front matter.
 * A leading byte order mark is dropped so that front matter and the first heading are still seen.
 */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(stripBom(markdown));
}

/** Removes a leading byte order mark, which editors on Windows often write. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
