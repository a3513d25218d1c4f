/** A request the fake GitHub answered. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  /** The JSON body sent, `{}` when there was none. */
  body: Record<string, unknown>;
  /** `performance.now()` when it arrived and when its answer was sent. */
  start: number;
  end: number;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  created_at: string;
  user: { login: string; type: string };
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  app?: { id: number };
  conclusion: string;
  output: {
    title: string;
    summary: string;
    annotations: { path: string; annotation_level: string; title: string }[];
  };
}

export interface FakeCommit {
  sha: string;
  message: string;
  author: { login: string; type: string };
  committer: { login: string; type: string };
  verified: boolean;
  date: string;
  tree: Map<string, string>;
}

export interface FakeReview {
  id: number;
  issue: number;
  commit_id: string;
  body: string;
  comments: { path: string; line: number; body: string }[];
}

export interface FakeLabelEvent {
  id: number;
  issue: number;
  event: "labeled" | "unlabeled";
  actor: { login: string; type: string };
  label: { name: string };
  created_at: string;
}

export interface FakeRepo {
  /** Files on the default branch, by path. */
  files: Map<string, string>;
  labels: Map<
    string,
    { name: string; color: string; description: string | null }
  >;
  comments: FakeComment[];
  checkRuns: FakeCheckRun[];
  events: FakeLabelEvent[];
  /** Reviews the bot posted (with their line comments). */
  reviewComments: FakeReview[];
  /** false: contents writes answer 403, as with an installation's `contents: read`. */
  contentsWrite: boolean;
}

/** The git blob sha of these bytes. */
export function blobSha(bytes: Buffer): string;

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES: number;

/** Files as a PR changes them: text, or null when removed. */
type Files = Record<string, string | Buffer | null>;

/** A stateful GitHub REST API on loopback. */
export class FakeGitHub {
  constructor(options?: { delayMs?: number; appId?: number; appSlug?: string });
  requests: RecordedRequest[];
  /** The login GitHub gives the app's bot user: `<slug>[bot]`. */
  botLogin: string;
  /** Set once started: the `/api/v3` base URL. */
  baseUrl: string;
  /** Listens on a free loopback port; returns the `/api/v3` base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
  port: number;
  repo(fullName: string): FakeRepo;
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
  ): unknown;
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
  editComment(fullName: string, id: number, body: string): void;
  pullRequestState(
    fullName: string,
    number: number,
  ): {
    comments: FakeComment[];
    labels: string[];
    checkRuns: FakeCheckRun[];
    reviews: FakeReview[];
  };
  /** Answers the next `times` (default 1) matching requests with `status` instead. */
  inject(fault: {
    method: string;
    path: RegExp;
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
    times?: number;
  }): void;
  /** Runs `run` just before the next request matching `method` and `path` is handled. */
  beforeNext(hook: { method: string; path: RegExp; run: () => void }): void;
  /** After each app commit, the next `reads` reads of the PR and its files show it as before. */
  lagAfterCommits(fullName: string, reads: number): void;
  /** Requests that changed something (not GET), access tokens left out. */
  writes(): RecordedRequest[];
}

/** The longest chain of requests each begun after the previous ended. */
export function roundTrips(requests: readonly RecordedRequest[]): number;
