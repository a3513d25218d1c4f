import type { DocChecker } from "../check/doc-checker.js";
import { statusLabelsOf } from "../config/status-labels.js";
import {
  DEFAULT_STATUS_RULE,
  describeSetters,
} from "../config/status-rules.js";
import { createPermissionCheck } from "../github/check-permission.js";
import {
  statusOf,
  type ChangedFile,
  type GitHubClient,
  type PullRequestState,
} from "../github/client.js";
import { loadConfig } from "../github/load-settings.js";
import { neutralize } from "../report/neutralize.js";
import {
  checkPullRequest,
  type PullRequestRun,
  type RunIntent,
  type RunResult,
} from "./check-pull-request.js";
import { selectDocs, vocabularyOf } from "./read-doc-reports.js";

/** A person adding or removing a label on a PR. */
export interface LabelEvent {
  action: "labeled" | "unlabeled";
  label: string;
  sender: string;
}

/**
 * Handles a person adding or removing a status label. Added by someone allowed to set that
 * status: the docs' Status is rewritten on the PR branch (one commit per doc), or, where the
 * bot cannot push, the label stays and the author is told which line to change. Added by
 * someone not allowed: the label comes off again and the comment says who may set it.
 * Removed: the label the docs call for comes back, and the comment says how to change status.
 */
export async function applyStatusLabel(
  run: PullRequestRun,
  event: LabelEvent,
): Promise<RunResult> {
  const { config } = await loadConfig(run.readConfig);
  const label = statusLabelsOf(
    vocabularyOf(config).map((status) => status.name),
    config.labels,
  ).find((entry) => entry.name.toLowerCase() === event.label.toLowerCase());
  if (!label) return { docs: 0, outcome: "not a status label", writes: [] };
  const who = neutralize(`@${event.sender}`);
  const name = neutralize(label.name);
  if (event.action === "unlabeled") {
    return checkPullRequest(run, {
      notes: [
        `${who} removed the **${name}** label. The status label follows the Status written in the docs: to change it, edit the Status line of the doc, or add another status label.`,
      ],
    });
  }
  const [pr, files] = await Promise.all([
    run.client.getPullRequest(),
    run.client.listChangedFiles(),
  ]);
  if (
    !pr.labels.some(
      (entry) => entry.toLowerCase() === event.label.toLowerCase(),
    )
  )
    return { docs: 0, outcome: "label already gone", writes: [] };
  const rule = config.rules[label.status] ?? DEFAULT_STATUS_RULE;
  if (!(await createPermissionCheck(run.client)(event.sender, rule))) {
    return checkPullRequest(run, {
      notes: [
        `${who} added **${name}**, but only ${neutralize(describeSetters(rule))} may set that status, so the label was taken off again.`,
      ],
    });
  }
  const docs = selectDocs(files, config.paths);
  const written = await writeStatus(
    run.client,
    run.checker,
    pr,
    docs,
    label.status,
    event.sender,
  );
  return checkPullRequest(run, written);
}

/**
 * Writes the status into each doc on the PR's branch. Returns what the run after it needs:
 * who set it, the status still pending for docs the bot could not write (with a suggestion
 * posted on the Status line where GitHub allows one), and the commits made, which GitHub's
 * file list may not show yet.
 */
async function writeStatus(
  client: GitHubClient,
  checker: DocChecker,
  pr: PullRequestState,
  docs: readonly ChangedFile[],
  status: string,
  by: string,
): Promise<RunIntent> {
  let writable = pr.headInRepo;
  let pending = false;
  const written: Record<string, string> = {};
  let headSha: string | undefined;
  for (const doc of docs) {
    const result = writable
      ? await commitStatus(client, checker, pr.headRef, doc.path, status)
      : "cannot write";
    if (typeof result === "object") {
      if (result.blobSha) written[doc.path] = result.blobSha;
      headSha = result.commitSha ?? headSha;
    } else if (result === "cannot write" || result === "not editable") {
      pending = true;
      if (result === "cannot write") writable = false;
      await suggest(client, checker, pr.headSha, doc.path, status);
    }
  }
  return {
    state: {
      pending: pending ? { status, by } : undefined,
      setBy: headSha !== undefined ? { status, by } : undefined,
    },
    ...(headSha !== undefined ? { written: { headSha, blobs: written } } : {}),
  };
}

type CommitResult =
  | { commitSha: string | undefined; blobSha: string | undefined }
  | "unchanged"
  | "not editable"
  | "cannot write";

/** One commit setting one doc's Status; a stale sha (409) is re-read and retried once. */
async function commitStatus(
  client: GitHubClient,
  checker: DocChecker,
  branch: string,
  path: string,
  status: string,
): Promise<CommitResult> {
  for (let attempt = 0; ; attempt += 1) {
    const file = await client.getFileAt(path, branch);
    if (file?.text === undefined) return "not editable";
    const set = await checker.run("setStatus", file.text, status);
    const text = set.ok ? set.value : undefined;
    if (text === undefined) return "not editable";
    if (text === file.text) return "unchanged";
    try {
      return await client.putFile({
        path,
        branch,
        text,
        sha: file.sha,
        message: `docs(design): set status of ${path} to ${status}`,
      });
    } catch (error) {
      const code = statusOf(error);
      if (code === 409 && attempt === 0) continue;
      if (code === 403 || code === 404) return "cannot write";
      throw error;
    }
  }
}

/** A suggestion on the Status line, for the author to apply; skipped where GitHub refuses it. */
async function suggest(
  client: GitHubClient,
  checker: DocChecker,
  headSha: string,
  path: string,
  status: string,
): Promise<void> {
  const file = await client.getFileAt(path, headSha);
  if (file?.text === undefined) return;
  const suggestion = await checker.run("suggestStatus", file.text, status);
  if (!suggestion.ok || !suggestion.value) return;
  try {
    await client.createReviewComment({
      commitId: headSha,
      path,
      line: suggestion.value.line,
      body: `Set the Status to ${neutralize(status)}:\n\`\`\`suggestion\n${suggestion.value.text}\n\`\`\``,
    });
  } catch (error) {
    // 422: the line is not part of the diff, so no suggestion can sit on it.
    if (statusOf(error) !== 422) throw error;
  }
}
