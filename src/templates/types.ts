/** A section the template asks for, as read from the template's own Markdown. */
export interface TemplateSection {
  /** The heading as the template writes it (`Background / Problem Statement`). */
  title: string;
  /** The normalised names a doc heading may match: the whole title and each subject of `A / B`, `A and B` (see `namesOf`). */
  names: string[];
  /** 1-based line of the heading in the template. */
  line: number;
  optional: boolean;
  /** Has subsections and no text of its own: present is enough, its subsections are checked. */
  container: boolean;
  /** A task list that the doc ticks (the appendix checklist), not prose to be replaced. */
  checklist: boolean;
  /** Normalised text of each block of the template's example content. */
  placeholder: string[];
  /** The example content and the prompts in HTML comments, normalised: what a doc must not keep. */
  prompt: string[];
  /** Asked for only in some cases (its prompt opens with "If"): `N/A` is an answer here. */
  conditional: boolean;
  children: TemplateSection[];
}

/** A header field the template asks for (`**Owner:** ...`). */
export interface TemplateField {
  key: string;
  normalizedKey: string;
  /** The template's own value, which a doc must replace. */
  placeholder: string;
}

/** An item of the template's appendix checklist and the section it vouches for. */
export interface ChecklistItem {
  text: string;
  section: TemplateSection | undefined;
}

/** A design-doc template: everything the validator needs, derived from one Markdown file. */
export interface Template {
  id: string;
  /** Where it came from: `built-in`, or the repo path of a repo's own template. */
  origin: string;
  title: string | undefined;
  fields: TemplateField[];
  /** The Status vocabulary the template offers, least advanced first; empty when it has none. */
  statuses: string[];
  sections: TemplateSection[];
  checklist: ChecklistItem[];
}
