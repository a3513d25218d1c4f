import { findChecklistComments } from "../report/plan-comment.js";
import {
  mergedLine,
  planMergedComment,
} from "../report/plan-merged-comment.js";
import { applyRunPlan } from "./apply-plan.js";
import { loadRepoConfig } from "./load-repo-config.js";
import { checkDocs, selectDocs } from "./read-doc-reports.js";
import {
  createRunContext,
  type RunHost,
  type RunResult,
  type RunTarget,
} from "./run-context.js";

/**
 * A merged PR: its checklist comment gains one line saying with which Status each doc was
 * merged, read from the docs at the merged head, and nothing else is written. A PR the bot
 * never commented on is left alone; a redelivery finds the line there and writes nothing.
 */
export async function runMerged(
  host: RunHost,
  target: RunTarget,
): Promise<RunResult> {
  const run = createRunContext(host);
  const [loaded, files, comments] = await Promise.all([
    host.config ??
      loadRepoConfig(run.client, run.workers, target, host.configSource),
    run.client.listChangedFiles(),
    run.client.listComments(),
  ]);
  const ours = findChecklistComments(comments, run.identity);
  if (ours.length === 0)
    return { docs: 0, outcome: "merged, no checklist comment", writes: [] };
  const { config } = loaded;
  const docs = selectDocs(files, config.paths);
  const reports = await checkDocs(
    run,
    config,
    loaded.templates().then((read) => read.templates),
    docs,
  );
  const comment = planMergedComment(ours, mergedLine(reports));
  return {
    docs: docs.length,
    outcome: "merged",
    writes: await applyRunPlan(
      run.client,
      {
        comment,
        labels: { add: [], remove: [] },
        checkRun: undefined,
        status: undefined,
        outcome: "merged",
        report: undefined,
      },
      [],
    ),
  };
}
