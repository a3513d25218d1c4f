import { latestApprovals } from "../report/count-approvals.js";
import { ruleFor } from "./decide.js";
import { allowed } from "./gather-approvals.js";
import type { RunContext } from "./run-context.js";
import type { PullRequestRead, Reviewing } from "./snapshot.js";

/**
 * Who reviewed the PR, and per status with reviewers (one a doc is at, or one the comment
 * remembers asking for) who of those allowed to set it approved. Reads nothing when the
 * config names no reviewers for those statuses.
 */
export async function gatherReviewing(
  run: RunContext,
  read: PullRequestRead,
): Promise<Reviewing | undefined> {
  const { reviewers } = read.config;
  const statuses = [
    ...new Set([
      ...read.reports.flatMap((report) =>
        report.status.value === undefined ? [] : [report.status.value],
      ),
      ...Object.keys(read.state.reviews ?? {}),
    ]),
  ].filter((status) => Object.hasOwn(reviewers, status));
  if (statuses.length === 0) return undefined;
  const reviews = await run.reviews();
  const approvers = latestApprovals(reviews);
  const approvedBy = await Promise.all(
    statuses.map(
      async (status) =>
        [
          status,
          await allowed(
            approvers,
            ruleFor(read.config, status),
            run.mayUserSet,
          ),
        ] as const,
    ),
  );
  return {
    reviewed: [...new Set(reviews.map((review) => review.user))],
    approvedBy: Object.fromEntries(approvedBy),
  };
}
