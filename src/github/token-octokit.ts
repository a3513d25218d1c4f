import { Octokit } from "@octokit/rest";
import { createInFlightLimit, MAX_READS_AT_ONCE } from "./in-flight-limit.js";
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  requestPipeline,
} from "./request-pipeline.js";
import { createSpacing, type SpacingIntervals } from "./spacing.js";

/** Where and as whom a token's Octokit calls GitHub. */
export interface TokenOctokitOptions extends Partial<SpacingIntervals> {
  token: string;
  /** The REST API's base URL: `GITHUB_API_URL`, GitHub Enterprise's `…/api/v3`. */
  baseUrl: string;
  userAgent: string;
  /** Where Octokit logs each request (@octokit/rest logs them at info, errors at error). */
  log: Record<"debug" | "info" | "warn" | "error", (message: string) => void>;
  /**
   * Plugins whose request hooks go inside the pipeline, so they see each request as sent to
   * GitHub, every retry of it too: the index's tally and cache.
   */
  plugins?: Parameters<typeof Octokit.plugin>;
}

/**
 * An Octokit for one token (a workflow's, a person's) with the App's request pipeline: the
 * same write spacing, deadlines and retries of rate limits, 5xx and timeouts, without Probot
 * and the server it brings, so the Action's bundle stays small.
 */
export function createTokenOctokit(options: TokenOctokitOptions): Octokit {
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => setTimeout(resolve, ms));
  const spacing = createSpacing(
    {
      writeIntervalMs: options.writeIntervalMs ?? 1000,
      notificationIntervalMs: options.notificationIntervalMs ?? 3000,
    },
    { now: Date.now, sleep },
  );
  const Pipelined = Octokit.plugin(
    ...(options.plugins ?? []),
    requestPipeline({
      timeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
      secondMs: 1000,
      spacingFor: () => spacing,
      reads: createInFlightLimit(MAX_READS_AT_ONCE),
      sleep,
      now: Date.now,
    }),
  );
  return new Pipelined({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    log: options.log,
  });
}
