import type { WorkerPool } from "../workers/worker-pool.js";
import { createEngine } from "../config/create-engine.js";
import type { Config, ConfigError } from "../config/parse-config.js";
import { statusLabelsOf, type StatusLabel } from "../config/status-labels.js";
import {
  MAX_LISTED_FILES,
  type ExistingCheckRun,
  type GitHubClient,
  type PullRequestState,
} from "../github/client.js";
import { loadConfig, loadTemplates } from "../github/load-settings.js";
import type { DocCache, ReadBlob } from "../github/read-docs.js";
import { decodeState, type CommentState } from "../report/comment-state.js";
import {
  findChecklistComments,
  type PlannedComment,
} from "../report/plan-comment.js";
import { CHECK_RUN_NAME } from "../report/render-check-run.js";
import { loadBuiltinTemplates } from "../templates/builtin-templates.js";
import type { Template } from "../templates/types.js";
import { relaxReport, type DocReport } from "../validate/check-design-doc.js";
import type { StatusDefinition } from "../validate/options.js";
import {
  readDoc,
  reportOf,
  selectDocs,
  vocabularyOf,
  type DocFile,
} from "./read-doc-reports.js";

/** What every read of one run shares. */
export interface RunContext {
  client: GitHubClient;
  cache: DocCache;
  /** Parses and checks docs in worker threads, within a time budget. */
  workers: WorkerPool;
  /** This app's id: its own comments are the ones it may edit. */
  appId: number;
  /** The login of this app's bot user. */
  botLogin: () => Promise<string>;
  today: string;
}

/** The repo's config, and everything wrong with it. */
export interface LoadedConfig {
  config: Config;
  errors: ConfigError[];
  /**
   * The templates the config names, read once when first asked for: the built-ins at no
   * cost, the repo's own from its default branch.
   */
  templates(): Promise<{ templates: Template[]; errors: ConfigError[] }>;
}

/** Reads the repo's config from its default branch, its templates when first needed. */
export async function loadRepoConfig(
  run: RunContext,
  owner: string,
  repo: string,
): Promise<LoadedConfig> {
  const loaded = await loadConfig(run.client, owner, repo);
  let templates: ReturnType<LoadedConfig["templates"]> | undefined;
  return {
    ...loaded,
    templates: () =>
      (templates ??= loadTemplates(
        loaded.config,
        (path) => run.client.getFile(path),
        (ref, source) => run.workers.run("template", ref, source),
      )),
  };
}

/** The repo's Status vocabulary and the status labels made of it. */
export async function statusLabelsFor(
  loaded: LoadedConfig,
): Promise<{ vocabulary: StatusDefinition[]; statusLabels: StatusLabel[] }> {
  const { templates } = await loaded.templates();
  const vocabulary = vocabularyOf(loaded.config, templates);
  return {
    vocabulary,
    statusLabels: statusLabelsOf(
      vocabulary.map((status) => status.name),
      loaded.config.labels,
    ),
  };
}

/** Everything one run decides from, read from GitHub at one head of the PR. */
export interface PullRequestSnapshot {
  config: Config;
  /** The config's errors and the templates'. */
  errors: ConfigError[];
  vocabulary: StatusDefinition[];
  statusLabels: StatusLabel[];
  pr: PullRequestState;
  docs: DocFile[];
  /** One per doc, in the same order. */
  reports: DocReport[];
  /** This app's checklist comments, oldest first. */
  ours: PlannedComment[];
  /** Whether the bot has reported on this PR before: its comment, or a status label it put on. */
  reported: boolean;
  /** What the checklist comment remembers: a cache, trusted only where GitHub confirms it. */
  state: CommentState;
  /** The `Design docs` check runs on `pr.headSha`. */
  checkRuns: ExistingCheckRun[];
  /** Set when GitHub's file list stops short of the PR's files: how many it listed of all. */
  truncated: { listed: number; total: number } | undefined;
}

/** Commits the run itself made: GitHub's file list and PR may lag behind them for a moment. */
export interface OwnCommits {
  headSha: string;
  blobs: Record<string, string>;
}

/** A run that stops before deciding anything, and why (the log line's outcome). */
export interface Skipped {
  skipped: "no design docs" | "skipped: closed" | "skipped: draft";
}

/** How many times a head that moved on while it was read is read again. */
const MAX_REREADS = 2;

/**
 * Reads the PR for one decision: config, files and comments first, then (when there is
 * anything to report) the PR itself, the templates, each doc's blob and the check runs on the
 * head; then checks each doc in a worker. When a push landed while reading, it starts again
 * from the new head (at most twice), so the verdict written on a head is that head's. After
 * the run's own commits (`own`), their head and blobs are taken as they are.
 */
export async function gatherPullRequest(
  run: RunContext,
  loading: Promise<LoadedConfig>,
  target: {
    headSha: string;
    /** The labels the event's payload shows. */
    payloadLabels: readonly string[];
    /** Known to have been reported on, whatever the comments and labels show. */
    reported: boolean;
    own?: OwnCommits;
  },
): Promise<PullRequestSnapshot | Skipped> {
  const { client } = run;
  let headSha = target.own?.headSha ?? target.headSha;
  for (let reread = 0; ; reread += 1) {
    const [loaded, files, comments] = await Promise.all([
      loading,
      client.listChangedFiles(),
      client.listComments(),
    ]);
    const { config } = loaded;
    const ours = findChecklistComments(comments, run.appId);
    const docs = selectDocs(files, config.paths).map((file) => ({
      ...file,
      sha: target.own?.blobs[file.path] ?? file.sha,
    }));
    const reported =
      target.reported ||
      ours.length > 0 ||
      (docs.length === 0 &&
        target.payloadLabels.length > 0 &&
        (await putOnByBot(
          run,
          (await statusLabelsFor(loaded)).statusLabels,
          target.payloadLabels,
        )));
    const mayBeTruncated = files.length >= MAX_LISTED_FILES;
    if (
      docs.length === 0 &&
      !reported &&
      config.checkRun !== "always" &&
      !mayBeTruncated
    )
      return { skipped: "no design docs" };

    const [read, templates, labels, blobs, checkRuns] = await Promise.all([
      client.getPullRequest(),
      loaded.templates(),
      statusLabelsFor(loaded),
      Promise.all(
        docs.map((doc) =>
          readDoc(client, run.cache, doc.sha, config.maxFileSize),
        ),
      ),
      config.checkRun !== false || config.mode === "dry-run"
        ? client.listCheckRuns(headSha, CHECK_RUN_NAME)
        : Promise.resolve([]),
    ]);
    const pr = target.own ? { ...read, headSha: target.own.headSha } : read;
    if (!target.own && pr.headSha !== headSha && reread < MAX_REREADS) {
      // A push landed after this event: the file list read above may be the older head's
      // or the newer one's. Start again from the head just read.
      headSha = pr.headSha;
      continue;
    }
    if (!pr.open) return { skipped: "skipped: closed" };
    if (pr.draft && config.drafts === "skip")
      return { skipped: "skipped: draft" };

    const reports = await checkDocs(run, config, templates.templates, pr, {
      docs,
      blobs,
    });
    return {
      config,
      errors: [...loaded.errors, ...templates.errors],
      ...labels,
      pr,
      docs,
      reports,
      ours,
      reported,
      state: decodeState(ours[0]?.body ?? ""),
      checkRuns:
        headSha === pr.headSha
          ? checkRuns
          : config.checkRun !== false || config.mode === "dry-run"
            ? await client.listCheckRuns(pr.headSha, CHECK_RUN_NAME)
            : [],
      truncated:
        mayBeTruncated && pr.changedFiles > files.length
          ? { listed: files.length, total: pr.changedFiles }
          : undefined,
    };
  }
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
  const [events, bot] = await Promise.all([
    run.client.listLabelEvents(),
    run.botLogin(),
  ]);
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

/** Each doc's report, checked by a worker; on a draft PR with `drafts: wip`, relaxed. */
async function checkDocs(
  run: RunContext,
  config: Config,
  templates: Template[],
  pr: PullRequestState,
  read: { docs: readonly DocFile[]; blobs: readonly ReadBlob[] },
): Promise<DocReport[]> {
  const engine = createEngine(
    config,
    templates,
    loadBuiltinTemplates()[0] as Template,
    run.today,
  );
  return Promise.all(
    read.docs.map(async (doc, index) => {
      const report = await reportOf(
        doc.path,
        read.blobs[index] as ReadBlob,
        config,
        engine,
        run.workers,
      );
      return pr.draft && config.drafts === "wip" ? relaxReport(report) : report;
    }),
  );
}
