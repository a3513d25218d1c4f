import { resolveMergeStatuses } from "../config/merge-rule.js";
import type { Config } from "../config/parse-config.js";
import type { StatusLabel } from "../config/status-labels.js";
import {
  MAX_LISTED_FILES,
  type ChangedFile,
  type ExistingComment,
  type PullRequestState,
} from "../github/client.js";
import { decodeState } from "../report/comment-state.js";
import { findChecklistComments } from "../report/plan-comment.js";
import { CHECK_RUN_NAME } from "../report/render-check-run.js";
import { decideLabel } from "./decide.js";
import { gatherApprovals } from "./gather-approvals.js";
import { gatherLabel } from "./gather-label.js";
import { gatherReviewing } from "./gather-reviewing.js";
import {
  APP_CONFIG_SOURCE,
  statusLabelsFor,
  type LoadedConfig,
} from "./load-repo-config.js";
import {
  checkDocs,
  reportsOn,
  selectDocs,
  type DocFile,
} from "./read-doc-reports.js";
import { addLinkedDocChecks } from "./read-linked-docs.js";
import type { RunContext, RunEvent, RunTarget } from "./run-context.js";
import {
  configFilesTouched,
  validateProposedConfig,
} from "./validate-proposed-config.js";
import type {
  LabelFacts,
  PullRequestRead,
  PullRequestSnapshot,
  Skipped,
  StatusesWritten,
} from "./snapshot.js";

/**
 * Reads everything the decision on the PR needs. After the run's own status commits
 * (`written`), reads the PR again at their head, taking their blobs as they are: GitHub's file
 * list may lag behind them for a moment.
 */
export async function gatherPullRequest(
  run: RunContext,
  loading: Promise<LoadedConfig>,
  target: RunTarget,
  event: RunEvent,
  written?: StatusesWritten,
): Promise<PullRequestSnapshot | Skipped> {
  // Beside the config, the PR's files and comments; a label event first waits to know that its
  // label is a status label, else it reads nothing more.
  const listing = event.kind === "label" ? undefined : listPullRequest(run);
  // Handled here too, so a failed config read leaves no rejection unheard.
  listing?.catch(() => undefined);
  const loaded = await loading;
  const statusLabel =
    event.kind === "label"
      ? await statusLabelNamed(loaded, event.label)
      : undefined;
  if (event.kind === "label" && !statusLabel)
    return { skipped: "not a status label" };
  const read = await readAtHead(
    run,
    loaded,
    { target, event, written },
    listing,
  );
  if ("skipped" in read) return read;
  let label: LabelFacts | undefined;
  if (event.kind === "label" && statusLabel && !written && takesLabels(read)) {
    if (event.action === "labeled" && !carries(read.pr, statusLabel))
      return { skipped: "label already gone" };
    label = await gatherLabel(run, read, {
      label: statusLabel,
      action: event.action,
      sender: event.sender,
      eventHeadSha: target.headSha,
    });
  }
  // A status label's writes come first: approvals and reviews are gathered after them.
  if (label && decideLabel(read, label).statusWrite)
    return { ...read, approvals: undefined, label, reviewing: undefined };
  const [approvals, reviewing] = await Promise.all([
    gatherApprovals(run, read, written),
    gatherReviewing(run, read),
  ]);
  return { ...read, approvals, label, reviewing };
}

/** What a read is for. */
interface ReadFor {
  target: RunTarget;
  event: RunEvent;
  written: StatusesWritten | undefined;
}

/** How many times a head that moved on while it was read is read again. */
const MAX_REREADS = 2;

/**
 * The PR at one head: files and comments first, then (when there is anything to report) the
 * PR itself, the templates, each doc's blob and the check runs on the head, each doc checked
 * in a worker as its blob arrives. When a push landed while reading, it starts again from the new head
 * (at most twice), so the verdict written on a head is that head's.
 */
async function readAtHead(
  run: RunContext,
  loaded: LoadedConfig,
  read: ReadFor,
  listing: Promise<Listing> | undefined,
): Promise<PullRequestRead | Skipped> {
  const own = read.written?.own;
  let headSha = own?.headSha ?? read.target.headSha;
  for (let reread = 0; ; reread += 1) {
    const listed = await readListed(
      run,
      loaded,
      read,
      (reread === 0 ? listing : undefined) ?? listPullRequest(run),
    );
    if ("skipped" in listed) return listed;
    const [head, proposed] = await Promise.all([
      readHead(run, loaded, listed.docs, headSha),
      listed.touched.length > 0
        ? validateProposedConfig(run, read.target, listed.touched, headSha)
        : undefined,
    ]);
    const pr = own ? { ...head.pr, headSha: own.headSha } : head.pr;
    if (!own && pr.headSha !== headSha && reread < MAX_REREADS) {
      // A push landed after this event: the file list read above may be the older head's
      // or the newer one's. Start again from the head just read.
      headSha = pr.headSha;
      continue;
    }
    if (!pr.open) return { skipped: "skipped: closed" };
    if (pr.draft && loaded.config.drafts === "skip")
      return { skipped: "skipped: draft" };
    const { config } = loaded;
    return {
      config,
      errors: [
        ...loaded.errors,
        ...head.templateErrors,
        ...(config.merge
          ? resolveMergeStatuses(config.merge, head.labels.vocabulary).errors
          : []),
      ],
      configNotes: loaded.notes,
      ...head.labels,
      pr,
      docs: listed.docs,
      reports: reportsOn(pr, config, head.reports),
      ours: listed.ours,
      reported: listed.reported,
      state: decodeState(listed.ours[0]?.body ?? ""),
      checkRuns:
        headSha === pr.headSha || !wantsCheckRuns(config)
          ? head.checkRuns
          : await run.client.listCheckRuns(pr.headSha, CHECK_RUN_NAME),
      proposed,
      truncated:
        listed.mayBeTruncated && pr.changedFiles > listed.files
          ? { listed: listed.files, total: pr.changedFiles }
          : undefined,
    };
  }
}

/**
 * The PR, the templates and labels, each doc's report (its blob read, then checked) and the
 * check runs on `headSha`, at once; then the files the docs link to, when they link to any.
 */
async function readHead(
  run: RunContext,
  loaded: LoadedConfig,
  docs: readonly DocFile[],
  headSha: string,
) {
  const { config } = loaded;
  const templates = loaded.templates();
  const templateList = templates.then((read) => read.templates);
  const [pr, { errors }, labels, reports, checkRuns] = await Promise.all([
    run.client.getPullRequest(),
    templates,
    statusLabelsFor(loaded),
    checkDocs(run, config, templateList, docs).then((checked) =>
      addLinkedDocChecks(run, config, templateList, checked, headSha),
    ),
    wantsCheckRuns(config)
      ? run.client.listCheckRuns(headSha, CHECK_RUN_NAME)
      : Promise.resolve([]),
  ]);
  return { pr, templateErrors: errors, labels, reports, checkRuns };
}

/** Whether the run may write a check run, so needs to know the ones on the head. */
function wantsCheckRuns(config: Config): boolean {
  return config.checkRun !== false || config.mode === "dry-run";
}

/**
 * The PR's changed docs and this app's comments, and whether there is anything to report:
 * a PR without design docs that the bot never reported on is left alone, unless the repo
 * wants a check run on every PR, the file list may have stopped short, or the PR changes the
 * repo's config (its file, or a template it names).
 */
async function readListed(
  run: RunContext,
  loaded: LoadedConfig,
  { target, event, written }: ReadFor,
  listing: Promise<Listing>,
): Promise<
  | {
      docs: DocFile[];
      ours: ExistingComment[];
      reported: boolean;
      files: number;
      mayBeTruncated: boolean;
      /** The files of the repo's config the PR changes. */
      touched: string[];
    }
  | Skipped
> {
  const [files, comments] = await listing;
  const { config } = loaded;
  const ours = findChecklistComments(comments, run.identity);
  const docs = selectDocs(files, config.paths).map((file) => ({
    ...file,
    sha: written?.own?.blobs[file.path] ?? file.sha,
  }));
  const reported =
    // Someone re-ran this app's check: the bot has reported on the PR.
    event.kind === "rerun" ||
    ours.length > 0 ||
    (docs.length === 0 &&
      target.labels.length > 0 &&
      (await putOnByBot(
        run,
        (await statusLabelsFor(loaded)).statusLabels,
        target.labels,
      )));
  const mayBeTruncated = files.length >= MAX_LISTED_FILES;
  const touched = configFilesTouched(
    files,
    config,
    (run.configSource ?? APP_CONFIG_SOURCE).path,
  );
  if (
    docs.length === 0 &&
    !reported &&
    config.checkRun !== "always" &&
    !mayBeTruncated &&
    touched.length === 0
  )
    return { skipped: "no design docs" };
  return {
    docs,
    ours,
    reported,
    files: files.length,
    mayBeTruncated,
    touched,
  };
}

/** The PR's changed files and its comments. */
type Listing = [ChangedFile[], ExistingComment[]];

function listPullRequest(run: RunContext): Promise<Listing> {
  return Promise.all([
    run.client.listChangedFiles(),
    run.client.listComments(),
  ]);
}

/**
 * Whether a status label the event's payload shows was put on by this bot, as GitHub's label
 * events say: then the bot has reported on the PR, even without a comment (`comment:
 * on-failure`). A label of the same name a person or another bot put on says nothing: status
 * label names are common words. Costs a read only for a PR showing such a label.
 */
async function putOnByBot(
  run: RunContext,
  statusLabels: readonly StatusLabel[],
  payloadLabels: readonly string[],
): Promise<boolean> {
  const names = payloadLabels
    .map((name) => name.toLowerCase())
    .filter((name) =>
      statusLabels.some((label) => label.name.toLowerCase() === name),
    );
  if (names.length === 0) return false;
  const [events, bot] = await Promise.all([run.labelEvents(), run.botLogin()]);
  return names.some((name) => {
    const latest = events
      .filter(
        (event) =>
          event.action === "labeled" && event.label.toLowerCase() === name,
      )
      .at(-1);
    return latest?.actor.toLowerCase() === bot.toLowerCase();
  });
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
function takesLabels(read: PullRequestRead): boolean {
  return read.errors.length === 0 && read.config.mode === "live";
}

function carries(pr: PullRequestState, label: StatusLabel): boolean {
  return pr.labels.some(
    (name) => name.toLowerCase() === label.name.toLowerCase(),
  );
}
