import { ownValue } from "../validate/own-value.js";
import type { Config } from "../config/parse-config.js";
import {
  DEFAULT_STATUS_RULE,
  describeSetters,
  type StatusRule,
} from "../config/status-rules.js";
import { resolveMergeStatuses } from "../config/merge-rule.js";
import { addApprovalCheck } from "../report/add-approval-check.js";
import { addMergeCheck } from "../report/add-merge-check.js";
import { neutralize } from "../report/neutralize.js";
import { planRun, type RunPlan } from "../report/plan-run.js";
import {
  describeReviews,
  planReviewRequests,
  type ReviewRequest,
} from "../report/plan-reviews.js";
import type { DocFile } from "./read-doc-reports.js";
import type { RunEvent } from "./run-context.js";
import type {
  Approvals,
  LabelFacts,
  PullRequestRead,
  PullRequestSnapshot,
  StatusesWritten,
} from "./snapshot.js";

/** Status commits a label asks for, to make before anything else is decided. */
export interface StatusWrite {
  status: string;
  /** The person who added the label. */
  by: string;
  /** The label event the commits carry out, named in their messages. */
  labelEvent: number | undefined;
  docs: DocFile[];
  /** The branch to commit on; undefined for a fork's PR, which the bot cannot push to. */
  branch: string | undefined;
  /** The head a suggestion is made on, where a doc cannot be committed. */
  headSha: string;
  /** False on a redelivery of the same label: its suggestions were posted the first time. */
  suggest: boolean;
  /** Markdown lines (already neutralised) for the top of the comment. */
  notes: string[];
}

/** No restricted moves, nothing pending: gather leaves approvals out only before status writes. */
const NO_APPROVALS: Approvals = { moves: [], pending: undefined };

/** A run's plan, and the reviews to request before it is applied. */
export type ReportPlan = RunPlan & { reviews: ReviewRequest[] };

/** What to do next: write the Statuses a label asks for, or make the PR show its report. */
export type Decision = { statusWrite: StatusWrite } | { plan: ReportPlan };

/**
 * The decision on a PR: pure, from the snapshot and the event. A status label someone allowed
 * added is written into the docs first (`statusWrite`, then decideAfterWrites); otherwise the
 * plan of the comment, labels and check run the PR should show, less what it already shows.
 * A PR that is current gets an empty plan.
 */
export function decide(
  snapshot: PullRequestSnapshot,
  event: RunEvent,
): Decision {
  const step = decideLabel(snapshot, snapshot.label);
  return step.statusWrite
    ? { statusWrite: step.statusWrite }
    : { plan: decideReport(snapshot, event) };
}

/** The plan of a PR no status write comes first on (decide found none). */
export function decideReport(
  snapshot: PullRequestSnapshot,
  event: RunEvent,
): ReportPlan {
  return planReport(
    snapshot,
    event,
    decideLabel(snapshot, snapshot.label).notes,
    snapshot.approvals ?? NO_APPROVALS,
  );
}

/** The plan once the run's own status writes are done, from the snapshot gathered after. */
export function decideAfterWrites(
  snapshot: PullRequestSnapshot,
  event: RunEvent,
  written: StatusesWritten,
): ReportPlan {
  const approvals = snapshot.approvals ?? NO_APPROVALS;
  return planReport(snapshot, event, written.notes, {
    ...approvals,
    // A status the writes left pending; else the one the comment remembers, if it stands.
    pending: written.pending ?? approvals.pending,
  });
}

/**
 * The report the PR should show, and the reviews to request first: once per status a doc
 * reached that names reviewers, remembered in the comment. The reviews are planned only on a
 * live run with a valid config, as every other write.
 */
function planReport(
  snapshot: PullRequestSnapshot,
  event: RunEvent,
  notes: readonly string[],
  approvals: Approvals,
): ReportPlan {
  const { merge } = snapshot.config;
  const mergeStatuses =
    merge && resolveMergeStatuses(merge, snapshot.vocabulary).statuses;
  const reports = snapshot.reports.map((report) => {
    const move = approvals.moves.find((entry) => entry.path === report.path);
    const approved = move ? addApprovalCheck(report, move) : report;
    return mergeStatuses ? addMergeCheck(approved, mergeStatuses) : approved;
  });
  const asked = snapshot.state.reviews ?? {};
  const { reviewing } = snapshot;
  const live = snapshot.config.mode === "live" && snapshot.errors.length === 0;
  const plan = planRun({
    config: snapshot.config,
    errors: snapshot.errors,
    reports,
    statusLabels: snapshot.statusLabels,
    currentLabels: snapshot.pr.labels,
    reported: snapshot.reported,
    truncated: snapshot.truncated,
    proposed: snapshot.proposed,
    notes: [
      ...snapshot.configNotes,
      ...notes,
      ...(reviewing
        ? describeReviews(asked, reviewing.approvedBy, reviewing.failure)
        : []),
    ],
    asked,
    headSha: snapshot.pr.headSha,
    ours: snapshot.ours,
    checkRuns: snapshot.checkRuns,
    pending: approvals.pending,
    recheck:
      event.kind === "rerun" &&
      !snapshot.checkRuns.some((checkRun) => checkRun.id > event.checkRunId),
  });
  return {
    ...plan,
    reviews:
      reviewing && live
        ? planReviewRequests({
            reviewers: snapshot.config.reviewers,
            statuses: reviewing.reached,
            asked,
            owner: snapshot.pr.owner,
            author: snapshot.pr.author,
            requestedUsers: snapshot.pr.requestedReviewers,
            requestedTeams: snapshot.pr.requestedTeams,
            reviewed: reviewing.reviewed,
          })
        : [],
  };
}

/**
 * A person adding or removing a status label. Added by someone allowed to set that status:
 * each doc they saw that does not say it yet is to get it. Added by someone not allowed: the
 * plan takes it off again (the docs do not call for it), and the comment says who may set it.
 * Removed: the label the docs call for comes back, and the comment says how to change status.
 */
export function decideLabel(
  snapshot: PullRequestRead,
  facts: LabelFacts | undefined,
): { notes: string[]; statusWrite?: StatusWrite | undefined } {
  if (!facts) return { notes: [] };
  const who = neutralize(`@${facts.sender}`);
  const name = neutralize(facts.label.name);
  const { status } = facts.label;
  if (facts.action === "unlabeled")
    return {
      notes: [
        `${who} removed the **${name}** label. The status label follows the Status written in the docs: to change it, edit the Status line of the doc, or add another status label.`,
      ],
    };
  const docs = docsToSet(snapshot, status);
  if (docs.length === 0) return { notes: [] };
  if (!facts.senderMaySet)
    return {
      notes: [
        `${who} added **${name}**, but only ${neutralize(describeSetters(ruleFor(snapshot.config, status)))} may set that status, so the label was taken off again.`,
      ],
    };
  const seen = docs.filter((doc) => facts.seen.includes(doc.path));
  const newer = docs.filter((doc) => !facts.seen.includes(doc.path));
  const notes =
    newer.length > 0
      ? [
          `${who} added **${name}** before ${newer.map((doc) => neutralize(doc.path)).join(", ")} changed, so the bot did not set ${newer.length === 1 ? "it" : "them"}: add the label again to set ${newer.length === 1 ? "that doc" : "those docs"} too.`,
        ]
      : [];
  if (seen.length === 0) return { notes };
  const { pr } = snapshot;
  return {
    notes,
    statusWrite: {
      status,
      by: facts.sender,
      labelEvent: facts.labelEvent,
      docs: seen,
      branch: pr.headInRepo ? pr.headRef : undefined,
      headSha: pr.headSha,
      suggest: snapshot.state.pending?.status !== status,
      notes,
    },
  };
}

/** The docs that do not say `status` yet. */
export function docsToSet(read: PullRequestRead, status: string): DocFile[] {
  return read.docs.filter(
    (_doc, index) => read.reports[index]?.status.value !== status,
  );
}

/** Who may set a status: its rule in the config, else the repository's writers. */
export function ruleFor(config: Config, status: string): StatusRule {
  return ownValue(config.rules, status) ?? DEFAULT_STATUS_RULE;
}
