/**
 * The index of design docs that `design-docs index` writes: the JSON schema (`--format json`)
 * and what the Markdown and HTML renderings are made from. A change to these shapes that a
 * reader of the JSON could notice raises `INDEX_SCHEMA_VERSION`.
 */
import type { DocLinkRef } from "../validate/types.js";

export const INDEX_SCHEMA_VERSION = 1;

/** The whole index. */
export interface DesignDocIndex {
  schemaVersion: typeof INDEX_SCHEMA_VERSION;
  /** What was indexed: the working tree, one repository, or every repository of an org. */
  scope: { kind: "local" | "repo" | "org"; name: string };
  /** Every doc, by repo, then path, then a default-branch doc before the PRs proposing it. */
  docs: IndexedDoc[];
  /** What could not be read, in the order met; the run goes on past each. */
  errors: IndexError[];
}

// The engine reads links (src/validate), so their shapes live there; the index's are the same.
export type { DocLinkRef, LinkKind } from "../validate/types.js";

/** Which doc of the index a link or a finding points at. */
export interface DocRef {
  /** `owner/name`; null in the working tree. */
  repo: string | null;
  path: string;
}

/** A link, and the doc of the index it names, or null when it names none. */
export interface IndexedLink extends DocLinkRef {
  resolved: DocRef | null;
}

/** One doc: on the default branch (or the working tree), or proposed by an open PR. */
export interface IndexedDoc extends DocRef {
  /** The file on GitHub (`…/blob/<branch>/<path>`, the PR head's blob when proposed); null locally. */
  url: string | null;
  /** The doc's first heading; its path when it has none. */
  title: string;
  status: {
    /** As written, markup stripped; null when the doc has no Status. */
    raw: string | null;
    /** The vocabulary value it means (`In Review`); null when it means none. */
    normalised: string | null;
  };
  owner: string | null;
  /** As written. */
  created: string | null;
  /** The template's id; null when the doc follows none. */
  template: string | null;
  /** The doc's unmet requirements, link findings included. */
  findings: number;
  links: IndexedLink[];
  /** What is wrong with the doc's links: one sentence each. */
  linkFindings: string[];
  /** The open PR that adds or changes the doc; null for a doc on the default branch. */
  proposed: { pr: number; url: string; label: string | null } | null;
}

/** A repository, or one doc of it, that could not be read. */
export interface IndexError {
  /** `owner/name`, or the working tree's path. */
  repo: string;
  /** The doc, when the error is about one. */
  path: string | null;
  /** One sentence a reader can act on. */
  message: string;
}
