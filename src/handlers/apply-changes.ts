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

/** The colour GitHub gives a label it creates because an issue was given one that did not exist. */
const NEW_LABEL_COLOR = "ededed";

/**
 * Makes the label plan so. Adding a label that does not exist yet makes GitHub create it,
 * grey and without a description; such a label, and only such a label, is then given its
 * colour and description. This costs no read to find out whether the label exists.
 */
export async function applyLabelPlan(
  client: GitHubClient,
  plan: StatusLabelPlan,
  labels: readonly StatusLabel[],
): Promise<void> {
  const add = async (): Promise<void> => {
    if (plan.add.length === 0) return;
    const onPullRequest = await client.addLabels(plan.add);
    const created = onPullRequest.filter(
      (label) =>
        plan.add.includes(label.name) &&
        label.color.toLowerCase() === NEW_LABEL_COLOR &&
        label.description === "",
    );
    await Promise.all(
      created.map((label) => {
        const style = labels.find((entry) => entry.name === label.name);
        return style
          ? client.updateLabel({
              name: style.name,
              color: style.color,
              description: style.description,
            })
          : undefined;
      }),
    );
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
