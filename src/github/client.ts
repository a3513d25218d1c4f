import type { Context } from "probot";
import type { LabelStyle } from "../config/read-statuses.js";
import type { PlannedComment } from "../report/plan-comment.js";
import type { Annotation } from "../report/render-check-run.js";

/** The Octokit client Probot gives each event. */
export type Octokit = Context["octokit"];

/** The PR as it is now (a redelivered payload may be stale). */
export interface PullRequestState {
  headSha: string;
  draft: boolean;
  open: boolean;
  labels: string[];
}

/** A file the PR changes. */
export interface ChangedFile {
  path: string;
  status: string;
  /** The blob at the PR head; absent for a removed file. */
  sha: string | undefined;
}

/** A git blob's bytes. */
export interface Blob {
  size: number;
  bytes: Uint8Array;
}

/** A `Design docs` check run already on a commit. */
export interface ExistingCheckRun {
  id: number;
  completed: boolean;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
}

/** A check run to create. */
export interface NewCheckRun {
  name: string;
  headSha: string;
  conclusion: "success" | "failure" | "neutral";
  title: string;
  summary: string;
  annotations: Annotation[];
}

/** The few GitHub calls the PR handler makes, for one PR of one repository. */
export interface GitHubClient {
  getPullRequest(): Promise<PullRequestState>;
  listChangedFiles(): Promise<ChangedFile[]>;
  getBlob(sha: string): Promise<Blob>;
  /** A file's text on the default branch, or undefined when there is none. */
  getFile(path: string): Promise<string | undefined>;
  listComments(): Promise<PlannedComment[]>;
  createComment(body: string): Promise<void>;
  updateComment(id: number, body: string): Promise<void>;
  deleteComment(id: number): Promise<void>;
  /** Adds labels to the PR (GitHub creates missing ones, grey); returns the PR's labels. */
  addLabels(names: string[]): Promise<LabelStyle[]>;
  updateLabel(style: LabelStyle): Promise<void>;
  removeLabel(name: string): Promise<void>;
  listCheckRuns(headSha: string, name: string): Promise<ExistingCheckRun[]>;
  createCheckRun(run: NewCheckRun): Promise<number>;
  addAnnotations(
    id: number,
    run: Pick<NewCheckRun, "title" | "summary">,
    annotations: Annotation[],
  ): Promise<void>;
}

/** Where the PR is. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** A `GitHubClient` over Probot's Octokit, for one PR. */
export function createGitHubClient(
  octokit: Octokit,
  ref: PullRequestRef,
): GitHubClient {
  const repo = { owner: ref.owner, repo: ref.repo };
  const issue = { ...repo, issue_number: ref.number };
  return {
    async getPullRequest() {
      const { data } = await octokit.rest.pulls.get({
        ...repo,
        pull_number: ref.number,
      });
      return {
        headSha: data.head.sha,
        draft: data.draft === true,
        open: data.state === "open",
        labels: data.labels.map((label) => label.name),
      };
    },
    async listChangedFiles() {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        ...repo,
        pull_number: ref.number,
        per_page: 100,
      });
      return files.map((file) => ({
        path: file.filename,
        status: file.status,
        sha: file.status === "removed" ? undefined : (file.sha ?? undefined),
      }));
    },
    async getBlob(sha) {
      const { data } = await octokit.rest.git.getBlob({
        ...repo,
        file_sha: sha,
      });
      const bytes =
        data.encoding === "base64"
          ? Buffer.from(data.content, "base64")
          : Buffer.from(data.content, "utf8");
      return { size: data.size ?? bytes.length, bytes };
    },
    async getFile(path) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path });
        if (Array.isArray(data) || data.type !== "file") return undefined;
        return Buffer.from(data.content, "base64").toString("utf8");
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async listComments() {
      const comments = await octokit.paginate(
        octokit.rest.issues.listComments,
        { ...issue, per_page: 100 },
      );
      return comments.map((comment) => ({
        id: comment.id,
        body: comment.body ?? "",
        createdAt: comment.created_at,
        appId: comment.performed_via_github_app?.id,
      }));
    },
    async createComment(body) {
      await octokit.rest.issues.createComment({ ...issue, body });
    },
    async updateComment(id, body) {
      await octokit.rest.issues.updateComment({
        ...repo,
        comment_id: id,
        body,
      });
    },
    async deleteComment(id) {
      await ignoreStatus(404, () =>
        octokit.rest.issues.deleteComment({ ...repo, comment_id: id }),
      );
    },
    async addLabels(names) {
      const { data } = await octokit.rest.issues.addLabels({
        ...issue,
        labels: names,
      });
      return data.map((label) => ({
        name: label.name,
        color: label.color,
        description: label.description ?? "",
      }));
    },
    async updateLabel(style) {
      await octokit.rest.issues.updateLabel({ ...repo, ...style });
    },
    async removeLabel(name) {
      await ignoreStatus(404, () =>
        octokit.rest.issues.removeLabel({ ...issue, name }),
      );
    },
    async listCheckRuns(headSha, name) {
      const { data } = await octokit.rest.checks.listForRef({
        ...repo,
        ref: headSha,
        check_name: name,
        filter: "latest",
        per_page: 100,
      });
      return data.check_runs.map((run) => ({
        id: run.id,
        completed: run.status === "completed",
        conclusion: run.conclusion,
        title: run.output.title,
        summary: run.output.summary,
      }));
    },
    async createCheckRun(run) {
      const { data } = await octokit.rest.checks.create({
        ...repo,
        name: run.name,
        head_sha: run.headSha,
        status: "completed",
        conclusion: run.conclusion,
        output: {
          title: run.title,
          summary: run.summary,
          annotations: run.annotations,
        },
      });
      return data.id;
    },
    async addAnnotations(id, run, annotations) {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        output: { title: run.title, summary: run.summary, annotations },
      });
    },
  };
}

/** The HTTP status of an Octokit request error. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === "object" &&
    error !== null &&
    "status" in error &&
    typeof error.status === "number"
    ? error.status
    : undefined;
}

async function ignoreStatus(
  status: number,
  call: () => Promise<unknown>,
): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (statusOf(error) !== status) throw error;
  }
}
