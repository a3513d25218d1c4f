import { DEFAULT_TIME_BUDGET_MS } from "../workers/worker-pool.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../github/octokit.js";
import { DEFAULT_MAX_RECHECK_PRS } from "../handlers/handle-push.js";

/** How the server runs, from the environment. */
export interface ServerSettings {
  /** Whether the App's credentials are missing, so only Probot's setup page can run. */
  setup: boolean;
  host: string;
  port: number;
  webhookPath: string;
  /** Webhook bodies larger than this are refused with 413. */
  maxBodyBytes: number;
  /** How long a client may take to send its request's headers, and the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: number;
  /** How long SIGTERM waits for work in flight before the process exits. */
  shutdownTimeoutMs: number;
  /** A smee.io channel that forwards GitHub's webhooks here: local development only. */
  webhookProxy: string | undefined;
  /** How long one doc may take to parse and check before it is reported as too complex. */
  parseTimeBudgetMs: number;
  /** How long one request to GitHub may take before it is abandoned and retried. */
  githubTimeoutMs: number;
  /** At most this many open PRs are re-checked after one push that changes the rules. */
  maxRecheckPrs: number;
  /** How far apart each installation's writes, and writes that notify people, go out. */
  writeIntervalMs: number;
  notificationIntervalMs: number;
  /** The Redis the replicas share (write spacing, per-PR lock); none: all in process. */
  redisUrl: string | undefined;
  /** How long a dead replica's per-PR lock outlives it; renewed while the PR is worked on. */
  lockLeaseMs: number;
  /** How long a delivery waits for a PR's lock held by another replica before it fails. */
  lockWaitMs: number;
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** Whether `NODE_ENV=production`: the server warns there when /metrics is open to all. */
  production: boolean;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Reads and checks the server's settings; the problem, in a sentence, when one is wrong. */
export function readServerSettings(
  env: NodeJS.ProcessEnv,
): { settings: ServerSettings } | { problem: string } {
  const production = env.NODE_ENV === "production";
  if (env.APP_ID && !/^\d+$/u.test(env.APP_ID))
    return {
      problem: `APP_ID must be your GitHub App's numeric id, not "${env.APP_ID}".`,
    };
  if (production && !env.WEBHOOK_SECRET)
    return {
      problem:
        "WEBHOOK_SECRET is not set. In production Design Docs Bot only accepts webhooks signed with your app's secret: set WEBHOOK_SECRET to the secret in your GitHub App's settings.",
    };
  if (production && env.WEBHOOK_PROXY_URL)
    return {
      problem:
        "WEBHOOK_PROXY_URL is for local development only: in production point the app's webhook at this server and unset WEBHOOK_PROXY_URL.",
    };
  const host = env.HOST || "localhost";
  const setup = !env.APP_ID;
  if (setup && production)
    return {
      problem:
        "APP_ID is not set. Set APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH) and WEBHOOK_SECRET to your GitHub App's.",
    };
  if (setup && !LOOPBACK.has(host))
    return {
      problem: `APP_ID is not set, so only the setup page would run, and it registers an app for whoever opens it: it runs on localhost only, not on HOST=${host}. Register the app locally first, or set APP_ID, PRIVATE_KEY and WEBHOOK_SECRET.`,
    };
  try {
    const settings: ServerSettings = {
      setup,
      host,
      port: whole(env, "PORT", 3000, 0, 65535),
      webhookPath: env.WEBHOOK_PATH || "/api/github/webhooks",
      webhookProxy: env.WEBHOOK_PROXY_URL || undefined,
      metricsToken: env.METRICS_TOKEN || undefined,
      production,
      maxBodyBytes: whole(
        env,
        "MAX_WEBHOOK_BYTES",
        1024 * 1024,
        1024,
        25 * 1024 * 1024,
      ),
      headersTimeoutMs: whole(env, "HEADERS_TIMEOUT_MS", 10_000, 100, 60_000),
      requestTimeoutMs: whole(env, "REQUEST_TIMEOUT_MS", 30_000, 100, 300_000),
      maxConnections: whole(env, "MAX_CONNECTIONS", 256, 1, 65_536),
      shutdownTimeoutMs: whole(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
      parseTimeBudgetMs: whole(
        env,
        "PARSE_TIME_BUDGET_MS",
        DEFAULT_TIME_BUDGET_MS,
        100,
        60_000,
      ),
      githubTimeoutMs: whole(
        env,
        "GITHUB_TIMEOUT_MS",
        DEFAULT_REQUEST_TIMEOUT_MS,
        1000,
        120_000,
      ),
      maxRecheckPrs: whole(
        env,
        "MAX_RECHECK_PRS",
        DEFAULT_MAX_RECHECK_PRS,
        0,
        10_000,
      ),
      writeIntervalMs: whole(env, "WRITE_INTERVAL_MS", 1000, 0, 60_000),
      notificationIntervalMs: whole(
        env,
        "NOTIFICATION_INTERVAL_MS",
        3000,
        0,
        60_000,
      ),
      redisUrl: env.REDIS_URL || undefined,
      lockLeaseMs: whole(env, "LOCK_LEASE_MS", 30_000, 1000, 600_000),
      // Under GitHub's 10 s, so a delivery that cannot have the lock is answered 500, not 202.
      lockWaitMs: whole(env, "LOCK_WAIT_MS", 8000, 0, 600_000),
    };
    if (settings.headersTimeoutMs > settings.requestTimeoutMs)
      return {
        problem: `HEADERS_TIMEOUT_MS (${settings.headersTimeoutMs}) must not be longer than REQUEST_TIMEOUT_MS (${settings.requestTimeoutMs}): the headers are part of the request.`,
      };
    return { settings };
  } catch (error) {
    if (error instanceof SettingError) return { problem: error.message };
    throw error;
  }
}

class SettingError extends Error {}

/** A whole-number setting, or its default when unset. */
function whole(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!/^\d+$/u.test(value) || number < min || number > max)
    throw new SettingError(
      `${name} must be a whole number from ${min} to ${max}, not "${value}".`,
    );
  return number;
}
