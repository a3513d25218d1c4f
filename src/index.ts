import type { Probot } from "probot";
import {
  DEFAULT_TIME_BUDGET_MS,
  createWorkerPool,
  type WorkerPool,
} from "./workers/worker-pool.js";
import { createBotLogin } from "./github/bot-login.js";
import { createGitHubClient } from "./github/client.js";
import { createKeyedQueue, type KeyedQueue } from "./github/keyed-queue.js";
import { createRepoClient } from "./github/repo-client.js";
import { createDocCache } from "./github/read-docs.js";
import {
  type GitHubAccess,
  handleClosed,
  handleLabel,
  handlePullRequest,
  handleRerun,
} from "./handlers/handle-pull-request.js";
import { DEFAULT_MAX_RECHECK_PRS, handlePush } from "./handlers/handle-push.js";
import { measureDelivery } from "./handlers/measure-delivery.js";
import { createMetrics, type Metrics } from "./metrics/create-metrics.js";

/** Settings the app needs beyond Probot's own. */
export interface AppOptions {
  /** This GitHub App's id: the checklist comment is the one it wrote. */
  appId: number;
  /** Today's date, `YYYY-MM-DD`; tests fix it. */
  today?: () => string;
  /** Parses and checks docs off the event loop; by default worker threads with the default budget. */
  workers?: WorkerPool;
  /** Where each PR's runs wait their turn; the server drains it before it exits. */
  queue?: KeyedQueue;
  /**
   * How the app reaches GitHub: by default through each event's Octokit, and its bot login
   * asked of GitHub once. Tests give an in-memory GitHub here.
   */
  github?: (app: Probot) => GitHubAccess;
  /** At most this many open PRs are re-checked after one push; by default 200. */
  maxRecheckPrs?: number;
  /** What /metrics shows; by default the app counts into a registry of its own. */
  metrics?: Metrics;
}

/** Events after which the PR is checked again. */
const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.edited",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request_review.submitted",
  "pull_request_review.dismissed",
] as const;

/** The Design Docs Bot app: wires pull request events to their handler. */
export function createApp(options: AppOptions): (app: Probot) => void {
  return (app) => {
    const github = options.github?.(app) ?? {
      clientFor: createGitHubClient,
      repoClientFor: createRepoClient,
      botLogin: createBotLogin(app),
    };
    const state = {
      appId: options.appId,
      ...github,
      cache: createDocCache(),
      workers:
        options.workers ??
        createWorkerPool({ timeBudgetMs: DEFAULT_TIME_BUDGET_MS }),
      queue: options.queue ?? createKeyedQueue(),
      today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
      maxRecheckPrs: options.maxRecheckPrs ?? DEFAULT_MAX_RECHECK_PRS,
      metrics: options.metrics ?? createMetrics(),
    };
    const measured = <C extends { name: string; payload: object }>(
      handler: (context: C) => Promise<string>,
    ) => measureDelivery(state.metrics, handler);
    app.on([...PULL_REQUEST_EVENTS], measured(handlePullRequest(state)));
    app.on(
      ["pull_request.labeled", "pull_request.unlabeled"],
      measured(handleLabel(state)),
    );
    app.on("check_run.rerequested", measured(handleRerun(state)));
    app.on("pull_request.closed", measured(handleClosed(state)));
    // A push to a default branch may change the rules open PRs are judged by.
    app.on("push", measured(handlePush(state)));
  };
}

/** The app as `probot run` loads it, configured from the environment. */
export default createApp({ appId: Number(process.env.APP_ID) });
