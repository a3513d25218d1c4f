import type { StatusLabel } from "../config/status-labels.js";
import type {
  ExistingCheckRun,
  GitHubClient,
  NewCheckRun,
} from "../github/client.js";
import type { CommentPlan } from "../report/plan-comment.js";
import type { StatusLabelPlan } from "../report/plan-labels.js";
import { ANNOTATION_BATCH } from "../report/render-check-run.js";

/** Makes the comment plan so: create or edit the checklist comment, delete duplicates. */
export async function applyCommentPlan(
  client: GitHubClient,
  plan: CommentPlan,
): Promise<void> {
  await Promise.all([
    plan.create !== undefined ? client.createComment(plan.create) : undefined,
    plan.update
      ? client.updateComment(plan.update.id, plan.update.body)
      : undefined,
    ...plan.remove.map((id) => client.deleteComment(id)),
  ]);
}

/**
 * Makes the label plan so. A label that does not exist yet is created with its colour and
 * description first; otherwise GitHub would create a bare grey one.
 */
export async function applyLabelPlan(
  client: GitHubClient,
  plan: StatusLabelPlan,
  labels: readonly StatusLabel[],
): Promise<void> {
  const add = async (): Promise<void> => {
    if (plan.add.length === 0) return;
    for (const name of plan.add) {
      const style = labels.find((label) => label.name === name);
      if (style && !(await client.labelExists(name))) {
        await client.createLabel({
          name: style.name,
          color: style.color,
          description: style.description,
        });
      }
    }
    await client.addLabels(plan.add);
  };
  await Promise.all([
    add(),
    ...plan.remove.map((name) => client.removeLabel(name)),
  ]);
}

/** Whether the latest run already says exactly this, so creating another would change nothing. */
export function isCheckRunCurrent(
  existing: readonly ExistingCheckRun[],
  wanted: NewCheckRun,
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

/** Creates the check run, sending its annotations 50 at a time as GitHub requires. */
export async function createCheckRun(
  client: GitHubClient,
  run: NewCheckRun,
): Promise<void> {
  const [first = [], ...rest] = batches(run.annotations, ANNOTATION_BATCH);
  const id = await client.createCheckRun({ ...run, annotations: first });
  for (const batch of rest) await client.addAnnotations(id, run, batch);
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}
