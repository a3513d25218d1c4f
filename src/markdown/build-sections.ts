import type { Heading, RootContent } from "mdast";
import type { Section } from "./types.js";
import {
  classifyContent,
  commentUnits,
  contentUnits,
  leadText,
} from "./classify-content.js";
import { plainText } from "./plain-text.js";

interface OpenSection {
  section: Section;
  depth: number;
}

/**
 * Builds the section tree from the document's top-level headings (ATX or Setext, any level).
 * A heading closes every open section of the same or a deeper level.
 */
export function buildSections(
  nodes: readonly RootContent[],
  lastLine: number,
): Section[] {
  const roots: Section[] = [];
  const open: OpenSection[] = [];
  const headingIndexes = nodes.flatMap((node, index) =>
    node.type === "heading" ? [index] : [],
  );

  headingIndexes.forEach((index, n) => {
    const heading = nodes[index] as Heading;
    const next = headingIndexes[n + 1] ?? nodes.length;
    const own = nodes.slice(index + 1, next);
    const line = heading.position?.start.line ?? 1;
    while (
      open.length > 0 &&
      (open.at(-1) as OpenSection).depth >= heading.depth
    ) {
      closeSection(open.pop() as OpenSection, line - 1);
    }
    const title = plainText(heading).replace(/\s+/gu, " ").trim();
    const section: Section = {
      title,
      depth: heading.depth,
      line,
      endLine: lastLine,
      contentKind: classifyContent(own),
      contentUnits: contentUnits(own),
      leadText: leadText(own),
      commentUnits: commentUnits(own),
      children: [],
    };
    (open.at(-1)?.section.children ?? roots).push(section);
    open.push({ section, depth: heading.depth });
  });
  return roots;
}

function closeSection(entry: OpenSection, endLine: number): void {
  entry.section.endLine = Math.max(entry.section.line, endLine);
}
