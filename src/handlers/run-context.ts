import type { StatusRule } from "../config/status-rules.js";
import { createMayUserSet } from "../github/check-permission.js";
import type {
  BotIdentity,
  GitHubClient,
  LabelEvent,
  Review,
} from "../github/client.js";
import type { DocCache } from "../github/read-docs.js";
import type { CheckRunOutput } from "../report/render-check-run.js";
import type { DocReport } from "../validate/check-design-doc.js";
import type { WorkerPool } from "../workers/worker-pool.js";
import type { ConfigSource, LoadedConfig } from "./load-repo-config.js";

/** What a run on one PR is given by its host: the App's event handler, or a test. */
export interface RunHost {
  client: GitHubClient;
  cache: DocCache;
  /** Parses and checks docs in worker threads, within a time budget. */
  workers: WorkerPool;
  /** Who the bot is: its own comments are the ones it may edit. */
  identity: BotIdentity;
  /** The login of this app's bot user. */
  botLogin: () => Promise<string>;
  /** Today's date, `YYYY-MM-DD`. */
  today: string;
  /** The repo's config, when already being read for several PRs (after a push). */
  config?: Promise<LoadedConfig> | undefined;
  /** Where the repo's config is read from; by default as the App reads it. */
  configSource?: ConfigSource | undefined;
  /**
   * Set when the token may not write (a fork's PR on `pull_request` in a workflow): the run
   * reads and reports, and writes nothing.
   */
  readOnly?: boolean | undefined;
  /**
   * Set when the token cannot read team membership (the workflow token): a team a status
   * rule names counts as not allowing the user, and this hears of each such check.
   */
  uncheckedTeam?: ((team: string, user: string) => void) | undefined;
}

/** The host, and the answers a run reads once however often it asks. */
export interface RunContext extends RunHost {
  /** Whether a user may set a status under its rule. */
  mayUserSet: (user: string, rule: StatusRule) => Promise<boolean>;
  /** The PR's label events, read when first asked for. */
  labelEvents: () => Promise<LabelEvent[]>;
  /** The PR's reviews, read when first asked for. */
  reviews: () => Promise<Review[]>;
}

/** A run's context: permissions, label events and reviews read at most once each. */
export function createRunContext(host: RunHost): RunContext {
  let events: Promise<LabelEvent[]> | undefined;
  let reviews: Promise<Review[]> | undefined;
  return {
    ...host,
    mayUserSet: createMayUserSet(host.client, host.uncheckedTeam),
    labelEvents: () => (events ??= host.client.listLabelEvents()),
    reviews: () => (reviews ??= host.client.listReviews()),
  };
}

/** What brought the run about. */
export type RunEvent =
  | { kind: "change" }
  /** Someone pressed "Re-run" on this check run. */
  | { kind: "rerun"; checkRunId: number }
  /** The PR was merged. */
  | { kind: "merged" }
  | {
      kind: "label";
      action: "labeled" | "unlabeled";
      label: string;
      sender: string;
    };

/** The PR a run is for, as the event's payload shows it. */
export interface RunTarget {
  owner: string;
  repo: string;
  /** The head sha the event names; the PR is read again in case it moved on. */
  headSha: string;
  /** The labels the payload shows: whether the bot has reported on the PR before. */
  labels: readonly string[];
}

/** What a run did, for the log line. */
export interface RunResult {
  docs: number;
  outcome: string;
  status?: string | undefined;
  writes: string[];
  /** The docs' reports, for /metrics; not logged. */
  reports?: readonly DocReport[];
  /** The report as the check run says it, written or not: the Action's job summary; not logged. */
  report?: CheckRunOutput | undefined;
}
