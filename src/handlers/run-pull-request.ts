import type { StatusLabel } from "../config/status-labels.js";
import { createPermissionCheck } from "../github/check-permission.js";
import { addApprovalCheck } from "../report/add-approval-check.js";
import type { LabelRecord } from "../report/count-approvals.js";
import { planRun } from "../report/plan-run.js";
import { applyRunPlan } from "./apply-changes.js";
import { gatherApprovals } from "./gather-approvals.js";
import {
  gatherPullRequest,
  loadRepoConfig,
  statusLabelsFor,
  type LoadedConfig,
  type PullRequestSnapshot,
  type RunContext,
} from "./gather-pull-request.js";
import { applyStatusLabel, type LabelStep } from "./apply-status-label.js";

/** What one run on a PR needs. */
export interface PullRequestRun extends RunContext {
  owner: string;
  repo: string;
  /** The head sha the event names; the PR is read again in case it moved on. */
  eventHeadSha: string;
  /** The labels the event's payload shows: whether the bot has reported on the PR before. */
  payloadLabels: readonly string[];
  /** The head the run is on so far, kept current: where a failure is reported. */
  progress: { headSha: string };
}

/** What brought the run about. */
export type RunEvent =
  | { kind: "change" }
  /** Someone pressed "Re-run" on this check run. */
  | { kind: "rerun"; checkRunId: number }
  | {
      kind: "label";
      action: "labeled" | "unlabeled";
      label: string;
      sender: string;
    };

/** What a run did, for the log line. */
export interface RunResult {
  docs: number;
  outcome: string;
  status?: string | undefined;
  writes: string[];
}

/**
 * One pass over a PR: read what the decision needs, apply a status label if one was put on
 * or taken off, decide the comment, labels and check run, and write only what changed. After
 * the bot's own status commits, the PR is read again at their head. A redelivered event finds
 * the PR current and writes nothing.
 */
export async function runPullRequest(
  run: PullRequestRun,
  event: RunEvent,
): Promise<RunResult> {
  const loading = loadRepoConfig(run, run.owner, run.repo);
  const label =
    event.kind === "label"
      ? await statusLabelNamed(await loading, event.label)
      : undefined;
  if (event.kind === "label" && !label)
    return { docs: 0, outcome: "not a status label", writes: [] };
  const target = {
    headSha: run.eventHeadSha,
    payloadLabels: run.payloadLabels,
    // Someone re-ran this app's check: the bot has reported on the PR.
    reported: event.kind === "rerun",
  };
  let snapshot = await gatherPullRequest(run, loading, target);
  if ("skipped" in snapshot)
    return { docs: 0, outcome: snapshot.skipped, writes: [] };
  run.progress.headSha = snapshot.pr.headSha;

  const mayUserSet = createPermissionCheck(run.client);
  let events: Promise<LabelRecord[]> | undefined;
  const labelEvents = (): Promise<LabelRecord[]> =>
    (events ??= run.client.listLabelEvents());
  let step: LabelStep = { notes: [] };
  if (event.kind === "label" && label && takesLabels(snapshot)) {
    if (event.action === "labeled" && !carries(snapshot, label))
      return { docs: 0, outcome: "label already gone", writes: [] };
    step = await applyStatusLabel(
      snapshot,
      { action: event.action, label, sender: event.sender },
      {
        client: run.client,
        workers: run.workers,
        mayUserSet,
        labelEvents,
        eventHeadSha: run.eventHeadSha,
      },
    );
    if (step.own) {
      run.progress.headSha = step.own.headSha;
      const again = await gatherPullRequest(run, loading, {
        ...target,
        own: step.own,
      });
      if ("skipped" in again)
        return { docs: 0, outcome: again.skipped, writes: [] };
      snapshot = again;
    }
  }

  const approvals = await gatherApprovals(snapshot, {
    client: run.client,
    workers: run.workers,
    mayUserSet,
    labelEvents,
    botLogin: run.botLogin,
    thisRun: {
      ...(step.set ? { set: step.set } : {}),
      ...(step.pending ? { pending: step.pending } : {}),
    },
  });
  const reports = snapshot.reports.map((report) => {
    const move = approvals.moves.find((entry) => entry.path === report.path);
    return move ? addApprovalCheck(report, move) : report;
  });
  const plan = planRun({
    config: snapshot.config,
    errors: snapshot.errors,
    reports,
    statusLabels: snapshot.statusLabels,
    currentLabels: snapshot.pr.labels,
    reported: snapshot.reported,
    truncated: snapshot.truncated,
    notes: step.notes,
    headSha: snapshot.pr.headSha,
    ours: snapshot.ours,
    checkRuns: snapshot.checkRuns,
    pending: approvals.pending,
    recheck:
      event.kind === "rerun" &&
      !snapshot.checkRuns.some((checkRun) => checkRun.id > event.checkRunId),
  });
  const writes = await applyRunPlan(run.client, plan, snapshot.statusLabels);
  return {
    docs: reports.length,
    outcome: plan.outcome,
    status: plan.status,
    writes,
  };
}

/** The status label a label event names, if it names one. */
async function statusLabelNamed(
  loaded: LoadedConfig,
  name: string,
): Promise<StatusLabel | undefined> {
  const { statusLabels } = await statusLabelsFor(loaded);
  return statusLabels.find(
    (entry) => entry.name.toLowerCase() === name.toLowerCase(),
  );
}

/**
 * Whether a status label may change the docs: not while the config is invalid (its report
 * is all that is written) and not in dry-run mode (only a neutral check run is).
 */
function takesLabels(snapshot: PullRequestSnapshot): boolean {
  return snapshot.errors.length === 0 && snapshot.config.mode === "live";
}

function carries(snapshot: PullRequestSnapshot, label: StatusLabel): boolean {
  return snapshot.pr.labels.some(
    (name) => name.toLowerCase() === label.name.toLowerCase(),
  );
}
