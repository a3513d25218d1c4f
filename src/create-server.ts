import { createNodeMiddleware, createProbot } from "probot";
import { createKeyedQueue, type KeyedQueue } from "./github/keyed-queue.js";
import {
  createDesignDocsOctokit,
  type DesignDocsOctokitOptions,
} from "./github/octokit.js";
import { createApp } from "./index.js";
import { createMetrics } from "./metrics/create-metrics.js";
import type { ServerSettings } from "./serve/server-settings.js";
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
  const probot = createProbot({
    env: { LOG_LEVEL: "info", ...env },
    overrides: {
      Octokit: createDesignDocsOctokit({
        ...octokit,
        timeoutMs: settings.githubTimeoutMs,
        countCall: metrics.githubCall,
      }),
    },
  });
  const queue = createKeyedQueue();
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
  });
  if (settings.production && settings.metricsToken === undefined)
    log.warn(
      "METRICS_TOKEN is not set: /metrics is open to anyone who can reach this port. Set METRICS_TOKEN, and have Prometheus send it as a bearer token.",
    );
  return { server, drain, queue, workers, log };
}
