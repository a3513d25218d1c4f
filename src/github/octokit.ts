import { ProbotOctokit } from "probot";

/** Retries after a secondary rate limit, at most this many times per request. */
const MAX_RATE_LIMIT_RETRIES = 3;

interface ThrottledRequest {
  method: string;
  url: string;
  request: { retryCount: number };
}
interface Logger {
  warn(message: string): void;
}

function retryWithin(
  kind: string,
): (
  retryAfter: number,
  options: ThrottledRequest,
  octokit: { log: Logger },
) => boolean {
  return (retryAfter, options, octokit) => {
    const retry = options.request.retryCount < MAX_RATE_LIMIT_RETRIES;
    octokit.log.warn(
      `${kind} on ${options.method} ${options.url}: ${retry ? `retrying in ${retryAfter} s` : "giving up"}`,
    );
    return retry;
  };
}

/**
 * Probot's Octokit with two changes. A secondary rate limit (403/429 with `retry-after`)
 * waits and retries; Probot's default only logs it. And the throttle queues are kept per
 * installation, so one busy organisation does not hold up another (by default every
 * installation shares one queue, writes one a second).
 */
export const DesignDocsOctokit: typeof ProbotOctokit =
  ProbotOctokit.defaults(withThrottling);

/** Octokit's options with the throttle keyed by installation and rate limits retried. */
export function withThrottling(
  options: Record<string, unknown>,
): Record<string, unknown> {
  const auth = options.auth as { installationId?: number } | undefined;
  const throttle = (options.throttle ?? {}) as Record<string, unknown>;
  return {
    ...options,
    throttle: {
      ...throttle,
      id: `installation-${auth?.installationId ?? "app"}`,
      onSecondaryRateLimit: retryWithin("Secondary rate limit"),
      onRateLimit: retryWithin("Rate limit"),
    },
  };
}
