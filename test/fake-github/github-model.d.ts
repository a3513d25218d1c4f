/** An account as GitHub shows it. */
export interface FakeAccount {
  login: string;
  type: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  created_at: string;
  user: FakeAccount;
  /** The GitHub App that wrote it; null for a person's. */
  performed_via_github_app: { id: number } | null;
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  title: string;
  message: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status?: string;
  app?: { id: number };
  conclusion: string;
  output: {
    title: string;
    summary: string;
    annotations: FakeAnnotation[];
  };
}

export interface FakeCommit {
  sha: string;
  message: string;
  author: FakeAccount;
  committer: FakeAccount;
  verified: boolean;
  date: string;
  tree: Map<string, string>;
}

/** A review a person submitted. */
export interface FakeSubmittedReview {
  id: number;
  issue: number;
  user: FakeAccount;
  state: string;
  submitted_at: string;
  commit_id: string;
}

/** A review the bot posted, with its line comments. */
export interface FakeReview {
  id: number;
  issue: number;
  commit_id: string;
  body: string;
  comments: { path: string; line: number; body: string; side?: string }[];
}

export interface FakeLabelEvent {
  id: number;
  issue: number;
  event: "labeled" | "unlabeled";
  actor: FakeAccount;
  label: { name: string };
  created_at: string;
}

export interface FakeLabel {
  name: string;
  color: string;
  description: string | null;
}

/** A file entry of a PR's file list, as GitHub lists it. */
export interface FakeChangedFile {
  filename: string;
  status: string;
  /** null for a removed file. */
  sha: string | null;
  previous_filename?: string;
  patch: string;
}

export interface FakePull {
  number: number;
  state: string;
  draft: boolean;
  headSha: string;
  headRef: string;
  /** The full name of the repository the head branch is in. */
  headRepo: string;
  baseSha: string;
  labels: string[];
  author: string;
  merged: boolean;
  /** Users and team slugs whose review is requested and not yet given. */
  requestedReviewers: string[];
  requestedTeams: string[];
}

export interface FakeRepo {
  fullName: string;
  /** GitHub's numeric id: the order the model made it in, from 1. */
  id: number;
  archived: boolean;
  private: boolean;
  /** "main". */
  defaultBranch: string;
  /** "none": the org lists it and GET /repos/{o}/{r} answers, but every read under it is 403. */
  access: "full" | "none";
  /** true: the tree read says `truncated: true` (with the whole tree all the same). */
  treeTruncated: boolean;
  /** Files on the default branch, by path. */
  files: Map<string, string | Buffer>;
  /** Labels by lower-case name. */
  labels: Map<string, FakeLabel>;
  pulls: Map<number, FakePull>;
  comments: FakeComment[];
  checkRuns: FakeCheckRun[];
  events: FakeLabelEvent[];
  /** Reviews the bot posted (with their line comments). */
  reviewComments: FakeReview[];
  /** false: contents writes answer 403, as with an installation's `contents: read`. */
  contentsWrite: boolean;
  /** Branches whose rules refuse a direct push: a contents write there answers 409. */
  protectedBranches: Set<string>;
}

/** The PR as a read of it shows it now. */
export interface FakePullRead {
  number: number;
  state: string;
  merged: boolean;
  draft: boolean;
  changedFiles: number;
  author: string;
  requestedReviewers: string[];
  requestedTeams: string[];
  headSha: string;
  headRef: string;
  headRepo: string;
  baseSha: string;
  baseRepo: string;
  labels: FakeLabel[];
}

/** An entry of a repo's recursive tree, as GitHub lists it (without its `url`). */
export type FakeTreeEntry =
  | { path: string; mode: "100644"; type: "blob"; sha: string; size: number }
  | { path: string; mode: "040000"; type: "tree"; sha: string };

/** The git blob sha of these bytes. */
export function blobSha(bytes: Buffer): string;

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES: number;
/** GitHub takes at most this many annotations in one request about a check run. */
export const MAX_ANNOTATIONS_PER_REQUEST: number;

/** A request GitHub refuses: the status and body it answers with. */
export class GitHubRefusal extends Error {
  status: number;
  body: { message: string } & Record<string, unknown>;
}

/** Files as a PR changes them: text, or null when removed. */
type Files = Record<string, string | Buffer | null>;

/** A small GitHub as state, and what GitHub does to it. */
export class GitHubModel {
  constructor(options?: { appId?: number; appSlug?: string });
  appId: number;
  /** The login GitHub gives the app's bot user: `<slug>[bot]`. */
  botLogin: string;
  bot: FakeAccount;
  /** A repo's state, created empty on first use. */
  repo(fullName: string): FakeRepo;
  /** Creates a repo with these default-branch files and settings (defaults: none, false, "full", false). */
  addRepo(
    fullName: string,
    options?: {
      files?: Record<string, string | Buffer>;
      archived?: boolean;
      access?: "full" | "none";
      private?: boolean;
    },
  ): FakeRepo;
  setPullRequest(
    fullName: string,
    number: number,
    pull: {
      headSha?: string;
      files: Files;
      base?: Record<string, string | Buffer>;
      renames?: Record<string, string>;
      labels?: string[];
      draft?: boolean;
      state?: "open" | "closed";
      fork?: boolean;
      author?: string;
    },
  ): FakePull;
  push(
    fullName: string,
    number: number,
    commit: {
      files: Files;
      headSha?: string;
      message?: string;
      author?: string;
      /** Who GitHub shows as committer (the account a signature vouches for); the author by default. */
      committer?: string;
      verified?: boolean;
      renames?: Record<string, string>;
    },
  ): string;
  headOf(fullName: string, number: number): string;
  headText(fullName: string, number: number, path: string): string | undefined;
  commitsOf(fullName: string, number: number): FakeCommit[];
  setPermission(
    fullName: string,
    user: string,
    role: "admin" | "maintain" | "write" | "triage" | "read",
  ): void;
  setTeam(org: string, slug: string, users: string[]): void;
  addLabel(
    fullName: string,
    number: number,
    name: string,
    actor?: string,
  ): void;
  removeLabel(
    fullName: string,
    number: number,
    name: string,
    actor?: string,
  ): void;
  addReview(
    fullName: string,
    number: number,
    review: { user: string; state: string },
  ): { id: number };
  dismissReview(fullName: string, id: number): void;
  /** A comment by a person (appId null, the default) or by a GitHub App. */
  addComment(
    fullName: string,
    number: number,
    body: string,
    options?: { appId?: number | null; user?: string; createdAt?: string },
  ): FakeComment;
  editComment(fullName: string, id: number, body: string): void;
  pullRequestState(
    fullName: string,
    number: number,
  ): {
    comments: FakeComment[];
    labels: string[];
    checkRuns: FakeCheckRun[];
    reviews: FakeReview[];
    requestedReviewers: string[];
    requestedTeams: string[];
  };
  /** After each app commit, the next `reads` reads of the PR and its files show it as before. */
  lagAfterCommits(fullName: string, reads: number): void;

  // What GitHub does when the app asks.
  readPullRequest(repo: FakeRepo, pull: FakePull): FakePullRead;
  readChangedFiles(repo: FakeRepo, pull: FakePull): FakeChangedFile[];
  /** The repo's open PRs, oldest first. */
  openPulls(repo: FakeRepo): FakePullRead[];
  /** Every repository the model holds. */
  installedRepos(): { fullName: string; archived: boolean }[];
  /** The repos an org owns (its login in any case), sorted by full name. */
  orgRepos(org: string): FakeRepo[];
  /**
   * The default branch's files (their blobs stored) and directories, sorted by path; throws a
   * GitHubRefusal (409) when the repo has no files.
   */
  readTree(repo: FakeRepo): {
    sha: string;
    tree: FakeTreeEntry[];
    truncated: boolean;
  };
  /** Requests reviews; refuses (422) the author and anyone not a collaborator. */
  requestReviewers(
    repo: FakeRepo,
    pull: FakePull,
    request: { reviewers?: string[]; team_reviewers?: string[] },
  ): void;
  changedFiles(repo: FakeRepo, pull: FakePull): FakeChangedFile[];
  /** A file at a commit or branch (the default branch when null), or undefined. */
  readContent(
    repo: FakeRepo,
    path: string,
    ref: string | null,
  ): { sha: string; bytes: Buffer } | undefined;
  /** Throws a GitHubRefusal with 403, 404 or 409 as GitHub answers. */
  putContent(
    repo: FakeRepo,
    path: string,
    write: { branch: string; sha: string; bytes: Buffer; message: string },
  ): { commitSha: string; blobSha: string };
  readBlob(repo: FakeRepo, sha: string): Buffer | undefined;
  permissionOf(repo: FakeRepo, user: string): string | undefined;
  isTeamMember(org: string, slug: string, user: string): boolean;
  commitsOn(repo: FakeRepo, pull: FakePull): FakeCommit[];
  reviewsOn(repo: FakeRepo, pull: FakePull): FakeSubmittedReview[];
  labelEventsOn(repo: FakeRepo, pull: FakePull): FakeLabelEvent[];
  commentsOn(repo: FakeRepo, pull: FakePull): FakeComment[];
  /** Throws a GitHubRefusal (422) when a line is not in the diff. */
  createReview(
    repo: FakeRepo,
    pull: FakePull,
    review: {
      commit_id: string;
      body?: string;
      comments?: FakeReview["comments"];
    },
  ): FakeReview;
  createComment(repo: FakeRepo, pull: FakePull, body: string): FakeComment;
  updateComment(
    repo: FakeRepo,
    id: number,
    body: string,
  ): FakeComment | undefined;
  deleteComment(repo: FakeRepo, id: number): boolean;
  labelPullRequest(
    repo: FakeRepo,
    pull: FakePull,
    names: string[],
    actor: FakeAccount,
  ): void;
  unlabelPullRequest(
    repo: FakeRepo,
    pull: FakePull,
    name: string,
    actor: FakeAccount,
  ): boolean;
  labelsOf(repo: FakeRepo, pull: FakePull): FakeLabel[];
  updateLabel(
    repo: FakeRepo,
    name: string,
    style: { color: string; description: string },
  ): FakeLabel | undefined;
  checkRunsOn(
    repo: FakeRepo,
    headSha: string,
    name: string,
    appId: number | null,
  ): FakeCheckRun[];
  /** Throws a GitHubRefusal (422) with more than 50 annotations. */
  createCheckRun(
    repo: FakeRepo,
    run: Omit<FakeCheckRun, "id" | "app">,
  ): FakeCheckRun;
  updateCheckRun(
    repo: FakeRepo,
    id: number,
    output: FakeCheckRun["output"],
  ): FakeCheckRun | undefined;
}
