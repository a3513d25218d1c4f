import { RequestError } from "@octokit/request-error";
import type { Octokit as RestOctokit } from "@octokit/rest";

/**
 * What the clients need of an Octokit: its REST methods and pagination. Probot's, which each
 * event brings, has them; so has @octokit/rest's, which the Action makes from its token.
 */
export type Octokit = Pick<
  RestOctokit,
  "rest" | "paginate" | "request" | "hook" | "log"
>;

/** The PR as it is now (a redelivered payload may be stale). */
export interface PullRequestState {
  headSha: string;
  /** The head branch, and whether it is in this repository (an app cannot push to a fork). */
  headRef: string;
  headInRepo: boolean;
  baseSha: string;
  draft: boolean;
  open: boolean;
  labels: string[];
  /** How many files the PR changes; GitHub's file list stops at 3,000 of them. */
  changedFiles: number;
  /** The owner of the PR's repository: whose teams may be asked to review. */
  owner: string;
  /** Who opened the PR: never asked to review it. */
  author: string;
  /** Users and team slugs whose review is requested and not given yet. */
  requestedReviewers: string[];
  requestedTeams: string[];
}

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES = 3000;

/** A file the PR changes. */
export interface ChangedFile {
  path: string;
  status: string;
  /** The blob at the PR head; absent for a removed file. */
  sha: string | undefined;
  /** For a renamed file, its path at the base. */
  previousPath: string | undefined;
  /** The file's diff hunks; undefined when GitHub shows none (too large, binary). */
  patch: string | undefined;
}

/** A submitted review, as far as approvals go. */
export interface Review {
  user: string;
  state: string;
  submittedAt: string;
  /** The head the review was given on. */
  commitId: string;
}

/** A commit on the PR, as far as telling the bot's own status commits apart goes. */
export interface PullRequestCommit {
  message: string;
  /** The GitHub accounts GitHub links the commit's author and committer to, if any. */
  author: string | undefined;
  committer: string | undefined;
  /** Whether GitHub verified the commit's signature (which vouches for the committer). */
  verified: boolean;
}

/** A label added to or removed from the PR, as GitHub recorded it. */
export interface LabelEvent {
  /** The issue event's id. */
  id: number;
  action: "labeled" | "unlabeled";
  label: string;
  actor: string;
  actorIsBot: boolean;
}

/** A config file in some repository: its text, absent, or not readable with this token. */
export type ConfigFile =
  { kind: "file"; text: string } | { kind: "absent" } | { kind: "forbidden" };

/** A git blob's bytes. */
export interface GitBlob {
  size: number;
  bytes: Uint8Array;
}

/** A comment on the PR's conversation. */
export interface ExistingComment {
  id: number;
  body: string;
  createdAt: string;
  /** The GitHub App that wrote it, if any. */
  appId: number | undefined;
  /** The login of the account that wrote it. */
  author: string;
}

/** A label as the PR shows it. */
export interface IssueLabel {
  name: string;
  color: string;
  description: string;
}

/** A line of a check run's output that points at a file. */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning";
  title: string;
  message: string;
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
  annotations: CheckRunAnnotation[];
}

/** A file's text at a ref, with the blob sha an update must name. */
export interface RepoFile {
  /** Undefined when the file is not UTF-8 text, which the bot will not read or rewrite. */
  text: string | undefined;
  sha: string;
}

/** What became of a commit updating a file. */
export type PutFileResult =
  | {
      kind: "committed";
      commitSha: string | undefined;
      blobSha: string | undefined;
    }
  /**
   * GitHub answered 409: the sha named is not the file's on the branch any more, or a branch
   * rule refuses the push. A fresh read tells them apart: a new sha is worth one more try.
   */
  | { kind: "stale" }
  /** The bot may not write there (403, 404): no contents write, or no such branch. */
  | { kind: "forbidden" };

/** The few GitHub calls the PR handler makes, for one PR of one repository. */
export interface GitHubClient {
  getPullRequest(): Promise<PullRequestState>;
  listChangedFiles(): Promise<ChangedFile[]>;
  getBlob(sha: string): Promise<GitBlob>;
  /** A file at a branch or commit (the default branch without `ref`), or undefined when absent. */
  getFile(path: string, ref?: string): Promise<RepoFile | undefined>;
  /** A config file on a repository's default branch, this one or another of the owner's. */
  getConfigFile(owner: string, repo: string, path: string): Promise<ConfigFile>;
  /** Commits a new version of a file on a branch, replacing the blob `sha`. */
  putFile(file: {
    path: string;
    branch: string;
    text: string;
    sha: string;
    message: string;
  }): Promise<PutFileResult>;
  /** A user's role on the repository (`admin`, `maintain`, `write`, `triage`, `read`), if any. */
  getPermission(user: string): Promise<string | undefined>;
  isTeamMember(org: string, slug: string, user: string): Promise<boolean>;
  listReviews(): Promise<Review[]>;
  /** The PR's commits, oldest first (GitHub lists up to 250). */
  listCommits(): Promise<PullRequestCommit[]>;
  /** Labels added and removed on the PR, oldest first. */
  listLabelEvents(): Promise<LabelEvent[]>;
  /** One review on `commitId` holding line comments; "refused" when GitHub refused a line (422). */
  createReview(review: {
    commitId: string;
    comments: { path: string; line: number; body: string }[];
  }): Promise<"posted" | "refused">;
  /**
   * Requests reviews from users and the repository owner's teams (by slug); the reason
   * GitHub gave when it refused (422: the author, or someone who is not a collaborator).
   */
  requestReviewers(
    users: readonly string[],
    teams: readonly string[],
  ): Promise<{ refused: string } | undefined>;
  listComments(): Promise<ExistingComment[]>;
  createComment(body: string): Promise<void>;
  updateComment(id: number, body: string): Promise<void>;
  /** Deletes a comment; one already gone is no error. */
  deleteComment(id: number): Promise<void>;
  /** Adds labels to the PR (GitHub creates missing ones, grey); returns the PR's labels. */
  addLabels(names: string[]): Promise<IssueLabel[]>;
  updateLabel(label: IssueLabel): Promise<void>;
  /** Takes a label off the PR; one already off is no error. */
  removeLabel(name: string): Promise<void>;
  /** This app's check runs of that name on a commit. */
  listCheckRuns(headSha: string, name: string): Promise<ExistingCheckRun[]>;
  createCheckRun(run: NewCheckRun): Promise<number>;
  addAnnotations(
    id: number,
    run: Pick<NewCheckRun, "title" | "summary">,
    annotations: CheckRunAnnotation[],
  ): Promise<void>;
}

/** Where the PR is. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** Who the bot is: the check runs it lists are its own, not another app's of that name. */
  identity: BotIdentity;
}

/**
 * Who the bot writes as, to tell its own comments and check runs from anyone else's: the
 * hosted App by its id; the Action by its token's account (`github-actions[bot]` with the
 * workflow token), whose check runs are its App's, named by the account (`<slug>[bot]`).
 */
export type BotIdentity = { appId: number } | { login: string };

/** Whether a comment is the bot's own. */
export function isOwnComment(
  comment: ExistingComment,
  identity: BotIdentity,
): boolean {
  return "appId" in identity
    ? comment.appId === identity.appId
    : comment.author.toLowerCase() === identity.login.toLowerCase();
}

/** The App a token's account belongs to (`github-actions` for `github-actions[bot]`), if it is one's. */
export function appSlugOf(login: string): string | undefined {
  return /^(.+)\[bot\]$/u.exec(login)?.[1];
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
        headRef: data.head.ref,
        headInRepo: data.head.repo?.full_name === data.base.repo.full_name,
        baseSha: data.base.sha,
        draft: data.draft === true,
        open: data.state === "open",
        labels: data.labels.map((label) => label.name),
        changedFiles: data.changed_files,
        owner: ref.owner,
        author: data.user.login,
        requestedReviewers: (data.requested_reviewers ?? []).map(
          (user) => user.login,
        ),
        requestedTeams: (data.requested_teams ?? []).map((team) => team.slug),
      };
    },
    async listChangedFiles() {
      const files = await everyPage((page) =>
        octokit.rest.pulls.listFiles({
          ...repo,
          pull_number: ref.number,
          ...page,
        }),
      );
      return files.map((file) => ({
        path: file.filename,
        status: file.status,
        sha: file.status === "removed" ? undefined : (file.sha ?? undefined),
        previousPath: file.previous_filename,
        patch: file.patch,
      }));
    },
    getBlob: (sha) => readGitBlob(octokit, repo, sha),
    getFile: (path, ref) =>
      readRepoFile(octokit, ref === undefined ? repo : { ...repo, ref }, path),
    getConfigFile: (owner, name, path) =>
      readConfigFile(octokit, owner, name, path),
    async putFile(file) {
      try {
        const { data } = await octokit.rest.repos.createOrUpdateFileContents({
          ...repo,
          path: file.path,
          branch: file.branch,
          sha: file.sha,
          message: file.message,
          content: Buffer.from(file.text, "utf8").toString("base64"),
        });
        return {
          kind: "committed",
          commitSha: data.commit.sha,
          blobSha: data.content?.sha,
        };
      } catch (error) {
        const status = statusOf(error);
        if (status === 409) return { kind: "stale" };
        if ((status === 403 && !isRateLimited(error)) || status === 404)
          return { kind: "forbidden" };
        throw error;
      }
    },
    async getPermission(user) {
      const { data } = await absentOn404(() =>
        octokit.rest.repos.getCollaboratorPermissionLevel({
          ...repo,
          username: user,
        }),
      );
      return data?.role_name;
    },
    async isTeamMember(org, slug, user) {
      const { data } = await absentOn404(() =>
        octokit.rest.teams.getMembershipForUserInOrg({
          org,
          team_slug: slug,
          username: user,
        }),
      );
      return data?.state === "active";
    },
    async listReviews() {
      const reviews = await everyPage((page) =>
        octokit.rest.pulls.listReviews({
          ...repo,
          pull_number: ref.number,
          ...page,
        }),
      );
      return reviews.flatMap((review) =>
        review.user
          ? [
              {
                user: review.user.login,
                state: review.state,
                submittedAt: review.submitted_at ?? "",
                commitId: review.commit_id ?? "",
              },
            ]
          : [],
      );
    },
    async listCommits() {
      const commits = await everyPage((page) =>
        octokit.rest.pulls.listCommits({
          ...repo,
          pull_number: ref.number,
          ...page,
        }),
      );
      return commits.map((commit) => ({
        message: commit.commit.message,
        author: commit.author?.login,
        committer: commit.committer?.login,
        verified: commit.commit.verification?.verified === true,
      }));
    },
    async listLabelEvents() {
      const events = await everyPage((page) =>
        octokit.rest.issues.listEvents({ ...issue, ...page }),
      );
      return events.flatMap((event): LabelEvent[] =>
        (event.event === "labeled" || event.event === "unlabeled") &&
        "label" in event &&
        event.actor
          ? [
              {
                id: event.id,
                action: event.event,
                label: event.label.name,
                actor: event.actor.login,
                actorIsBot: event.actor.type === "Bot",
              },
            ]
          : [],
      );
    },
    async requestReviewers(users, teams) {
      try {
        await octokit.rest.pulls.requestReviewers({
          ...repo,
          pull_number: ref.number,
          reviewers: [...users],
          team_reviewers: [...teams],
        });
        return undefined;
      } catch (error) {
        if (statusOf(error) === 422 && error instanceof Error)
          return { refused: refusalOf(error) };
        throw error;
      }
    },
    async createReview(review) {
      try {
        await octokit.rest.pulls.createReview({
          ...repo,
          pull_number: ref.number,
          commit_id: review.commitId,
          event: "COMMENT",
          comments: review.comments.map((comment) => ({
            ...comment,
            side: "RIGHT",
          })),
        });
        return "posted";
      } catch (error) {
        // 422: a line is not part of the diff, so no comment can sit on it.
        if (statusOf(error) === 422) return "refused";
        throw error;
      }
    },
    async listComments() {
      const comments = await everyPage((page) =>
        octokit.rest.issues.listComments({ ...issue, ...page }),
      );
      return comments.map((comment) => ({
        id: comment.id,
        body: comment.body ?? "",
        createdAt: comment.created_at,
        appId: comment.performed_via_github_app?.id,
        author: comment.user?.login ?? "",
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
      await absentOn404(() =>
        octokit.rest.issues.deleteComment({ ...repo, comment_id: id }),
      );
    },
    async addLabels(names) {
      const add = () =>
        octokit.rest.issues.addLabels({ ...issue, labels: names });
      // Adding a label the repository lacks creates it; when another run (on another PR)
      // creates it at the same moment, GitHub answers 422 `already_exists`. The label is
      // there now, so adding it again succeeds.
      const { data } = await add().catch((error: unknown) => {
        if (isAlreadyExists(error)) return add();
        throw error;
      });
      return data.map((label) => ({
        name: label.name,
        color: label.color,
        description: label.description ?? "",
      }));
    },
    async updateLabel(label) {
      await octokit.rest.issues.updateLabel({ ...repo, ...label });
    },
    async removeLabel(name) {
      await absentOn404(() =>
        octokit.rest.issues.removeLabel({ ...issue, name }),
      );
    },
    async listCheckRuns(headSha, name) {
      const { identity } = ref;
      const slug = "login" in identity ? appSlugOf(identity.login) : undefined;
      const { data } = await octokit.rest.checks.listForRef({
        ...repo,
        ref: headSha,
        check_name: name,
        ...("appId" in identity && { app_id: identity.appId }),
        filter: "latest",
        per_page: 100,
      });
      // A token's App is known by its account's name only: its check runs are told by slug
      // (a person's token has no App, and no check runs of its own).
      const own =
        "appId" in identity
          ? data.check_runs
          : data.check_runs.filter((run) => run.app?.slug === slug);
      return own.map((run) => ({
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

/** The query of one page of a list: 100 items, and which page after the first. */
interface PageQuery {
  per_page: 100;
  page?: number;
}

/**
 * Every item of a list GitHub pages. The first page's `link` header names the last page, so
 * the rest are read at once rather than one after another (a PR's 3,000 files are 2 round
 * trips, not 30). A list whose header links only to the next page is followed page by page.
 */
async function everyPage<T>(
  list: (
    page: PageQuery,
  ) => Promise<{ data: T[]; headers: { link?: string | undefined } }>,
): Promise<T[]> {
  const first = await list({ per_page: 100 });
  const last = linkedPage(first.headers.link, "last");
  if (last !== undefined) {
    const rest = await Promise.all(
      Array.from({ length: last - 1 }, (_, index) =>
        list({ per_page: 100, page: index + 2 }),
      ),
    );
    return [first, ...rest].flatMap((response) => response.data);
  }
  const items = [...first.data];
  let next = linkedPage(first.headers.link, "next");
  while (next !== undefined) {
    const response = await list({ per_page: 100, page: next });
    items.push(...response.data);
    next = linkedPage(response.headers.link, "next");
  }
  return items;
}

/**
 * The page number a `link` header gives for `rel`, if it gives one. A link without a page
 * number (a cursor) is an error, not the end of the list: a list read short would be wrong
 * without a word.
 */
function linkedPage(
  link: string | undefined,
  rel: "next" | "last",
): number | undefined {
  for (const part of link?.split(",") ?? []) {
    const match = /<([^>]*)>\s*;\s*rel="([^"]*)"/u.exec(part);
    if (match?.[2] !== rel) continue;
    const page = Number(
      new URL(match[1] ?? "", "https://api.github.com").searchParams.get(
        "page",
      ),
    );
    if (!Number.isInteger(page) || page < 1)
      throw new Error(
        `GitHub's list links to its ${rel} page without a page number: ${part.trim()}`,
      );
    return page > 1 ? page : undefined;
  }
  return undefined;
}

/** What GitHub said when it refused a request: its `message`, else the error's. */
export function refusalOf(error: Error): string {
  const data = error instanceof RequestError ? error.response?.data : undefined;
  const message =
    typeof data === "object" && data !== null && "message" in data
      ? data.message
      : undefined;
  return typeof message === "string" ? message : error.message;
}

/** A git blob of a repository, by its sha. */
export async function readGitBlob(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  sha: string,
): Promise<GitBlob> {
  const { data } = await octokit.rest.git.getBlob({ ...repo, file_sha: sha });
  const bytes =
    data.encoding === "base64"
      ? Buffer.from(data.content, "base64")
      : Buffer.from(data.content, "utf8");
  return { size: data.size ?? bytes.length, bytes };
}

/** A file of a repository, at `ref` or on its default branch; undefined when absent. */
export async function readRepoFile(
  octokit: Octokit,
  at: { owner: string; repo: string; ref?: string },
  path: string,
): Promise<RepoFile | undefined> {
  const { data } = await absentOn404(() =>
    octokit.rest.repos.getContent({ ...at, path }),
  );
  if (!data || Array.isArray(data) || data.type !== "file") return undefined;
  return { text: decodeText(data.content), sha: data.sha };
}

/** A config file on a repository's default branch, as raw text. */
export async function readConfigFile(
  octokit: Octokit,
  owner: string,
  repo: string,
  path: string,
): Promise<ConfigFile> {
  try {
    const { data } = await absentOn404(() =>
      octokit.rest.repos.getContent({
        owner,
        repo,
        path,
        mediaType: { format: "raw" },
      }),
    );
    // Raw text for a file; a JSON listing for a directory or a submodule.
    return typeof data === "string"
      ? { kind: "file", text: data }
      : { kind: "absent" };
  } catch (error) {
    if (statusOf(error) === 403 && !isRateLimited(error))
      return { kind: "forbidden" };
    throw error;
  }
}

/** The HTTP status GitHub answered a failed request with; undefined for other errors. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof RequestError ? error.status : undefined;
}

/**
 * A request whose 404 means "there is none": its response without data then. Every other
 * error is thrown.
 */
async function absentOn404<T>(
  call: () => Promise<{ data: T }>,
): Promise<{ data: T | undefined }> {
  try {
    return await call();
  } catch (error) {
    if (statusOf(error) === 404) return { data: undefined };
    throw error;
  }
}

// A status commit writes back every byte it read, a byte order mark included.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A file's base64 content as text; undefined when it is not UTF-8. */
function decodeText(base64: string): string | undefined {
  try {
    return strictUtf8.decode(Buffer.from(base64, "base64"));
  } catch {
    return undefined;
  }
}

/** Whether a 403 or 429 is GitHub's rate limit (a fault to retry later), not a refusal. */
function isRateLimited(error: unknown): boolean {
  const headers =
    error instanceof RequestError ? error.response?.headers : undefined;
  return (
    headers?.["retry-after"] !== undefined ||
    headers?.["x-ratelimit-remaining"] === "0"
  );
}

/** Whether GitHub refused a request because a resource it would create already exists. */
function isAlreadyExists(error: unknown): boolean {
  if (!(error instanceof RequestError) || error.status !== 422) return false;
  const data = error.response?.data;
  const errors =
    typeof data === "object" && data !== null && "errors" in data
      ? data.errors
      : undefined;
  return (
    Array.isArray(errors) &&
    errors.some(
      (entry: unknown) =>
        typeof entry === "object" &&
        entry !== null &&
        "code" in entry &&
        entry.code === "already_exists",
    )
  );
}
