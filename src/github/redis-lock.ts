import { randomUUID } from "node:crypto";

/** The few Redis calls the lock makes, as ioredis has them. */
export interface LockRedis {
  set(
    key: string,
    value: string,
    px: "PX",
    ms: number,
    nx: "NX",
  ): Promise<"OK" | null>;
  eval(script: string, keys: number, ...args: (string | number)[]): unknown;
}

/** Holds a lock per key across every process that shares the Redis. */
export interface PrLock {
  /** Runs `task` holding the lock on `key`; rejects without running it if the lock can't be had. */
  hold<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export interface LockSettings {
  /** How long a lock outlives a holder that stopped renewing it (a replica that died). */
  leaseMs: number;
  /** How long to wait for a lock another process holds before giving up. */
  waitMs: number;
  log: { warn(fields: object, message: string): void };
  /** Told how long each lock taken was waited for (0 when no one held it). */
  onWait?: (ms: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** The lock was held elsewhere for longer than the wait allows. */
export class LockWaitError extends Error {}

/** Redis could not be asked: the task did not run. */
export class LockUnavailableError extends Error {}

// Renew and release only a lock this holder still owns: a lease that ran out may be another's now.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * A leased lock per key on one Redis: `SET key token NX PX lease` to take it, renewed every
 * third of the lease while the task runs, and a compare-and-delete in Lua to release it. On
 * a single instance this is what redlock does too; its current release is a beta left
 * unchanged for years, and the polling wait with a bound is what the bot needs anyway. A
 * holder that dies loses the lock when its lease runs out. Two round trips for a lock no one
 * else holds.
 */
export function createRedisLock(
  redis: LockRedis,
  settings: LockSettings,
): PrLock {
  const sleep =
    settings.sleep ??
    ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const ask = async <T>(key: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw new LockUnavailableError(
        `Redis unreachable: could not take the lock on ${key} (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  };
  const take = async (key: string, token: string): Promise<void> => {
    const started = performance.now();
    const deadline = started + settings.waitMs;
    for (let attempt = 0; ; attempt += 1) {
      const taken = await ask(key, () =>
        redis.set(
          `design-docs:lock:${key}`,
          token,
          "PX",
          settings.leaseMs,
          "NX",
        ),
      );
      if (taken === "OK") {
        settings.onWait?.(performance.now() - started);
        return;
      }
      const left = deadline - performance.now();
      if (left <= 0)
        throw new LockWaitError(
          `${key} stayed locked by another replica for ${settings.waitMs} ms (LOCK_WAIT_MS): not handled here, redeliver it`,
        );
      // Jittered, so waiters on two replicas do not poll in step.
      const pause = Math.min(200, 20 * 2 ** attempt) * (0.5 + Math.random());
      await sleep(Math.min(left, pause));
    }
  };
  return {
    async hold(key, task) {
      const token = randomUUID();
      const redisKey = `design-docs:lock:${key}`;
      await take(key, token);
      let lost = false;
      const renew = async (): Promise<void> => {
        const renewed = await Promise.resolve(
          redis.eval(RENEW, 1, redisKey, token, settings.leaseMs),
        ).catch(() => 0);
        if (renewed === 1 || lost) return;
        lost = true;
        settings.log.warn(
          { lock: key },
          `${key}: the lock could not be renewed; another replica may take the PR before this run ends (its next run repairs what two runs wrote)`,
        );
      };
      const timer = setInterval(() => void renew(), settings.leaseMs / 3);
      timer.unref();
      try {
        return await task();
      } finally {
        clearInterval(timer);
        // A release that fails leaves the lease to run out.
        await Promise.resolve(redis.eval(RELEASE, 1, redisKey, token)).catch(
          () => undefined,
        );
      }
    },
  };
}
