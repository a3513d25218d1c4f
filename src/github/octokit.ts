import { ProbotOctokit } from "probot";

/** How long one request to GitHub may take, by default, before it is abandoned and retried. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** A request GitHub did not answer in full within its deadline. */
export class RequestTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    cause: unknown,
  ) {
    super(`GitHub did not answer within ${timeoutMs} ms`, { cause });
    this.name = "RequestTimeoutError";
  }
}

/** Answers that have no body, which `new Response` refuses one for. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Octokit `request` options that give every request to GitHub, installation tokens
 * included, `timeoutMs` to answer in full. Octokit sets no deadline, so a request GitHub never
 * answered would hold its PR's queue for good. A request past its deadline fails like a 500
 * and is retried like one.
 */
export function requestsWithin(timeoutMs: number): { fetch: typeof fetch } {
  return {
    async fetch(input, init) {
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal
        ? AbortSignal.any([init.signal, deadline])
        : deadline;
      try {
        const response = await globalThis.fetch(input, { ...init, signal });
        // Read the body here, within the deadline: Octokit would take a body cut short for
        // an empty one.
        const body = NULL_BODY_STATUSES.has(response.status)
          ? null
          : await response.arrayBuffer();
        const whole = new Response(body, response);
        Object.defineProperty(whole, "url", { value: response.url });
        return whole;
      } catch (error) {
        if (!deadline.aborted) throw error;
        throw new RequestTimeoutError(timeoutMs, error);
      }
    },
  };
}

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
