import { ownValue } from "./own-value.js";

/** A status of the vocabulary, with the other words that mean it. */
export interface StatusDefinition {
  name: string;
  aliases: string[];
  /** Unmet requirements fail the doc at this status; otherwise they are warnings. */
  strict: boolean;
}

/** What a repo can change about validation. Everything has a default. */
export interface ValidateOptions {
  /** Extra names a template section answers to, keyed by the template's heading. */
  aliases: Record<string, string[]>;
  /** Template headings that a doc may leave out. */
  optionalSections: string[];
  /** The repo's own Status vocabulary, least advanced first; undefined keeps the template's. */
  statuses: StatusDefinition[] | undefined;
  /** The vocabulary for templates that name none (the built-in `design-doc` template's). */
  defaultStatuses: StatusDefinition[];
  /** Today's date (`YYYY-MM-DD`), against which `Created` may not be in the future. */
  today: string;
}

/**
 * Other words for the default vocabulary's statuses, drawn from public design docs: Draft is
 * far more common than WIP, Accepted about as common as Approved.
 */
export const DEFAULT_STATUS_ALIASES: Readonly<
  Record<string, readonly string[]>
> = {
  WIP: [
    "draft",
    "work in progress",
    "in progress",
    "provisional",
    "speculative",
    "pending",
  ],
  "In Review": [
    "review",
    "in-review",
    "under review",
    "active review",
    "awaiting review",
    "proposed",
    "proposal",
    "request for comments",
  ],
  Approved: [
    "accepted",
    "approve",
    "final",
    "implementable",
    "implemented",
    "ready for implementation",
  ],
  Obsolete: [
    "deprecated",
    "superseded",
    "replaced",
    "withdrawn",
    "rejected",
    "declined",
    "abandoned",
    "archived",
  ],
};

/**
 * Words that say how far the implementation got, not what the review decided. They are not
 * read as a status (a "Done" design may never have been approved); the finding suggests the
 * status `implemented` means.
 */
export const IMPLEMENTATION_WORDS: readonly string[] = [
  "done",
  "complete",
  "completed",
  "finished",
  "shipped",
  "merged",
  "landed",
  "released",
  "deployed",
  "in production",
];

/** Statuses at which unmet requirements are only warnings, by default. */
const DEFAULT_LENIENT_STATUSES: readonly string[] = ["WIP"];

/**
 * Other names for template sections, from the spellings public design docs use. A doc heading
 * that matches any name of a group satisfies a template section named by any other.
 */
export const DEFAULT_HEADING_ALIASES: readonly (readonly string[])[] = [
  [
    "alternatives",
    "alternatives considered",
    "rationale and alternatives",
    "prior art and alternatives",
    "rejected alternatives",
    "alternative approaches",
    "alternative solutions",
  ],
  ["testing", "test plan", "testing plan", "testing strategy", "tests"],
  ["description", "summary", "tl dr", "tldr", "abstract"],
  ["overview", "introduction", "objective"],
  [
    "background",
    "motivation",
    "background and motivation",
    "problem statement",
    "context",
  ],
  [
    "detailed design",
    "design details",
    "proposal",
    "proposed solution",
    "proposed design",
  ],
  ["goals", "goals and non goals", "objectives"],
  ["out of scope", "non goals", "non goal"],
  [
    "rollout plan",
    "rollout",
    "release plan",
    "upgrade downgrade strategy",
    "rollout strategy",
  ],
  ["migration plan", "migration path", "migration"],
  [
    "security privacy considerations",
    "security considerations",
    "security implications",
    "security",
  ],
  [
    "dependencies compatibility",
    "compatibility",
    "backward compatibility",
    "backwards compatibility",
  ],
  ["glossary", "definitions", "terminology"],
  ["future enhancements", "future work", "future possibilities"],
];

/** The vocabulary a template offers, with the default aliases and strictness for each status. */
export function statusesOf(names: readonly string[]): StatusDefinition[] {
  return names.map((name) => ({
    name,
    aliases: [...(ownValue(DEFAULT_STATUS_ALIASES, name) ?? [])],
    strict: !DEFAULT_LENIENT_STATUSES.includes(name),
  }));
}
