import type { ExistingCheckRun, ExistingComment } from "../github/client.js";
import { encodeState, type AskedReviews } from "./comment-state.js";
import { commentBody, planComment, type CommentPlan } from "./plan-comment.js";
import type { StatusLabelPlan } from "./plan-labels.js";
import { planPullRequest, type PlanInput } from "./plan-pull-request.js";
import { CHECK_RUN_NAME, type CheckRunOutput } from "./render-check-run.js";
import { describePending } from "./render-notices.js";

/** A check run to write on a head. */
export type CheckRunPlan = CheckRunOutput & { name: string; headSha: string };

/** What one run decides from, beyond what the plan of the PR takes. */
export interface RunInput extends Omit<PlanInput, "hasComment" | "requested"> {
  headSha: string;
  /** This app's checklist comments on the PR, oldest first. */
  ours: readonly ExistingComment[];
  checkRuns: readonly ExistingCheckRun[];
  /** A status an allowed person asked for by label that the bot could not write. */
  pending: { status: string; by: string } | undefined;
  /** Someone re-ran the check and it has not been answered: write one though nothing changed. */
  recheck: boolean;
  /** The reviews asked for so far, per status, for the comment to remember. */
  asked: Readonly<Record<string, AskedReviews>>;
}

/** The writes a run makes; each part empty when the PR already shows it. */
export interface RunPlan {
  comment: CommentPlan;
  labels: StatusLabelPlan;
  checkRun: CheckRunPlan | undefined;
  /** The PR's status label, and the verdict, for the log line. */
  status: string | undefined;
  outcome: string;
  /** The whole report, as a check run would say it, whether or not one is written. */
  report: CheckRunOutput | undefined;
}

/**
 * Plans a run's writes: the comment, labels and check run the PR should show, less what it
 * already shows. A PR that is current gets an empty plan, so a redelivered event writes
 * nothing.
 */
export function planRun(input: RunInput): RunPlan {
  const notes = [
    ...(input.notes ?? []),
    ...(input.pending ? [describePending(input.pending, input.reports)] : []),
  ];
  const plan = planPullRequest({
    ...input,
    // The reviews asked for are remembered in the comment only: it is kept from then on.
    hasComment: input.ours.length > 0 || Object.keys(input.asked).length > 0,
    requested: input.pending?.status,
    notes,
  });
  const state = {
    pending: input.pending && { status: input.pending.status },
    reviews:
      Object.keys(input.asked).length > 0 ? { ...input.asked } : undefined,
  };
  const comment = planComment(
    input.ours,
    plan.comment === undefined
      ? undefined
      : commentBody([plan.comment, ...encodeState(state)].join("\n")),
  );
  const checkRun: CheckRunPlan | undefined = plan.checkRun && {
    name: CHECK_RUN_NAME,
    headSha: input.headSha,
    ...plan.checkRun,
  };
  return {
    comment,
    labels: plan.labels,
    checkRun:
      checkRun &&
      (input.recheck || !isCheckRunCurrent(input.checkRuns, checkRun))
        ? checkRun
        : undefined,
    status: plan.status,
    report: plan.report,
    outcome:
      plan.checkRun?.conclusion ??
      (input.reports.length > 0 ? "checked" : "no design docs"),
  };
}

/** Whether the latest run already says exactly this, so creating another would change nothing. */
function isCheckRunCurrent(
  existing: readonly ExistingCheckRun[],
  wanted: CheckRunOutput,
): boolean {
  const [latest] = [...existing].sort((a, b) => b.id - a.id);
  return (
    latest !== undefined &&
    latest.completed &&
    latest.conclusion === wanted.conclusion &&
    latest.title === wanted.title &&
    latest.summary === wanted.summary
  );
}
