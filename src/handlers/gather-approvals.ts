import picomatch from "picomatch";
import { ownValue } from "../validate/own-value.js";
import { isRestricted, type StatusRule } from "../config/status-rules.js";
import {
  approvalsNeeded,
  type StatusMove,
} from "../report/add-approval-check.js";
import {
  findStatusSettings,
  lastLabeledBy,
  latestApprovals,
  type StatusSetting,
} from "../report/count-approvals.js";
import { ruleFor } from "./decide.js";
import type { DocFile } from "./read-doc-reports.js";
import type { RunContext } from "./run-context.js";
import type {
  Approvals,
  PendingStatus,
  PullRequestRead,
  StatusesWritten,
} from "./snapshot.js";

/**
 * Who approved each doc's move into a restricted status, and whether a remembered pending
 * status still stands: all of it from GitHub's records (reviews, label events, the bot's
 * own signed commits), with each person's permission checked now. Reads only what the
 * answer needs: nothing without a restricted move or a pending status.
 */
export async function gatherApprovals(
  run: RunContext,
  read: PullRequestRead,
  written: StatusesWritten | undefined,
): Promise<Approvals> {
  const [moves, pending] = await Promise.all([
    statusMoves(read, run, written?.set),
    // A status the run's own writes left pending stands; else the one the comment remembers.
    written?.pending ?? pendingStatus(read, run),
  ]);
  return { moves, pending };
}

async function statusMoves(
  snapshot: PullRequestRead,
  reads: RunContext,
  set: StatusesWritten["set"] | undefined,
): Promise<StatusMove[]> {
  const moved = await restrictedMoves(snapshot, reads);
  if (moved.length === 0) return [];
  const { config } = snapshot;
  const reviewers = latestApprovals(
    await reads.reviews(),
    config.dismissStaleApprovals ? snapshot.pr.headSha : undefined,
  );
  let settings: Promise<StatusSetting[]> | undefined;
  const statusSettings = (): Promise<StatusSetting[]> =>
    (settings ??= Promise.all([
      reads.client.listCommits(),
      reads.labelEvents(),
      reads.botLogin(),
    ]).then(([commits, events, botLogin]) =>
      findStatusSettings(commits, events, {
        botLogin,
        labelOf: (status) =>
          snapshot.statusLabels.find((label) => label.status === status)?.name,
      }),
    ));
  return Promise.all(
    moved.map(async ({ doc, status, before, rule }) => {
      const approvedBy = await allowed(reviewers, rule, reads.mayUserSet);
      if (set?.status === status && set.paths.includes(doc.path))
        approvedBy.push(set.by);
      if (countPeople(approvedBy) < approvalsNeeded(rule)) {
        const setters = (await statusSettings())
          .filter((setting) => covers(setting, doc, status, config))
          .map((setting) => setting.by);
        approvedBy.push(...(await allowed(setters, rule, reads.mayUserSet)));
      }
      return { path: doc.path, status, before, rule, approvedBy };
    }),
  );
}

/**
 * The docs whose Status moved into a restricted status (or that arrive in one), with their
 * Status at the base: a doc renamed from outside the checked paths arrives too.
 */
async function restrictedMoves(
  snapshot: PullRequestRead,
  reads: RunContext,
): Promise<
  {
    doc: DocFile;
    status: string;
    before: string | undefined;
    rule: StatusRule;
  }[]
> {
  const { config } = snapshot;
  const isDoc = picomatch(config.paths, { dot: true });
  const moved = await Promise.all(
    snapshot.docs.map(async (doc, index) => {
      const status = snapshot.reports[index]?.status.value;
      const rule = ownValue(config.rules, status);
      if (status === undefined || !rule || !isRestricted(rule)) return [];
      const before = await statusAtBase(snapshot, reads, doc, isDoc);
      return before === status ? [] : [{ doc, status, before, rule }];
    }),
  );
  return moved.flat();
}

/**
 * Whether a status set by label still covers the doc: the bot's commit wrote this doc at this
 * status; with `dismissStaleApprovals`, only while the doc is exactly as that commit left it.
 */
function covers(
  setting: StatusSetting,
  doc: DocFile,
  status: string,
  config: PullRequestRead["config"],
): boolean {
  return (
    setting.path === doc.path &&
    setting.status === status &&
    (!config.dismissStaleApprovals || setting.blob === doc.sha)
  );
}

/**
 * The doc's Status at the PR's base: none for a doc the PR adds (or moves in from outside
 * the docs' paths), or one too complex to read there.
 */
export async function statusAtBase(
  snapshot: PullRequestRead,
  reads: RunContext,
  doc: DocFile,
  isDoc: (path: string) => boolean,
): Promise<string | undefined> {
  if (
    doc.status === "added" ||
    (doc.previousPath !== undefined && !isDoc(doc.previousPath))
  )
    return undefined;
  const path = doc.previousPath ?? doc.path;
  const base = await reads.client.getFile(path, snapshot.pr.baseSha);
  if (base?.text === undefined) return undefined;
  const status = await reads.workers.run(
    "status",
    base.text,
    snapshot.vocabulary,
  );
  return status.ok ? status.value : undefined;
}

/**
 * The pending status the checklist comment remembers, if it still stands: its label is on
 * the PR, some doc does not say it yet, and GitHub's label events show that the person who
 * last added the label may set that status. A pending status made up in the comment stands
 * on nothing and is dropped.
 */
async function pendingStatus(
  snapshot: PullRequestRead,
  reads: RunContext,
): Promise<PendingStatus | undefined> {
  const status = snapshot.state.pending?.status;
  const label = snapshot.statusLabels.find((entry) => entry.status === status);
  if (
    status === undefined ||
    !label ||
    !snapshot.pr.labels.some(
      (name) => name.toLowerCase() === label.name.toLowerCase(),
    ) ||
    snapshot.reports.every((report) => report.status.value === status)
  )
    return undefined;
  const by = lastLabeledBy(await reads.labelEvents(), label.name);
  const rule = ruleFor(snapshot.config, status);
  return by !== undefined && (await reads.mayUserSet(by, rule))
    ? { status, by }
    : undefined;
}

function countPeople(logins: readonly string[]): number {
  return new Set(logins.map((login) => login.toLowerCase())).size;
}

/** Of `users`, those the rule allows to set its status. */
export async function allowed(
  users: readonly string[],
  rule: StatusRule,
  mayUserSet: RunContext["mayUserSet"],
): Promise<string[]> {
  const checked = await Promise.all(
    users.map(async (user) => ((await mayUserSet(user, rule)) ? [user] : [])),
  );
  return checked.flat();
}
