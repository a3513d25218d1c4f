import type { StatusLabel } from "../config/status-labels.js";
import type { GitHubClient, NewCheckRun } from "../github/client.js";
import type { CommentPlan } from "../report/plan-comment.js";
import { isEmptyPlan, type StatusLabelPlan } from "../report/plan-labels.js";
import type { RunPlan } from "../report/plan-run.js";
import { ANNOTATION_BATCH } from "../report/render-check-run.js";

/**
 * Makes a run's plan so, its writes side by side (the request pipeline spaces them as GitHub
 * asks), and says what it wrote, for the log line.
 */
export async function applyRunPlan(
  client: GitHubClient,
  plan: RunPlan,
  labels: readonly StatusLabel[],
): Promise<string[]> {
  await Promise.all([
    applyCommentPlan(client, plan.comment),
    isEmptyPlan(plan.labels)
      ? undefined
      : applyLabelPlan(client, plan.labels, labels),
    plan.checkRun ? createCheckRun(client, plan.checkRun) : undefined,
  ]);
  return [
    ...(plan.comment.create !== undefined ? ["comment created"] : []),
    ...(plan.comment.update ? ["comment edited"] : []),
    ...(plan.comment.remove.length > 0
      ? [`${plan.comment.remove.length} duplicate comment(s) deleted`]
      : []),
    ...(isEmptyPlan(plan.labels) ? [] : ["labels"]),
    ...(plan.checkRun ? ["check run"] : []),
  ];
}

/** Makes the comment plan so: create or edit the checklist comment, delete duplicates. */
async function applyCommentPlan(
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
async function applyLabelPlan(
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

/** Creates the check run, sending its annotations 50 at a time as GitHub requires. */
async function createCheckRun(
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
