import { GitHubModel } from "./github-model.js";

export type {
  FakeCheckRun,
  FakeComment,
  FakeCommit,
  FakeLabelEvent,
  FakeRepo,
  FakeReview,
  FakeTreeEntry,
} from "./github-model.js";
export { blobSha, MAX_LISTED_FILES } from "./github-model.js";

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

/** A stateful GitHub REST API on loopback, over a GitHubModel. */
export class FakeGitHub extends GitHubModel {
  /** `delayMs` (default 1) before each answer; 0 answers with no timer at all. */
  constructor(options?: { delayMs?: number; appId?: number; appSlug?: string });
  requests: RecordedRequest[];
  /**
   * The `x-ratelimit-remaining` of the latest installation request's answer (from 5000 down;
   * a 304 does not lower it). Every GET answered 200 has an `etag`; sent back in
   * `if-none-match`, it is answered 304 with no body.
   */
  rateLimitRemaining: number;
  /** Set once started: the `/api/v3` base URL. */
  baseUrl: string;
  /** Listens on a free loopback port; returns the `/api/v3` base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
  port: number;
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
  /** The requests GitHub counts against the rate limit: all but the app's own (under /app) and 304s. */
  chargedRequests(): RecordedRequest[];
  /** Requests that changed something (not GET), access tokens left out. */
  writes(): RecordedRequest[];
}

/** The longest chain of requests each begun after the previous ended. */
export function roundTrips(requests: readonly RecordedRequest[]): number;

/** Each request's round trip: 1 + the longest chain of requests ended before it began. */
export function tripDepths(
  requests: readonly RecordedRequest[],
): Map<RecordedRequest, number>;
