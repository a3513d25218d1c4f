import type { Config, ConfigError } from "../config/parse-config.js";
import type { StatusLabel } from "../config/status-labels.js";
import type {
  ExistingCheckRun,
  ExistingComment,
  PullRequestState,
} from "../github/client.js";
import type { StatusMove } from "../report/add-approval-check.js";
import type { CommentState } from "../report/comment-state.js";
import type { ProposedConfig } from "../report/render-proposed-config.js";
import type { DocReport } from "../validate/check-design-doc.js";
import type { StatusDefinition } from "../validate/options.js";
import type { DocFile } from "./read-doc-reports.js";

/** Everything one decision is made from, read from GitHub at one head of the PR. */
export interface PullRequestSnapshot {
  config: Config;
  /** The config's errors and the templates'. */
  errors: ConfigError[];
  /** Markdown lines (already neutralised) on how the config was read, for the top of the comment. */
  configNotes: string[];
  vocabulary: StatusDefinition[];
  statusLabels: StatusLabel[];
  pr: PullRequestState;
  docs: DocFile[];
  /** One per doc, in the same order. */
  reports: DocReport[];
  /** This app's checklist comments, oldest first. */
  ours: ExistingComment[];
  /** Whether the bot has reported on this PR before: its comment, or a status label it put on. */
  reported: boolean;
  /** What the checklist comment remembers: a cache, trusted only where GitHub confirms it. */
  state: CommentState;
  /** The `Design docs` check runs on `pr.headSha`. */
  checkRuns: ExistingCheckRun[];
  /** Set when GitHub's file list stops short of the PR's files: how many it listed of all. */
  truncated: { listed: number; total: number } | undefined;
  /** The config the PR proposes, when it changes the config or a template it names. */
  proposed: ProposedConfig | undefined;
  /** Who approved each restricted Status move, and the pending status that still stands. */
  /**
   * Undefined when a status label's writes come first: the PR is decided again after them,
   * and its approvals are gathered then.
   */
  approvals: Approvals | undefined;
  /** For a status label added or removed, until its statuses are written. */
  label: LabelFacts | undefined;
  /** Set when a status the docs are at names reviewers: who reviewed, who approved. */
  reviewing: Reviewing | undefined;
}

/** The PR's reviews as far as requesting reviewers by status goes. */
export interface Reviewing {
  /** Statuses with reviewers that a doc reached on this PR and that were not asked for yet. */
  reached: string[];
  /** Users who reviewed the PR already: not asked again. */
  reviewed: string[];
  /** Per status with reviewers, who of those allowed to set it approved. */
  approvedBy: Record<string, string[]>;
  /** Why this run's review request failed (not a refusal): asked again next time. */
  failure: string | undefined;
}

/** A run that stops before deciding anything, and why (the log line's outcome). */
export interface Skipped {
  skipped:
    | "no design docs"
    | "skipped: closed"
    | "skipped: draft"
    | "not a status label"
    | "label already gone";
}

/** The snapshot before approvals and label facts. */
export type PullRequestRead = Omit<
  PullRequestSnapshot,
  "approvals" | "label" | "reviewing"
>;

/** A status someone allowed asked for by label, which the docs do not say yet. */
export interface PendingStatus {
  status: string;
  by: string;
}

/** Who approved each doc's move into a restricted status, and the pending status that stands. */
export interface Approvals {
  moves: StatusMove[];
  pending: PendingStatus | undefined;
}

/** A status label a person added or removed, and what deciding on it takes. */
export interface LabelFacts {
  label: StatusLabel;
  action: "labeled" | "unlabeled";
  sender: string;
  /** Whether the sender may set the label's status; asked only when a doc does not say it. */
  senderMaySet: boolean;
  /** Of the docs to set, those the sender saw: as they were at the head the event names. */
  seen: string[];
  /** The label event a status commit carries out, as GitHub recorded it. */
  labelEvent: number | undefined;
}

/** What the run's own status writes did: the decision after them starts from this. */
export interface StatusesWritten {
  /** The commits made, if any: the PR is read again at their head. */
  own: { headSha: string; blobs: Record<string, string> } | undefined;
  /** Docs the commits set, for the label's sender. */
  set: { status: string; by: string; paths: readonly string[] };
  /** Set when some doc was left to its author (a suggestion, or nothing the bot may write). */
  pending: PendingStatus | undefined;
  /** Markdown lines (already neutralised) for the top of the comment. */
  notes: string[];
}
