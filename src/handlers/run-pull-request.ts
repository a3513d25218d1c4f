import { applyRunPlan } from "./apply-plan.js";
import type { RunPlan } from "../report/plan-run.js";
import { decide, decideAfterWrites } from "./decide.js";
import { gatherApprovals } from "./gather-approvals.js";
import { gatherPullRequest } from "./gather-pull-request.js";
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
  const loading = loadRepoConfig(run.client, run.workers, target);
  let snapshot = await gatherPullRequest(run, loading, target, event);
  if ("skipped" in snapshot)
    return { docs: 0, outcome: snapshot.skipped, writes: [] };
  progress.headSha = snapshot.pr.headSha;

  const decision = decide(snapshot, event);
  let plan: RunPlan;
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
      // Nothing committed: the same head, now with its approvals.
      snapshot = {
        ...snapshot,
        approvals: await gatherApprovals(run, snapshot, written),
      };
    }
    plan = decideAfterWrites(snapshot, event, written);
  } else plan = decision.plan;
  return {
    docs: snapshot.reports.length,
    outcome: plan.outcome,
    status: plan.status,
    writes: await applyRunPlan(run.client, plan, snapshot.statusLabels),
  };
}
