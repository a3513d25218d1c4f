import { createNodeMiddleware, createProbot } from "probot";
import { createKeyedQueue, type KeyedQueue } from "./github/keyed-queue.js";
import { createLockedQueue } from "./github/locked-queue.js";
import {
  createDesignDocsOctokit,
  type DesignDocsOctokitOptions,
} from "./github/octokit.js";
import { createApp } from "./index.js";
import { createMetrics, type Metrics } from "./metrics/create-metrics.js";
import type { ServerSettings } from "./serve/server-settings.js";
import { connectRedis, type SharedRedis } from "./serve/connect-redis.js";
import {
  createWebhookServer,
  type WebhookServer,
} from "./serve/webhook-server.js";
import { createWorkerPool, type WorkerPool } from "./workers/worker-pool.js";

/** The server, not yet listening, with what its shutdown needs. */
export interface DesignDocsServer extends WebhookServer {
  queue: KeyedQueue;
  /** Closed last on shutdown: it stops the worker threads. */
  workers: WorkerPool;
  log: ReturnType<typeof createProbot>["log"];
}

/**
 * Design Docs Bot's HTTP server as `npm start` runs it: Probot with the bot's Octokit, the
 * app, its worker pool and queue, and its metrics, behind the webhook server. `octokit`
 * changes the Octokit's waits; only the benchmark passes it (write spacing off).
 */
export async function createDesignDocsServer(
  settings: ServerSettings,
  env: NodeJS.ProcessEnv,
  octokit: Omit<DesignDocsOctokitOptions, "timeoutMs" | "countCall"> = {},
): Promise<DesignDocsServer> {
  const metrics = createMetrics({ processMetrics: true });
  const redis =
    settings.redisUrl === undefined
      ? undefined
      : connectRedisFor(settings.redisUrl, settings, metrics, () => probot);
  // The Redis connection is ours, not Probot's (REDIS_URL is kept from it): Probot's queues
  // commands while Redis is away and logs every reconnect attempt at error.
  const probot = createProbot({
    env: { LOG_LEVEL: "info", ...env, REDIS_URL: "" },
    overrides: {
      Octokit: createDesignDocsOctokit({
        writeIntervalMs: settings.writeIntervalMs,
        notificationIntervalMs: settings.notificationIntervalMs,
        ...octokit,
        timeoutMs: settings.githubTimeoutMs,
        countCall: metrics.githubCall,
        ...(redis && { connection: redis.connection }),
      }),
    },
  });
  const local = createKeyedQueue();
  const queue = redis ? createLockedQueue(local, redis.lock) : local;
  const workers = createWorkerPool({
    timeBudgetMs: settings.parseTimeBudgetMs,
    metrics: metrics.workers,
  });
  const middleware = await createNodeMiddleware(
    createApp({
      appId: Number(env.APP_ID),
      queue,
      workers,
      maxRecheckPrs: settings.maxRecheckPrs,
      metrics,
    }),
    { probot, webhooksPath: settings.webhookPath },
  );
  // Set once Probot has initialised, which loading the app waits for.
  const log = probot.log;
  const { server, drain } = createWebhookServer({
    middleware,
    webhookPath: settings.webhookPath,
    maxBodyBytes: settings.maxBodyBytes,
    headersTimeoutMs: settings.headersTimeoutMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxConnections: settings.maxConnections,
    log,
    metrics,
    metricsToken: settings.metricsToken,
    ...(redis && {
      unavailable: () =>
        redis.reachable()
          ? undefined
          : "Redis unreachable: deliver again later",
      readinessChecks: [
        {
          name: "redis",
          check: () => (redis.reachable() ? undefined : "unreachable"),
        },
      ],
    }),
  });
  if (settings.production && settings.metricsToken === undefined)
    log.warn(
      "METRICS_TOKEN is not set: /metrics is open to anyone who can reach this port. Set METRICS_TOKEN, and have Prometheus send it as a bearer token.",
    );
  // Deliveries that arrive before Redis first answers are refused; a Redis that stays away
  // does not keep the server (and /ping) from starting.
  if (redis)
    await Promise.race([
      redis.ready,
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
  return { server, drain, queue, workers, log };
}

/** Connects to REDIS_URL, logging through Probot's logger once it has made one. */
function connectRedisFor(
  url: string,
  settings: ServerSettings,
  metrics: Metrics,
  probot: () => ReturnType<typeof createProbot>,
): SharedRedis {
  const logLater =
    (level: "info" | "warn" | "error" | "debug") =>
    (fields: object, message: string): void => {
      // Probot makes its logger as it initialises; Redis may have news before that.
      const logger = probot().log as
        ReturnType<typeof createProbot>["log"] | null;
      if (logger) logger[level](fields, message);
      else if (level !== "debug") console.error(message);
    };
  return connectRedis({
    url,
    lockLeaseMs: settings.lockLeaseMs,
    lockWaitMs: settings.lockWaitMs,
    onLockWait: (ms) => metrics.lockWait(ms),
    log: {
      info: logLater("info"),
      warn: logLater("warn"),
      error: logLater("error"),
      debug: logLater("debug"),
    },
  });
}
