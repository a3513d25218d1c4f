/** How much an unmet requirement weighs. */
export type Severity = "failure" | "warning";

/** One requirement of the checklist, met or not. */
export interface Check {
  /** The rule that decided it (`section-placeholder`). */
  ruleId: string;
  /** What is required, one checklist line (`Section "Alternatives"`). */
  requirement: string;
  met: boolean;
  /** For an unmet requirement: what was found and what was expected, with the line. */
  message?: string;
  line?: number;
  severity?: Severity;
}

/** An unmet requirement. */
export type Finding = Check & {
  met: false;
  message: string;
  severity: Severity;
};

/** The state of a template section in the doc, from worst to best. */
export type SectionState =
  | "missing"
  | "empty"
  | "comments"
  | "stand-in"
  | "placeholder"
  | "not-applicable"
  | "written";

/** A section's state and, for a placeholder, how much of it is the template's prompt. */
export interface SectionAssessment {
  state: SectionState;
  /** The share of the section's words the prompt holds, 0 to 1. */
  share?: number;
  /** The prompt's own blocks, unedited (however re-wrapped). */
  copied?: boolean;
}

/** How a doc names another in a header field, front matter, or its Status. */
export type LinkKind =
  | "superseded-by"
  | "supersedes"
  | "replaces"
  | "replaced-by"
  | "requires"
  | "related";

/** A link as the doc writes it. */
export interface DocLinkRef {
  kind: LinkKind;
  /** As written: a relative path, a URL of a doc on GitHub, or a title. */
  target: string;
}
