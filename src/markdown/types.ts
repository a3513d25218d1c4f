/** How much a section actually says, ignoring its subsections. */
export type ContentKind = "empty" | "comments" | "content";

/** Where a metadata field was written. */
export type FieldForm = "frontmatter" | "bold" | "line" | "table";

/** A `Key: value` pair read from front matter, a header line or a header table. */
export interface MetadataField {
  /** The key as written, markup stripped (`Implementation Status`). */
  key: string;
  /** The key normalised for lookup (`implementation status`). */
  normalizedKey: string;
  /** The value as written, markup stripped (`Implemented (Swift 5.9)`). */
  value: string;
  form: FieldForm;
  /** 1-based line of the field in the source. */
  line: number;
  /** The Markdown links in the value, in order; none in front matter. */
  links: FieldLink[];
}

/** A Markdown link in a field's value: `[Token buckets](./token-buckets.md)`. */
export interface FieldLink {
  /** The link's text as the value shows it, markup stripped. */
  text: string;
  /** Where it points, as written. */
  href: string;
}

/** A top-level front matter key whose value is a list (`replaces: [a.md, b.md]`). */
export interface FrontMatterList {
  key: string;
  /** The key normalised for lookup, as a field's is. */
  normalizedKey: string;
  /** The list's scalar items, as strings; nested lists and mappings left out. */
  items: string[];
  /** 1-based line of the key. */
  line: number;
}

/** A section of the doc: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  /** Heading text, markup stripped. */
  title: string;
  depth: number;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section, subsections included. */
  endLine: number;
  /** What the section says before its first subsection. */
  contentKind: ContentKind;
  /** Normalised text of each block of the section's own content, HTML comments excluded. */
  contentUnits: string[];
  /** The first lines a reader sees in the section's own content, markup stripped. */
  leadText: string;
  /** Normalised text inside the section's own HTML comments (a template's prompts). */
  commentUnits: string[];
  children: Section[];
}

/** A GitHub task-list item (`- [ ] text`). */
export interface TaskItem {
  text: string;
  checked: boolean;
  line: number;
}

/** A problem found while reading the doc itself, before any template is applied. */
export interface ParseProblem {
  message: string;
  line: number;
}

/** A design doc as the rest of the engine sees it. Plain data, safe to serialise. */
export interface DesignDoc {
  /** The first heading's text, or undefined when the doc has no heading. */
  title: string | undefined;
  /** 1-based last line of the first heading, the title's (a Setext heading spans two). */
  titleEndLine: number | undefined;
  /** Top-level fields of the YAML front matter, scalars as strings. */
  frontMatter: Record<string, string>;
  /** Top-level front matter keys whose value is a list; they are not fields. */
  frontMatterLists: FrontMatterList[];
  /** Every metadata field found, in document order. */
  fields: MetadataField[];
  /** Top-level sections; the title heading, when it is alone at its level, is not one of them. */
  sections: Section[];
  tasks: TaskItem[];
  problems: ParseProblem[];
}
