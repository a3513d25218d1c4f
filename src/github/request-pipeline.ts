import type { InFlightLimit } from "./in-flight-limit.js";
import { RequestError } from "@octokit/request-error";
import type { ProbotOctokit } from "probot";
import type { GitHubCall } from "../metrics/create-metrics.js";
import { isTokenRequest, kindOf, type Spacing } from "./spacing.js";

type OctokitPlugin = Parameters<typeof ProbotOctokit.plugin>[0];
type Octokit = Parameters<OctokitPlugin>[0];
/** A request as Octokit's `request` hooks see it: a route, its parameters and options. */
interface RequestOptions {
  method: string;
  url: string;
  request?: { signal?: AbortSignal };
}
interface Parsed {
  method: string;
  url: string;
  body?: unknown;
}
interface Endpoint {
  parse(options: RequestOptions): Parsed;
}
/** The next step of the request chain, as a `wrap` hook is handed it. */
type Request = (options: RequestOptions) => Promise<Answer>;
interface Answer {
  status: number;
  headers?: Record<string, string | number | undefined>;
}

/** How long one request to GitHub may take, by default, before it is abandoned and retried. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** A request GitHub did not answer in full within its deadline. */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`GitHub did not answer within ${timeoutMs} ms`);
    this.name = "RequestTimeoutError";
  }
}

/** Retries of one request, whatever went wrong, before its error is thrown. */
export const MAX_RETRIES = 3;
/** The longest wait for a spent rate limit to reset; a later reset fails the request. */
export const MAX_RATE_LIMIT_WAIT_S = 60;
/** A secondary rate limit without `retry-after` waits this long, as GitHub advises. */
const SECONDARY_LIMIT_FALLBACK_S = 60;

/** Whether to try a failed request again, after how many seconds, and what to log. */
export type RetryDecision =
  | { retry: true; waitS: number; warning?: string }
  | { retry: false; warning?: string };

/**
 * Whether a request that failed with `error`, after `retries` retries, is tried again. A
 * secondary rate limit waits its `retry-after`; a spent rate limit waits for its reset when
 * that is near; a 5xx or a timeout backs off 1, 4, 9 s (@octokit/plugin-retry's steps);
 * any other 4xx is GitHub's answer, not a fault, and is not retried.
 */
export function decideRetry(
  error: unknown,
  retries: number,
  route: string,
  nowMs: number,
): RetryDecision {
  if (!(error instanceof RequestError)) return { retry: false };
  const headers = error.response?.headers ?? {};
  const exhausted = retries >= MAX_RETRIES;
  const limited = (kind: string, waitS: number): RetryDecision =>
    exhausted
      ? { retry: false, warning: `${kind} on ${route}: giving up` }
      : {
          retry: true,
          waitS,
          warning: `${kind} on ${route}: retrying in ${waitS} s`,
        };
  if (error.status === 403 || error.status === 429) {
    if (
      headers["retry-after"] !== undefined ||
      /\bsecondary rate\b/i.test(error.message)
    )
      return limited(
        "Secondary rate limit",
        Number(headers["retry-after"]) || SECONDARY_LIMIT_FALLBACK_S,
      );
    const reset = spentRateLimitReset(error);
    if (reset) {
      // One second past the reset, so the retry comes after it.
      const waitS = Math.max(
        0,
        Math.ceil((reset.getTime() - nowMs) / 1000) + 1,
      );
      if (waitS > MAX_RATE_LIMIT_WAIT_S)
        return {
          retry: false,
          warning: `Rate limit on ${route}: spent until ${reset.toISOString()}, giving up`,
        };
      return limited("Rate limit", waitS);
    }
    return { retry: false };
  }
  if (error.status < 500 || exhausted) return { retry: false };
  const cause =
    error.cause instanceof RequestTimeoutError ? "No answer" : error.status;
  const waitS = (retries + 1) ** 2;
  return {
    retry: true,
    waitS,
    warning: `${cause} on ${route}: retrying in ${waitS} s`,
  };
}

/** When GitHub's rate limit that refused the request resets; undefined if it was not that. */
export function spentRateLimitReset(error: unknown): Date | undefined {
  if (!(error instanceof RequestError)) return undefined;
  if (error.status !== 403 && error.status !== 429) return undefined;
  const headers = error.response?.headers ?? {};
  if (headers["x-ratelimit-remaining"] !== "0") return undefined;
  return new Date((Number(headers["x-ratelimit-reset"]) || 0) * 1000);
}

/** What the pipeline needs from outside: its deadline, its spacing and its clock. */
export interface PipelineSettings {
  timeoutMs: number;
  /** One second of waiting, in ms: 1000, except in tests. */
  secondMs: number;
  /** The spacing of each Octokit, from its options (a Redis connection, or none). */
  spacingFor(options: Record<string, unknown>): Spacing;
  /** How many reads each installation has in flight at once, at most. */
  reads: InFlightLimit;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Counts every answer (each retry too); by default nothing is counted. */
  countCall?: (call: GitHubCall) => void;
}

/**
 * The Octokit plugin that takes every request to GitHub through write spacing per
 * installation, a deadline, and retries of rate limits, 5xx and timeouts; and logs each
 * request at debug as Probot's request logging did. Reads are not spaced, only held to
 * `settings.reads` at once per installation.
 */
export function requestPipeline(settings: PipelineSettings): OctokitPlugin {
  return (octokit, options) => {
    const auth = options.auth as { installationId?: number } | undefined;
    const installation = `installation-${auth?.installationId ?? "app"}`;
    const count = (
      options: RequestOptions,
      status: number | undefined,
      headers: Answer["headers"],
    ): void =>
      settings.countCall?.({
        method: options.method,
        url: options.url,
        status,
        installationId: auth?.installationId,
        rateLimitRemaining: headerText(headers?.["x-ratelimit-remaining"]),
      });
    const spacing = settings.spacingFor(options);
    const log = octokit.log as Octokit["log"] & {
      isLevelEnabled?: (level: string) => boolean;
    };
    const endpoint = octokit.request.endpoint as Endpoint;
    const wrap = async (request: Request, options: RequestOptions) => {
      const kind = kindOf(options.method, options.url);
      const route = `${options.method} ${options.url}`;
      const caller = options.request?.signal;
      for (let retries = 0; ; retries += 1) {
        if (kind !== "read") await spacing.wait(installation, kind);
        // A token request runs inside the read it authenticates: held to the limit too, it
        // would wait for reads that wait for it, and with the limit full none would end.
        const done =
          kind === "read" && !isTokenRequest(options.url)
            ? await settings.reads.acquire(installation)
            : () => undefined;
        try {
          const response = await requestWithin(
            request,
            options,
            caller,
            settings.timeoutMs,
            endpoint,
          ).finally(done);
          count(options, response.status, response.headers);
          if (log.isLevelEnabled?.("debug") !== false)
            logRequest(log, endpoint.parse(options), response.status);
          return response;
        } catch (error) {
          count(
            options,
            error instanceof RequestError ? error.status : undefined,
            error instanceof RequestError ? error.response?.headers : undefined,
          );
          // The caller gave up on the request: nothing to retry, nothing to tell.
          if (caller?.aborted) throw error;
          const decision = decideRetry(error, retries, route, settings.now());
          if (decision.warning) log.warn(decision.warning);
          if (!decision.retry) {
            if (
              error instanceof RequestError &&
              log.isLevelEnabled?.("debug") !== false
            )
              logRequest(log, endpoint.parse(options), error.status);
            throw error;
          }
          await settings.sleep(decision.waitS * settings.secondMs);
        }
      }
    };
    octokit.hook.wrap("request", wrap as never);
  };
}

function headerText(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** The line Probot's request logging wrote for each request: its body as fields. */
function logRequest(
  log: Octokit["log"],
  { method, url, body }: Parsed,
  status: number,
): void {
  (log.debug as unknown as (fields: object, message: string) => void)(
    (body as object | undefined) ?? {},
    `GitHub request: ${method} ${url} - ${status}`,
  );
}

/**
 * `request(options)` answered in full within `timeoutMs`, or a 500 whose cause is a
 * RequestTimeoutError. The deadline aborts the fetch through its signal, so the body is not
 * copied; Octokit reads a body cut short as empty, so an abort that came before the answer
 * was in hand is a timeout even when the request "succeeded".
 */
async function requestWithin(
  request: Request,
  options: RequestOptions,
  caller: AbortSignal | undefined,
  timeoutMs: number,
  endpoint: Endpoint,
): Promise<Answer> {
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new RequestTimeoutError(timeoutMs)),
    timeoutMs,
  );
  const signal = caller
    ? AbortSignal.any([caller, deadline.signal])
    : deadline.signal;
  // In place: a `wrap` hook's inner chain is bound to this very object, and its `request` is
  // copied so the defaults it may share with other requests keep no signal.
  options.request = { ...options.request, signal };
  try {
    const response = await request(options);
    if (deadline.signal.aborted)
      throw timedOut(endpoint.parse(options), deadline);
    return response;
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    if (error instanceof RequestError && error.cause === deadline.signal.reason)
      throw error;
    throw timedOut(endpoint.parse(options), deadline);
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(request: Parsed, deadline: AbortController): RequestError {
  const reason = deadline.signal.reason as RequestTimeoutError;
  return new RequestError(reason.message, 500, {
    request: request as never,
    cause: reason,
  });
}
