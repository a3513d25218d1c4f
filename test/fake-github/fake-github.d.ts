/** A request the fake GitHub answered. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  /** `performance.now()` when it arrived and when its answer was sent. */
  start: number;
  end: number;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  created_at: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  conclusion: string;
  output: { title: string; summary: string; annotations: unknown[] };
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
}

/** The git blob sha of these bytes. */
export function blobSha(bytes: Buffer): string;

/** A stateful GitHub REST API on loopback. */
export class FakeGitHub {
  constructor(options?: { delayMs?: number; appId?: number });
  requests: RecordedRequest[];
  /** Listens on a free loopback port; returns the `/api/v3` base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
  port: number;
  repo(fullName: string): FakeRepo;
  setPullRequest(
    fullName: string,
    number: number,
    pull: {
      headSha: string;
      files: Record<string, string | null>;
      labels?: string[];
      draft?: boolean;
    },
  ): unknown;
  pullRequestState(
    fullName: string,
    number: number,
  ): { comments: FakeComment[]; labels: string[]; checkRuns: FakeCheckRun[] };
}

/** The longest chain of requests each begun after the previous ended. */
export function roundTrips(requests: readonly RecordedRequest[]): number;
