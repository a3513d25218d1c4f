import picomatch from "picomatch";
import { createEngine } from "../config/create-engine.js";
import type { Config } from "../config/parse-config.js";
import { statusLabelsOf } from "../config/status-labels.js";
import type {
  ChangedFile,
  GitHubClient,
  NewCheckRun,
} from "../github/client.js";
import { loadConfig, loadTemplates } from "../github/load-settings.js";
import {
  oversizeReason,
  readBlob,
  type DocCache,
  type ReadBlob,
} from "../github/read-docs.js";
import {
  commentBody,
  findChecklistComments,
  planComment,
} from "../report/plan-comment.js";
import { isEmptyPlan } from "../report/plan-labels.js";
import { planPullRequest } from "../report/plan-pull-request.js";
import { CHECK_RUN_NAME } from "../report/render-check-run.js";
import { renderNoDocs } from "../report/render-notices.js";
import { loadBuiltinTemplates } from "../templates/builtin-templates.js";
import type { Template } from "../templates/types.js";
import {
  checkParsedDoc,
  relaxReport,
  unreadableDocReport,
  type DocReport,
  type Engine,
} from "../validate/check-design-doc.js";
import {
  applyCommentPlan,
  applyLabelPlan,
  createCheckRun,
  isCheckRunCurrent,
} from "./apply-changes.js";

/** What one run on a PR needs. */
export interface PullRequestRun {
  client: GitHubClient;
  /** Probot's `context.config` for `.github/design-docs.yml`. */
  readConfig: () => Promise<unknown>;
  cache: DocCache;
  /** This app's id: its own comments are the ones it may edit. */
  appId: number;
  /** The head sha the event names; the PR is re-read in case it moved on. */
  eventHeadSha: string;
  today: string;
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
): Promise<RunResult> {
  const { client } = run;
  const [loaded, files, comments] = await Promise.all([
    loadConfig(run.readConfig),
    client.listChangedFiles(),
    client.listComments(),
  ]);
  const { config } = loaded;
  const ours = findChecklistComments(comments, run.appId);
  const docFiles = selectDocs(files, config.paths);
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

  const [pr, templates, blobs, listedRuns] = await Promise.all([
    client.getPullRequest(),
    loadTemplates(config, (path) => client.getFile(path)),
    Promise.all(
      docFiles.map((file) =>
        readDoc(run, file.sha as string, config.maxFileSize),
      ),
    ),
    config.checkRun || config.mode === "dry-run"
      ? client.listCheckRuns(run.eventHeadSha, CHECK_RUN_NAME)
      : Promise.resolve([]),
  ]);
  if (!pr.open) return { docs: 0, outcome: "skipped: closed", writes };
  if (pr.draft && config.drafts === "skip")
    return { docs: 0, outcome: "skipped: draft", writes };

  const statusLabels = statusLabelsOf(vocabularyOf(config), config.labels);
  const engine = createEngine(
    config,
    templates.templates,
    loadBuiltinTemplates()[0] as Template,
    run.today,
  );
  const reports = docFiles.map((file, index) => {
    const report = reportOf(
      file.path,
      blobs[index] as ReadBlob,
      config,
      engine,
    );
    return pr.draft && config.drafts === "wip" ? relaxReport(report) : report;
  });
  const plan = planPullRequest({
    config,
    errors: [...loaded.errors, ...templates.errors],
    reports,
    statusLabels,
    currentLabels: pr.labels,
    hasComment: ours.length > 0,
  });

  const commentPlan = planComment(
    ours,
    plan.comment === undefined ? undefined : commentBody(plan.comment),
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
    checkRun !== undefined && !isCheckRunCurrent(existingRuns, checkRun);

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

/** The files that are design docs under the config's globs, removed ones left out. */
export function selectDocs(
  files: readonly ChangedFile[],
  paths: readonly string[],
): ChangedFile[] {
  const isDoc = picomatch([...paths], { dot: true });
  return files.filter((file) => file.sha !== undefined && isDoc(file.path));
}

function vocabularyOf(config: Config): string[] {
  return (
    config.statuses?.map((status) => status.name) ??
    (loadBuiltinTemplates()[0] as Template).statuses
  );
}

async function readDoc(
  run: PullRequestRun,
  sha: string,
  maxFileSize: number,
): Promise<ReadBlob> {
  const cached = run.cache.get(sha);
  if (cached) return cached;
  const blob = await run.client.getBlob(sha);
  const oversize = oversizeReason(blob.size, maxFileSize);
  // Not cached: another repo may allow larger docs.
  if (oversize)
    return { kind: "unreadable", size: blob.size, reason: oversize };
  const read = readBlob(blob);
  run.cache.set(sha, read);
  return read;
}

function reportOf(
  path: string,
  read: ReadBlob,
  config: Config,
  engine: Engine,
): DocReport {
  const oversize = oversizeReason(read.size, config.maxFileSize);
  if (oversize) return unreadableDocReport(path, oversize);
  if (read.kind === "unreadable") return unreadableDocReport(path, read.reason);
  return checkParsedDoc(path, read.doc, engine);
}

function describeCommentWrites(
  plan: ReturnType<typeof planComment>,
  writes: string[],
): string[] {
  if (plan.create !== undefined) writes.push("comment created");
  if (plan.update) writes.push("comment edited");
  if (plan.remove.length > 0)
    writes.push(`${plan.remove.length} duplicate comment(s) deleted`);
  return writes;
}
