import type { StatusLabel } from "../config/status-labels.js";
import type { GitHubClient, NewCheckRun } from "../github/client.js";
import type { CommentPlan } from "../report/plan-comment.js";
import { isEmptyPlan, type StatusLabelPlan } from "../report/plan-labels.js";
import type { RunPlan } from "../report/plan-run.js";
import { ANNOTATION_BATCH } from "../report/render-check-run.js";

/**
 * Makes a run's plan so, one write after another in the order that matters to the people
 * waiting: the check run first (the merge gate, its summary the whole checklist), then the
 * comment, then the labels, then the check run's annotations past the first 50. GitHub asks
 * for one write a second per installation anyway; sending them together would only let the
 * request pipeline's spacing pick the order. Says what it wrote, for the log line.
 */
export async function applyRunPlan(
  client: GitHubClient,
  plan: RunPlan,
  labels: readonly StatusLabel[],
): Promise<string[]> {
  const checkRun =
    plan.checkRun && (await createCheckRun(client, plan.checkRun));
  await applyCommentPlan(client, plan.comment);
  if (!isEmptyPlan(plan.labels))
    await applyLabelPlan(client, plan.labels, labels);
  await checkRun?.annotateTheRest();
  return [
    ...(plan.checkRun ? ["check run"] : []),
    ...(plan.comment.create !== undefined ? ["comment created"] : []),
    ...(plan.comment.update ? ["comment edited"] : []),
    ...(plan.comment.remove.length > 0
      ? [`${plan.comment.remove.length} duplicate comment(s) deleted`]
      : []),
    ...(isEmptyPlan(plan.labels) ? [] : ["labels"]),
  ];
}

/** Makes the comment plan so: create or edit the checklist comment, then delete duplicates. */
async function applyCommentPlan(
  client: GitHubClient,
  plan: CommentPlan,
): Promise<void> {
  if (plan.create !== undefined) await client.createComment(plan.create);
  if (plan.update) await client.updateComment(plan.update.id, plan.update.body);
  for (const id of plan.remove) await client.deleteComment(id);
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
  if (plan.add.length > 0) {
    const onPullRequest = await client.addLabels(plan.add);
    const created = onPullRequest.filter(
      (label) =>
        plan.add.includes(label.name) &&
        label.color.toLowerCase() === NEW_LABEL_COLOR &&
        label.description === "",
    );
    for (const label of created) {
      const style = labels.find((entry) => entry.name === label.name);
      if (style)
        await client.updateLabel({
          name: style.name,
          color: style.color,
          description: style.description,
        });
    }
  }
  for (const name of plan.remove) await client.removeLabel(name);
}

/**
 * Creates the check run with its first 50 annotations (GitHub takes at most 50 a request);
 * the rest are sent by `annotateTheRest`, once the other writes are out.
 */
async function createCheckRun(
  client: GitHubClient,
  run: NewCheckRun,
): Promise<{ annotateTheRest(): Promise<void> }> {
  const [first = [], ...rest] = batches(run.annotations, ANNOTATION_BATCH);
  const id = await client.createCheckRun({ ...run, annotations: first });
  return {
    async annotateTheRest() {
      for (const batch of rest) await client.addAnnotations(id, run, batch);
    },
  };
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}
