import type { StatusLabel } from "../config/status-labels.js";
import { lastLabelEventOf } from "../report/count-approvals.js";
import { docsToSet, ruleFor } from "./decide.js";
import type { DocFile } from "./read-doc-reports.js";
import type { RunContext } from "./run-context.js";
import type { LabelFacts, PullRequestRead } from "./snapshot.js";

/**
 * What deciding on a status label takes, read only as far as the decision goes: nothing for a
 * label taken off or one every doc already says; the sender's permission otherwise; and when
 * the sender may set it, which docs they saw and the label event their commit carries out.
 */
export async function gatherLabel(
  run: RunContext,
  read: PullRequestRead,
  event: {
    label: StatusLabel;
    action: "labeled" | "unlabeled";
    sender: string;
    /** The head the event names: what the person saw when they added the label. */
    eventHeadSha: string;
  },
): Promise<LabelFacts> {
  const facts: LabelFacts = {
    label: event.label,
    action: event.action,
    sender: event.sender,
    senderMaySet: false,
    seen: [],
    labelEvent: undefined,
  };
  const docs = docsToSet(read, event.label.status);
  if (event.action === "unlabeled" || docs.length === 0) return facts;
  const rule = ruleFor(read.config, event.label.status);
  if (!(await run.mayUserSet(event.sender, rule))) return facts;
  const [seen, events] = await Promise.all([
    seenBySender(run, read, docs, event.eventHeadSha),
    run.labelEvents(),
  ]);
  return {
    ...facts,
    senderMaySet: true,
    seen,
    labelEvent: lastLabelEventOf(events, event.label.name, event.sender)?.id,
  };
}

/**
 * Of the docs a label would set, the paths of those the person adding it saw: all of them
 * while the PR is at the head the event names; once it moved on (a late or redelivered
 * event), only docs whose blob is the same as there. A doc added or changed since waits for a
 * new label.
 */
async function seenBySender(
  run: RunContext,
  read: PullRequestRead,
  docs: readonly DocFile[],
  eventHeadSha: string,
): Promise<string[]> {
  if (read.pr.headSha === eventHeadSha) return docs.map((doc) => doc.path);
  const seen = await Promise.all(
    docs.map(
      async (doc) =>
        (await run.client.getFile(doc.path, eventHeadSha))?.sha === doc.sha,
    ),
  );
  return docs.filter((_doc, index) => seen[index]).map((doc) => doc.path);
}
