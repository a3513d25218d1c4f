import type { WorkerPool } from "../workers/worker-pool.js";
import { ownValue } from "../config/own-value.js";
import type { StatusLabel } from "../config/status-labels.js";
import {
  DEFAULT_STATUS_RULE,
  describeSetters,
} from "../config/status-rules.js";
import type { PermissionCheck } from "../github/check-permission.js";
import { statusOf, type GitHubClient } from "../github/client.js";
import {
  lastLabelEventOf,
  type LabelRecord,
} from "../report/count-approvals.js";
import { diffShowsLine } from "../report/diff-shows-line.js";
import { neutralize } from "../report/neutralize.js";
import { gitBlobSha, statusCommitMessage } from "../report/status-commit.js";
import type { PendingStatus, SetThisRun } from "./gather-approvals.js";
import type { OwnCommits, PullRequestSnapshot } from "./gather-pull-request.js";
import type { DocFile } from "./read-doc-reports.js";

/** A person adding or removing a status label on a PR. */
export interface StatusLabelEvent {
  action: "labeled" | "unlabeled";
  label: StatusLabel;
  sender: string;
}

/** What the label step did, for the decision after it. */
export interface LabelStep {
  /** Markdown lines (already neutralised) for the top of the comment. */
  notes: string[];
  /** The commits it made; the PR is read again at their head. */
  own?: OwnCommits;
  set?: SetThisRun;
  pending?: PendingStatus;
}

/**
 * Handles a person adding or removing a status label. Added by someone allowed to set that
 * status: each doc that does not say it yet gets it on the PR branch (one commit per doc), or,
 * where the bot cannot push, one review suggests the change on every Status line. Added by
 * someone not allowed: the decision after this step takes it off again, and the comment says
 * who may set it. Removed: the label the docs call for comes back, and the comment says how to
 * change status.
 */
export async function applyStatusLabel(
  snapshot: PullRequestSnapshot,
  event: StatusLabelEvent,
  io: LabelIO,
): Promise<LabelStep> {
  const who = neutralize(`@${event.sender}`);
  const name = neutralize(event.label.name);
  const { status } = event.label;
  if (event.action === "unlabeled")
    return {
      notes: [
        `${who} removed the **${name}** label. The status label follows the Status written in the docs: to change it, edit the Status line of the doc, or add another status label.`,
      ],
    };
  const differing = snapshot.docs.filter(
    (_doc, index) => snapshot.reports[index]?.status.value !== status,
  );
  if (differing.length === 0) return { notes: [] };
  const rule = ownValue(snapshot.config.rules, status) ?? DEFAULT_STATUS_RULE;
  if (!(await io.mayUserSet(event.sender, rule)))
    return {
      notes: [
        `${who} added **${name}**, but only ${neutralize(describeSetters(rule))} may set that status, so the label was taken off again.`,
      ],
    };
  const { toWrite, newer } = await seenByLabel(snapshot, differing, io);
  const notes =
    newer.length > 0
      ? [
          `${who} added **${name}** before ${newer.map((doc) => neutralize(doc.path)).join(", ")} changed, so the bot did not set ${newer.length === 1 ? "it" : "them"}: add the label again to set ${newer.length === 1 ? "that doc" : "those docs"} too.`,
        ]
      : [];
  const labelEvent = lastLabelEventOf(
    await io.labelEvents(),
    event.label.name,
    event.sender,
  )?.id;
  const written = snapshot.pr.headInRepo
    ? await commitStatuses(io, snapshot.pr.headRef, toWrite, {
        status,
        labelEvent,
      })
    : { own: undefined, paths: [], rest: toWrite };
  if (
    written.rest.length > 0 &&
    // A redelivery of the same label: the suggestions were posted the first time.
    snapshot.state.pending?.status !== status
  )
    await suggestStatus(io, snapshot.pr.headSha, written.rest, status);
  return {
    notes,
    ...(written.own ? { own: written.own } : {}),
    set: { status, by: event.sender, paths: written.paths },
    ...(written.rest.length > 0
      ? { pending: { status, by: event.sender } }
      : {}),
  };
}

/** What the label step reads and writes through. */
export interface LabelIO {
  client: GitHubClient;
  workers: WorkerPool;
  mayUserSet: PermissionCheck;
  /** The PR's label events, read once per run. */
  labelEvents: () => Promise<LabelRecord[]>;
  /** The head the labeled event names: what the person saw when they added the label. */
  eventHeadSha: string;
}

/**
 * Of the docs a label would set, those the person adding it saw: all of them while the PR is
 * at the head the event names; once it moved on (a late or redelivered event), only docs
 * whose blob is the same as there. A doc added or changed since waits for a new label.
 */
async function seenByLabel(
  snapshot: PullRequestSnapshot,
  docs: readonly DocFile[],
  io: LabelIO,
): Promise<{ toWrite: DocFile[]; newer: DocFile[] }> {
  if (snapshot.pr.headSha === io.eventHeadSha)
    return { toWrite: [...docs], newer: [] };
  const seen = await Promise.all(
    docs.map(
      async (doc) =>
        (await io.client.getFileAt(doc.path, io.eventHeadSha))?.sha === doc.sha,
    ),
  );
  return {
    toWrite: docs.filter((_doc, index) => seen[index]),
    newer: docs.filter((_doc, index) => !seen[index]),
  };
}

/**
 * One commit per doc setting its Status, in turn on the branch. Stops at the first doc the bot
 * may not write (403 or 404: read-only contents; 409 that a fresh sha does not cure: a
 * protected branch): that doc and the rest are left to the author. A doc whose Status cannot
 * be set safely is left to the author too.
 */
async function commitStatuses(
  io: { client: GitHubClient; workers: WorkerPool },
  branch: string,
  docs: readonly DocFile[],
  set: { status: string; labelEvent: number | undefined },
): Promise<{
  own: OwnCommits | undefined;
  paths: string[];
  rest: DocFile[];
}> {
  const blobs: Record<string, string> = {};
  const rest: DocFile[] = [];
  let headSha: string | undefined;
  for (const [index, doc] of docs.entries()) {
    const result = await commitStatus(io, branch, doc.path, set);
    if (result === "cannot write") {
      rest.push(...docs.slice(index));
      break;
    }
    if (result === "not editable") rest.push(doc);
    else if (result !== "unchanged") {
      if (result.blobSha) blobs[doc.path] = result.blobSha;
      headSha = result.commitSha ?? headSha;
    }
  }
  return {
    own: headSha === undefined ? undefined : { headSha, blobs },
    paths: Object.keys(blobs),
    rest,
  };
}

type CommitResult =
  | { commitSha: string | undefined; blobSha: string | undefined }
  | "unchanged"
  | "not editable"
  | "cannot write";

/**
 * One commit setting one doc's Status. A 409 means a stale sha, or a branch rule refusing the
 * push: when a fresh read gives a new sha it is retried once, else the doc cannot be written.
 */
async function commitStatus(
  io: { client: GitHubClient; workers: WorkerPool },
  branch: string,
  path: string,
  set: { status: string; labelEvent: number | undefined },
): Promise<CommitResult> {
  let refused: string | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const file = await io.client.getFileAt(path, branch);
    if (file?.text === undefined) return "not editable";
    if (file.sha === refused) return "cannot write";
    const changed = await io.workers.run("setStatus", file.text, set.status);
    const text = changed.ok ? changed.value : undefined;
    if (text === undefined) return "not editable";
    if (text === file.text) return "unchanged";
    try {
      return await io.client.putFile({
        path,
        branch,
        text,
        sha: file.sha,
        message: statusCommitMessage({
          path,
          status: set.status,
          blob: gitBlobSha(Buffer.from(text, "utf8")),
          labelEvent: set.labelEvent,
        }),
      });
    } catch (error) {
      const code = statusOf(error);
      if (code === 403 || code === 404) return "cannot write";
      if (code !== 409) throw error;
      refused = file.sha;
    }
  }
  return "cannot write";
}

/**
 * One review holding a suggestion on each doc's Status line, for the author to apply: one
 * notification, however many docs. A line outside the diff cannot hold a suggestion, so only
 * lines the diff shows are suggested on; the checklist names every line either way.
 */
async function suggestStatus(
  io: { client: GitHubClient; workers: WorkerPool },
  headSha: string,
  docs: readonly DocFile[],
  status: string,
): Promise<void> {
  const comments = await Promise.all(
    docs.map(async (doc) => {
      const file = await io.client.getFileAt(doc.path, headSha);
      if (file?.text === undefined) return [];
      const suggestion = await io.workers.run(
        "suggestStatus",
        file.text,
        status,
      );
      if (
        !suggestion.ok ||
        !suggestion.value ||
        !diffShowsLine(doc.patch, suggestion.value.line)
      )
        return [];
      return [
        {
          path: doc.path,
          line: suggestion.value.line,
          body: `Set the Status to ${neutralize(status)}:\n\`\`\`suggestion\n${suggestion.value.text}\n\`\`\``,
        },
      ];
    }),
  );
  const all = comments.flat();
  if (all.length > 0)
    await io.client.createReview({ commitId: headSha, comments: all });
}
