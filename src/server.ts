/** Starts Design Docs Bot's server: `npm start`, or `node lib/server.js` in the container. */
import { createNodeMiddleware, createProbot, run } from "probot";
import { createWorkerPool } from "./workers/worker-pool.js";
import { createKeyedQueue } from "./github/keyed-queue.js";
import { createLockedQueue } from "./github/locked-queue.js";
import { createDesignDocsOctokit } from "./github/octokit.js";
import app, { createApp } from "./index.js";
import { readServerSettings } from "./serve/server-settings.js";
import { createWebhookServer } from "./serve/webhook-server.js";
import { connectRedis } from "./serve/connect-redis.js";

try {
  process.loadEnvFile();
} catch {
  // No .env beside the server: the environment is all there is.
}
const read = readServerSettings(process.env);
if ("problem" in read) {
  console.error(`Design Docs Bot cannot start: ${read.problem}`);
  process.exit(1);
}
const { settings } = read;

if (settings.setup) {
  // No app yet: Probot's setup page registers one from app.yml and writes .env. It is kept
  // to loopback by readServerSettings. Probot would also open a smee.io channel for it,
  // reaching out to the network unasked: only a WEBHOOK_PROXY_URL you set is used.
  process.env.NO_SMEE_SETUP ??= "true";
  await run(app, { Octokit: createDesignDocsOctokit() });
} else {
  // The Redis connection is ours, not Probot's: Probot's queues commands while Redis is away
  // and logs every reconnect attempt at error, and it would not give the lock a client.
  const redis =
    settings.redisUrl === undefined
      ? undefined
      : connectRedis({
          url: settings.redisUrl,
          lockLeaseMs: settings.lockLeaseMs,
          lockWaitMs: settings.lockWaitMs,
          log: {
            info: (fields, message) => logLater("info", fields, message),
            warn: (fields, message) => logLater("warn", fields, message),
            error: (fields, message) => logLater("error", fields, message),
            debug: (fields, message) => logLater("debug", fields, message),
          },
        });
  // Probot makes its logger as it initialises; Redis may have news before that.
  const logLater = (
    level: "info" | "warn" | "error" | "debug",
    fields: object,
    message: string,
  ): void => {
    const logger = probot.log as typeof probot.log | null;
    if (logger) logger[level](fields, message);
    else if (level !== "debug") console.error(message);
  };
  const probot = createProbot({
    env: { LOG_LEVEL: "info", ...process.env, REDIS_URL: "" },
    overrides: {
      Octokit: createDesignDocsOctokit({
        timeoutMs: settings.githubTimeoutMs,
        writeIntervalMs: settings.writeIntervalMs,
        notificationIntervalMs: settings.notificationIntervalMs,
        ...(redis && { connection: redis.connection }),
      }),
    },
  });
  const local = createKeyedQueue();
  const queue = redis ? createLockedQueue(local, redis.lock) : local;
  const middleware = await createNodeMiddleware(
    createApp({
      appId: Number(process.env.APP_ID),
      queue,
      workers: createWorkerPool({ timeBudgetMs: settings.parseTimeBudgetMs }),
      maxRecheckPrs: settings.maxRecheckPrs,
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
    ...(redis && {
      unavailable: () =>
        redis.reachable()
          ? undefined
          : "Redis unreachable: deliver again later",
    }),
    log,
  });
  process.on("unhandledRejection", (reason) => {
    log.error(
      { err: reason },
      "Unhandled rejection (the server keeps running)",
    );
  });
  const stop = async (signal: string): Promise<void> => {
    drain();
    log.info(
      { signal, prsInFlight: queue.size },
      `${signal}: taking no new deliveries, finishing ${queue.size} PR(s) in flight`,
    );
    // Still listening meanwhile: a new delivery gets 503, which GitHub lists as failed, to
    // redeliver from the app's settings (a load balancer sees /ping say 503 too).
    const deadline = performance.now() + settings.shutdownTimeoutMs;
    const within = (work: Promise<unknown>): Promise<boolean> =>
      Promise.race([
        work.then(() => true),
        new Promise<false>((resolve) =>
          setTimeout(
            resolve,
            Math.max(0, deadline - performance.now()),
            false,
          ).unref(),
        ),
      ]);
    const idle = await within(queue.idle());
    // Closed once every connection has ended, answers to the deliveries in flight included.
    const closed = new Promise<void>((resolve) =>
      server.close(() => resolve()),
    );
    server.closeIdleConnections();
    const finished = idle && (await within(closed));
    if (finished) log.info("Stopped: every delivery finished");
    else
      log.warn(
        { prsInFlight: queue.size },
        `Stopped after ${settings.shutdownTimeoutMs} ms with ${queue.size} PR(s) unfinished; GitHub can redeliver their events`,
      );
    process.exit(0);
  };
  process.once("SIGTERM", (signal) => void stop(signal));
  process.once("SIGINT", (signal) => void stop(signal));
  // Deliveries that arrive before Redis first answers are refused; a Redis that stays away
  // does not keep the server (and /ping) from starting.
  if (redis)
    await Promise.race([
      redis.ready,
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
  await new Promise<void>((resolve) =>
    server.listen(settings.port, settings.host, resolve),
  );
  log.info(`Listening on http://${settings.host}:${settings.port}`);
  if (settings.webhookProxy) {
    // smee-client is a development dependency; production refuses a proxy URL.
    const { SmeeClient } = await import("smee-client");
    await new SmeeClient({
      source: settings.webhookProxy,
      target: `http://${settings.host}:${settings.port}${settings.webhookPath}`,
      logger: {
        info: (message: string) => log.info(message),
        error: (message: string) => log.error(message),
      },
    }).start();
  }
}
