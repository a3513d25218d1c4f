import picomatch from "picomatch";
import { latestApprovals } from "../report/count-approvals.js";
import { ruleFor } from "./decide.js";
import { allowed, statusAtBase } from "./gather-approvals.js";
import type { RunContext } from "./run-context.js";
import type { PullRequestRead, Reviewing } from "./snapshot.js";

/**
 * What requesting reviewers by status takes: the statuses with reviewers that a doc reached
 * on this PR (at that status now, not at the base) and the comment does not remember asking
 * for; who reviewed the PR; and, per status with reviewers (one a doc is at, or one the
 * comment remembers), who of those allowed to set it approved. Reads nothing when the config
 * names no reviewers for those statuses, and a doc's base only for a status not asked yet.
 */
export async function gatherReviewing(
  run: RunContext,
  read: PullRequestRead,
): Promise<Reviewing | undefined> {
  const { reviewers } = read.config;
  const asked = read.state.reviews ?? {};
  const at = read.reports.map((report) => report.status.value);
  const statuses = [
    ...new Set([
      ...at.flatMap((status) => (status === undefined ? [] : [status])),
      ...Object.keys(asked),
    ]),
  ].filter((status) => Object.hasOwn(reviewers, status));
  if (statuses.length === 0) return undefined;
  const isDoc = picomatch(read.config.paths, { dot: true });
  const [reviews, reached] = await Promise.all([
    run.reviews(),
    Promise.all(
      read.docs.map(async (doc, index) => {
        const status = at[index];
        if (
          status === undefined ||
          !Object.hasOwn(reviewers, status) ||
          Object.hasOwn(asked, status)
        )
          return [];
        const before = await statusAtBase(read, run, doc, isDoc);
        return before === status ? [] : [status];
      }),
    ),
  ]);
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
    reached: [...new Set(reached.flat())],
    reviewed: [...new Set(reviews.map((review) => review.user))],
    approvedBy: Object.fromEntries(approvedBy),
    failure: undefined,
  };
}
