import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Redis } from "ioredis";
import {
  createRedisLock,
  LockUnavailableError,
  LockWaitError,
  type PrLock,
} from "../../src/github/redis-lock.js";
import { freePort } from "../helpers/server.js";
import {
  REDIS_MISSING,
  SKIP_REDIS,
  startRedis,
  type RunningRedis,
} from "../helpers/redis.js";

if (SKIP_REDIS) console.warn(`Skipping the Redis lock tests: ${REDIS_MISSING}`);

const quiet = { warn: () => undefined };
const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

(SKIP_REDIS ? describe.skip : describe)("the per-PR lock on Redis", () => {
  let redis: RunningRedis;
  const clients: Redis[] = [];
  const client = (): Redis => {
    const made = new Redis(redis.url, { enableOfflineQueue: false });
    clients.push(made);
    return made;
  };
  const ready = async (made: Redis): Promise<Redis> => {
    if (made.status !== "ready")
      await new Promise((resolve) => made.once("ready", resolve));
    return made;
  };
  /** A lock as one replica has it, on its own connection. */
  const replica = async (
    settings: { leaseMs?: number; waitMs?: number } = {},
  ): Promise<PrLock> =>
    createRedisLock(await ready(client()), {
      leaseMs: settings.leaseMs ?? 30_000,
      waitMs: settings.waitMs ?? 10_000,
      log: quiet,
    });

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const made of clients) made.disconnect();
    await redis?.stop();
  });

  test("two replicas run one PR's tasks one at a time, and other PRs' alongside", async () => {
    const [a, b] = [await replica(), await replica()];
    let running = 0;
    let most = 0;
    const events: string[] = [];
    const task = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      events.push(`start ${name}`);
      await sleep(30);
      events.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([
      a.hold("acme/api#1", task("a1")),
      b.hold("acme/api#1", task("b1")),
      a.hold("acme/api#1", task("a2")),
      b.hold("acme/api#1", task("b2")),
    ]);
    expect(results).toEqual(["a1", "b1", "a2", "b2"]);
    expect(most).toBe(1);
    const other: string[] = [];
    await Promise.all([
      a.hold("acme/api#2", async () => {
        other.push("start 2");
        await sleep(50);
        other.push("end 2");
      }),
      b.hold("acme/api#3", async () => {
        other.push("start 3");
        await sleep(50);
        other.push("end 3");
      }),
    ]);
    expect(other.slice(0, 2).sort()).toEqual(["start 2", "start 3"]);
    expect(
      await (await ready(client())).get("design-docs:lock:acme/api#1"),
    ).toBeNull();
  });

  test("a lock left by a replica that died is taken once its lease runs out", async () => {
    const redisClient = await ready(client());
    await redisClient.set("design-docs:lock:acme/api#4", "dead", "PX", 400);
    const waits: number[] = [];
    const lock = createRedisLock(await ready(client()), {
      leaseMs: 30_000,
      waitMs: 10_000,
      log: quiet,
      onWait: (ms) => waits.push(ms),
    });
    const seen = await lock.hold("acme/api#4", async () =>
      redisClient.get("design-docs:lock:acme/api#4"),
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(seen).not.toBe("dead");
    expect(seen).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("waiting is bounded: a lock held elsewhere for longer fails the task unrun", async () => {
    const redisClient = await ready(client());
    await redisClient.set("design-docs:lock:acme/api#5", "busy", "PX", 30_000);
    const lock = await replica({ waitMs: 200 });
    let ran = false;
    await expect(
      lock.hold("acme/api#5", async () => {
        ran = true;
      }),
    ).rejects.toThrow(LockWaitError);
    expect(ran).toBe(false);
    expect(await redisClient.get("design-docs:lock:acme/api#5")).toBe("busy");
  });

  test("a lock is renewed while its task runs past the lease", async () => {
    const holder = await replica({ leaseMs: 300 });
    const other = await replica({ waitMs: 0 });
    const tries: string[] = [];
    await holder.hold("acme/api#6", async () => {
      for (let index = 0; index < 8; index += 1) {
        await sleep(150);
        tries.push(
          await other
            .hold("acme/api#6", async () => "taken")
            .catch((error: unknown) =>
              error instanceof LockWaitError ? "refused" : String(error),
            ),
        );
      }
    });
    expect(tries).toEqual(Array(8).fill("refused"));
    expect(await other.hold("acme/api#6", async () => "taken")).toBe("taken");
  });

  test("a release deletes only the holder's own lock, not one taken after its lease ran out", async () => {
    const redisClient = await ready(client());
    const lock = await replica();
    await lock.hold("acme/api#7", async () => {
      await redisClient.set("design-docs:lock:acme/api#7", "next-holder");
    });
    expect(await redisClient.get("design-docs:lock:acme/api#7")).toBe(
      "next-holder",
    );
  });

  test("with Redis unreachable, the task does not run and the error says so", async () => {
    const unreachable = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    unreachable.on("error", () => undefined);
    clients.push(unreachable);
    const lock = createRedisLock(unreachable, {
      leaseMs: 1000,
      waitMs: 1000,
      log: quiet,
    });
    let ran = false;
    const failure = lock.hold("acme/api#8", async () => {
      ran = true;
    });
    await expect(failure).rejects.toThrow(LockUnavailableError);
    await expect(failure).rejects.toThrow(/Redis unreachable/);
    expect(ran).toBe(false);
  });
});
