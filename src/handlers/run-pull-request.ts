import { applyRunPlan } from "./apply-plan.js";
import {
  decide,
  decideAfterWrites,
  decideReport,
  type ReportPlan,
} from "./decide.js";
import { gatherApprovals } from "./gather-approvals.js";
import { gatherPullRequest } from "./gather-pull-request.js";
import { gatherReviewing } from "./gather-reviewing.js";
import { requestReviews } from "./request-reviews.js";
import type { PullRequestSnapshot } from "./snapshot.js";
import { loadRepoConfig } from "./load-repo-config.js";
import { runMerged } from "./run-merged.js";
import {
  createRunContext,
  type RunEvent,
  type RunHost,
  type RunResult,
  type RunTarget,
} from "./run-context.js";
import { writeStatuses } from "./write-statuses.js";

/**
 * One pass over a PR: gather what the decision needs, decide, and apply the plan, writing
 * only what changed. A status label someone allowed added is written into the docs first;
 * after the bot's own commits, the PR is gathered again at their head. A redelivered event
 * finds the PR current and writes nothing. `progress` keeps the head the run is on, where a
 * failure is reported.
 */
export async function runPullRequest(
  host: RunHost,
  target: RunTarget,
  event: RunEvent,
  progress: { headSha: string } = { headSha: target.headSha },
): Promise<RunResult> {
  if (event.kind === "merged") return runMerged(host, target);
  const run = createRunContext(host);
  const loading =
    host.config ??
    loadRepoConfig(run.client, run.workers, target, host.configSource);
  let snapshot = await gatherPullRequest(run, loading, target, event);
  if ("skipped" in snapshot)
    return { docs: 0, outcome: snapshot.skipped, writes: [] };
  progress.headSha = snapshot.pr.headSha;
  if (host.readOnly) {
    // Nothing may be written: the report as the PR stands, for the job summary.
    const plan = decideReport(snapshot, event);
    return {
      docs: snapshot.reports.length,
      reports: snapshot.reports,
      outcome: plan.outcome,
      status: plan.status,
      report: plan.report,
      writes: [],
    };
  }

  const decision = decide(snapshot, event);
  let replan: (current: PullRequestSnapshot) => ReportPlan;
  if ("statusWrite" in decision) {
    const written = await writeStatuses(run, decision.statusWrite);
    if (written.own) {
      progress.headSha = written.own.headSha;
      const again = await gatherPullRequest(
        run,
        loading,
        target,
        event,
        written,
      );
      if ("skipped" in again)
        return { docs: 0, outcome: again.skipped, writes: [] };
      snapshot = again;
    } else {
      // Nothing committed: the same head, now with its approvals and reviews.
      const [approvals, reviewing] = await Promise.all([
        gatherApprovals(run, snapshot, written),
        gatherReviewing(run, snapshot),
      ]);
      snapshot = { ...snapshot, approvals, reviewing };
    }
    replan = (current) => decideAfterWrites(current, event, written);
  } else replan = (current) => decideReport(current, event);
  let plan = "plan" in decision ? decision.plan : replan(snapshot);
  // Reviews first: the checklist in the comment and the check run says who was asked.
  const reviewWrites: string[] = [];
  if (plan.reviews.length > 0 && snapshot.reviewing) {
    const { asked, requested, failure } = await requestReviews(
      run.client,
      plan.reviews,
    );
    if (requested && !failure) reviewWrites.push("reviews requested");
    snapshot = {
      ...snapshot,
      state: {
        ...snapshot.state,
        reviews: { ...snapshot.state.reviews, ...asked },
      },
      reviewing: {
        ...snapshot.reviewing,
        reached: failure ? [] : snapshot.reviewing.reached,
        failure,
      },
    };
    plan = replan(snapshot);
  }
  return {
    docs: snapshot.reports.length,
    reports: snapshot.reports,
    outcome: plan.outcome,
    status: plan.status,
    report: plan.report,
    writes: [
      ...reviewWrites,
      ...(await applyRunPlan(run.client, plan, snapshot.statusLabels)),
    ],
  };
}
