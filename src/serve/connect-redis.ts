import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import { createRedisLock, type PrLock } from "../github/redis-lock.js";

interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

/** What the replicas share through one Redis. */
export interface SharedRedis {
  /** The per-PR lock. */
  lock: PrLock;
  /** Bottleneck's connection, on which every replica spaces each installation's writes. */
  connection: Bottleneck.IORedisConnection;
  /** Whether Redis answers right now; while it does not, deliveries are refused. */
  reachable(): boolean;
  /** Resolves once first connected (it may never be: the server starts anyway). */
  ready: Promise<void>;
}

export interface RedisSettings {
  url: string;
  lockLeaseMs: number;
  lockWaitMs: number;
  /** Told how long each lock taken was waited for. */
  onLockWait?: (ms: number) => void;
  log: Logger;
}

/**
 * Connects to `REDIS_URL`: one client for the lock, which fails a command at once while
 * Redis is away instead of queueing it (a delivery is refused, not held), and Bottleneck's
 * own for the write spacing. It reconnects by itself for as long as it takes; a lost Redis
 * and its return are logged once each, however many reconnects in between.
 */
export function connectRedis(settings: RedisSettings): SharedRedis {
  const options = {
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
  const client = new Redis(settings.url, {
    ...options,
    enableOfflineQueue: false,
  });
  const where = `${client.options.host ?? "?"}:${client.options.port ?? "?"}`;
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    settings.log.error(
      { err: error, redis: where },
      `Redis at ${where} unreachable (${error.message}): deliveries are answered 503 until it answers again; reconnecting`,
    );
  });
  const ready = new Promise<void>((resolve) => {
    client.on("ready", () => {
      if (down)
        settings.log.info(
          { redis: where },
          `Redis at ${where} reachable again: taking deliveries`,
        );
      down = false;
      resolve();
    });
  });
  // Spacing rides out a short blip in the middle of a run rather than failing its writes.
  const connection = new Bottleneck.IORedisConnection({
    Redis,
    client: new Redis(settings.url, { ...options, maxRetriesPerRequest: 2 }),
  });
  connection.on("error", (error: Error) => {
    settings.log.debug({ err: error, redis: where }, "Bottleneck: Redis error");
  });
  return {
    lock: createRedisLock(client, {
      leaseMs: settings.lockLeaseMs,
      waitMs: settings.lockWaitMs,
      log: settings.log,
      ...(settings.onLockWait && { onWait: settings.onLockWait }),
    }),
    connection,
    reachable: () => client.status === "ready",
    ready,
  };
}
