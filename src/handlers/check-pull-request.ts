import type { DocChecker } from "../check/doc-checker.js";
import { createEngine } from "../config/create-engine.js";
import { ownValue } from "../config/own-value.js";
import { statusLabelsOf } from "../config/status-labels.js";
import { isRestricted } from "../config/status-rules.js";
import { createPermissionCheck } from "../github/check-permission.js";
import type {
  GitHubClient,
  NewCheckRun,
  PullRequestState,
} from "../github/client.js";
import { loadConfig, loadTemplates } from "../github/load-settings.js";
import type { DocCache, ReadBlob } from "../github/read-docs.js";
import {
  decodeState,
  encodeState,
  type CommentState,
} from "../report/comment-state.js";
import {
  commentBody,
  findChecklistComments,
  planComment,
  type CommentPlan,
} from "../report/plan-comment.js";
import { isEmptyPlan } from "../report/plan-labels.js";
import { planPullRequest } from "../report/plan-pull-request.js";
import { CHECK_RUN_NAME } from "../report/render-check-run.js";
import { describePending, renderNoDocs } from "../report/render-notices.js";
import { loadBuiltinTemplates } from "../templates/builtin-templates.js";
import type { Template } from "../templates/types.js";
import { relaxReport, type DocReport } from "../validate/check-design-doc.js";
import {
  applyCommentPlan,
  applyLabelPlan,
  createCheckRun,
  isCheckRunCurrent,
} from "./apply-changes.js";
import { checkStatusMoves } from "./check-status-moves.js";
import {
  readDoc,
  reportOf,
  selectDocs,
  vocabularyOf,
} from "./read-doc-reports.js";

/** What one run on a PR needs. */
export interface PullRequestRun {
  client: GitHubClient;
  /** Probot's `context.config` for `.github/design-docs.yml`. */
  readConfig: () => Promise<unknown>;
  cache: DocCache;
  /** Parses and checks docs in worker threads, within a time budget. */
  checker: DocChecker;
  /** This app's id: its own comments are the ones it may edit. */
  appId: number;
  /** The head sha the event names; the PR is re-read in case it moved on. */
  eventHeadSha: string;
  today: string;
}

/** What an event adds to a run: notes for the comment, state to remember, commits it made. */
export interface RunIntent {
  /** Markdown lines (already neutralised) shown under the summary. */
  notes?: string[];
  /** Replaces the remembered state's entries it names. */
  state?: CommentState;
  /** Commits this event made: GitHub's file list and PR may lag behind them for a moment. */
  written?: { headSha: string; blobs: Record<string, string> };
  /** Someone re-ran the check: write a check run even when the latest says the same. */
  recheck?: boolean;
}

/** What a run did, for the log line. */
export interface RunResult {
  docs: number;
  outcome: string;
  status?: string | undefined;
  writes: string[];
}

/**
 * Checks the design docs a PR changes and brings its checklist comment, status label and
 * check run up to date. Reads first, decides with pure functions, then writes only what
 * changed: a redelivered event costs reads only.
 */
export async function checkPullRequest(
  run: PullRequestRun,
  intent: RunIntent = {},
  restarts = 0,
): Promise<RunResult> {
  const { client } = run;
  const [loaded, files, comments] = await Promise.all([
    loadConfig(run.readConfig),
    client.listChangedFiles(),
    client.listComments(),
  ]);
  const { config } = loaded;
  const ours = findChecklistComments(comments, run.appId);
  const blobs = intent.written?.blobs ?? {};
  const docFiles = selectDocs(files, config.paths).map((file) => ({
    ...file,
    sha: ownValue(blobs, file.path) ?? file.sha,
  }));
  const writes: string[] = [];

  if (docFiles.length === 0) {
    if (ours.length === 0 || config.mode === "dry-run")
      return { docs: 0, outcome: "no design docs", writes };
    const plan = planComment(ours, commentBody(renderNoDocs(config.paths)));
    await applyCommentPlan(client, plan);
    return {
      docs: 0,
      outcome: "no design docs",
      writes: describeCommentWrites(plan, writes),
    };
  }

  const [pr, templates, docBlobs, listedRuns] = await Promise.all([
    client
      .getPullRequest()
      .then((read) =>
        intent.written ? { ...read, headSha: intent.written.headSha } : read,
      ),
    loadTemplates(
      config,
      (path) => client.getFile(path),
      (ref, source) => run.checker.run("template", ref, source),
    ),
    Promise.all(
      docFiles.map((file) =>
        readDoc(client, run.cache, file.sha as string, config.maxFileSize),
      ),
    ),
    config.checkRun || config.mode === "dry-run"
      ? client.listCheckRuns(run.eventHeadSha, CHECK_RUN_NAME)
      : Promise.resolve([]),
  ]);
  if (!intent.written && pr.headSha !== run.eventHeadSha && restarts < 2)
    // A push landed after this event: the file list read above may be the older head's or
    // the newer one's. Start again from the head just read, so that the verdict written
    // on a head is that head's (the later push's own event finds it current).
    return checkPullRequest(
      { ...run, eventHeadSha: pr.headSha },
      intent,
      restarts + 1,
    );
  if (!pr.open) return { docs: 0, outcome: "skipped: closed", writes };
  if (pr.draft && config.drafts === "skip")
    return { docs: 0, outcome: "skipped: draft", writes };

  const vocabulary = vocabularyOf(config);
  const statusLabels = statusLabelsOf(
    vocabulary.map((status) => status.name),
    config.labels,
  );
  const engine = createEngine(
    config,
    templates.templates,
    loadBuiltinTemplates()[0] as Template,
    run.today,
  );
  const checked = await Promise.all(
    docFiles.map(async (file, index) => {
      const report = await reportOf(
        file.path,
        docBlobs[index] as ReadBlob,
        config,
        engine,
        run.checker,
      );
      return pr.draft && config.drafts === "wip" ? relaxReport(report) : report;
    }),
  );
  const remembered = { ...decodeState(ours[0]?.body ?? ""), ...intent.state };
  const state = currentState(remembered, checked, pr, statusLabels);
  const reports = Object.values(config.rules).some(isRestricted)
    ? await checkStatusMoves(docFiles, checked, {
        client,
        pr,
        rules: config.rules,
        vocabulary,
        mayUserSet: createPermissionCheck(client),
        state,
        checker: run.checker,
      })
    : checked;
  const plan = planPullRequest({
    config,
    errors: [...loaded.errors, ...templates.errors],
    reports,
    statusLabels,
    currentLabels: pr.labels,
    hasComment: ours.length > 0,
    requested: state.pending?.status,
    notes: [
      ...(intent.notes ?? []),
      ...(state.pending ? [describePending(state.pending, reports)] : []),
    ],
  });

  const commentPlan = planComment(
    ours,
    plan.comment === undefined
      ? undefined
      : commentBody([plan.comment, ...encodeState(state)].join("\n")),
  );
  const checkRun: NewCheckRun | undefined = plan.checkRun && {
    name: CHECK_RUN_NAME,
    headSha: pr.headSha,
    ...plan.checkRun,
  };
  const existingRuns =
    checkRun && pr.headSha !== run.eventHeadSha
      ? await client.listCheckRuns(pr.headSha, CHECK_RUN_NAME)
      : listedRuns;
  const writeCheckRun =
    checkRun !== undefined &&
    (intent.recheck === true || !isCheckRunCurrent(existingRuns, checkRun));

  await Promise.all([
    applyCommentPlan(client, commentPlan),
    isEmptyPlan(plan.labels)
      ? undefined
      : applyLabelPlan(client, plan.labels, statusLabels),
    writeCheckRun ? createCheckRun(client, checkRun) : undefined,
  ]);
  describeCommentWrites(commentPlan, writes);
  if (!isEmptyPlan(plan.labels)) writes.push("labels");
  if (writeCheckRun) writes.push("check run");
  return {
    docs: reports.length,
    outcome: plan.checkRun?.conclusion ?? "checked",
    status: plan.status,
    writes,
  };
}

/**
 * What is still worth remembering: a pending status while its label is on the PR and some
 * doc does not say it yet; who set a status while the docs still say it.
 */
function currentState(
  state: CommentState,
  reports: readonly DocReport[],
  pr: PullRequestState,
  statusLabels: readonly { status: string; name: string }[],
): CommentState {
  const labelOf = (status: string): string | undefined =>
    statusLabels.find((label) => label.status === status)?.name.toLowerCase();
  const { pending, setBy } = state;
  const pendingLabel = pending && labelOf(pending.status);
  const keepPending =
    pending !== undefined &&
    pr.labels.some((label) => label.toLowerCase() === pendingLabel) &&
    reports.some((report) => report.status.value !== pending.status);
  const keepSetBy =
    setBy !== undefined &&
    reports.some((report) => report.status.value === setBy.status);
  return {
    pending: keepPending ? pending : undefined,
    setBy: keepSetBy ? setBy : undefined,
  };
}

function describeCommentWrites(plan: CommentPlan, writes: string[]): string[] {
  if (plan.create !== undefined) writes.push("comment created");
  if (plan.update) writes.push("comment edited");
  if (plan.remove.length > 0)
    writes.push(`${plan.remove.length} duplicate comment(s) deleted`);
  return writes;
}
