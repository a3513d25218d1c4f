import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { WorkerMetrics } from "../metrics/create-metrics.js";
import type { DocTaskName, DocTasks } from "./doc-tasks.js";

/**
 * A task's value, or why there is none, worded to follow "The doc ": "is too complex to
 * check in 20 s (…)", "is too large to check within 512 MB", "could not be checked: …".
 */
export type TaskResult<T> =
  { ok: true; value: T } | { ok: false; reason: string };

/** Runs doc tasks off the event loop, each within a time budget. */
export interface WorkerPool {
  run<N extends DocTaskName>(
    name: N,
    ...args: Parameters<DocTasks[N]>
  ): Promise<TaskResult<ReturnType<DocTasks[N]>>>;
  /** Stops the workers; tasks still queued answer that the server is stopping. */
  close(): Promise<void>;
  /** The workers now, and how many were ever started: for tests and metrics. */
  counts(): WorkerCounts;
  /**
   * Resolves once a worker is loaded and idle: at once when one is or the pool is closed;
   * with `warm: false`, only after a task has started one.
   */
  ready(): Promise<void>;
}

/** A snapshot of the pool's workers. */
export interface WorkerCounts {
  /** Workers running or starting. */
  alive: number;
  /** Workers running a task. */
  busy: number;
  /** Workers loaded and idle: the next task starts on one without a cold start. */
  warm: number;
  /** Workers started since the pool was created, replacements included. */
  started: number;
}

/**
 * How long one task may run by default: the App's and `PARSE_TIME_BUDGET_MS`'s default. At
 * least twice the slowest check `bench/size-budget.js` measures at the default `maxFileSize`.
 */
export const DEFAULT_TIME_BUDGET_MS = 20_000;

const STOPPING = "could not be checked: the server is stopping";

export interface WorkerPoolOptions {
  /** How long one task may run before its worker is stopped and replaced. */
  timeBudgetMs: number;
  /** Worker threads; by default one less than the cores, at least 1, at most 4. */
  workers?: number;
  /** Each worker's heap limit: a doc whose tree outgrows it is reported, not fatal. */
  maxHeapMb?: number;
  /**
   * Keep a loaded worker idle for the next task (the default). False starts workers only
   * when tasks wait for one, as the pool once did: the bench measures what warmth saves.
   */
  warm?: boolean;
  /** Counts tasks, overruns and replaced workers for /metrics. */
  metrics?: WorkerMetrics;
  /**
   * The script each worker runs: by default lib/workers/doc-worker.js; the Action's bundle,
   * one file, is its own worker (it imports doc-worker.js, which serves only in a worker).
   */
  script?: URL;
}

// The compiled worker. From src/workers (tests) and lib/workers (the server) alike this is
// <root>/lib/workers/doc-worker.js: workers run the built JavaScript, `npm test` builds first.
const WORKER_URL = new URL("../../lib/workers/doc-worker.js", import.meta.url);

interface Job {
  name: DocTaskName;
  args: unknown[];
  resolve: (result: TaskResult<unknown>) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Stopped or failed: it takes no more work, and its job has been answered. */
  done: boolean;
  job?: Job | undefined;
  timer?: NodeJS.Timeout | undefined;
}

type Reply =
  { ready: true } | { ok: true; value: unknown } | { ok: false; error: string };

/**
 * A pool of worker threads for doc tasks. A task that overruns `timeBudgetMs` answers
 * "too complex to check in N s" and its worker is terminated and replaced, so one
 * pathological doc costs one worker's time budget and never the server's event loop.
 *
 * One worker is kept warm: started with the pool, and replaced as soon as one stops (overrun,
 * heap, crash), so the next doc does not wait for a worker to load (`npm run bench` times it).
 */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const size =
    options.workers ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const budget = `${options.timeBudgetMs / 1000} s`;
  const heapMb = options.maxHeapMb ?? 512;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  const waiting: (() => void)[] = [];
  let started = 0;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(options.script ?? WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const slot: Slot = { worker, ready: false, done: false };
    started += 1;
    worker.on("message", (reply: Reply) => {
      if ("ready" in reply) {
        slot.ready = true;
      } else {
        settle(
          slot,
          reply.ok
            ? { ok: true, value: reply.value }
            : { ok: false, reason: `could not be checked: ${reply.error}` },
        );
      }
      if (slots.some((entry) => entry.ready && !entry.job))
        for (const resolve of waiting.splice(0)) resolve();
      pump();
    });
    worker.on("error", (error: Error & { code?: string }) =>
      stop(
        slot,
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `is too large to check within ${heapMb} MB`
          : `could not be checked: ${error.message}`,
      ),
    );
    worker.on("exit", () => stop(slot, "could not be checked: worker stopped"));
    slots.push(slot);
    return slot;
  }

  function settle(slot: Slot, result: TaskResult<unknown>): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      options.metrics?.task(job.name, result.ok);
      job.resolve(result);
    }
  }

  /** Answers the slot's job with `reason`, and takes the slot out of the pool for good. */
  function stop(slot: Slot, reason: string): void {
    if (slot.done) return;
    slot.done = true;
    slots.splice(slots.indexOf(slot), 1);
    settle(slot, { ok: false, reason });
    void slot.worker.terminate();
    if (closed) return;
    // Counted as replaced here: a warm one starts at once in its place.
    options.metrics?.replaced();
    keepWarm();
    pump();
  }

  /** Starts a worker when none is idle or starting, so a task never waits for a cold one. */
  function keepWarm(): void {
    if (options.warm === false) return;
    if (slots.length < size && slots.every((entry) => entry.job)) spawn();
  }

  function pump(): void {
    while (queue.length > 0) {
      const slot = slots.find((entry) => entry.ready && !entry.job);
      if (!slot) {
        // Start as many workers as the waiting tasks need, up to the pool's size.
        let starting = slots.filter((entry) => !entry.ready).length;
        for (; slots.length < size && starting < queue.length; starting += 1)
          spawn();
        break;
      }
      const job = queue.shift() as Job;
      slot.job = job;
      slot.timer = setTimeout(() => {
        options.metrics?.overrun();
        stop(
          slot,
          `is too complex to check in ${budget} (PARSE_TIME_BUDGET_MS on the bot's server); split or simplify it`,
        );
      }, options.timeBudgetMs);
      try {
        slot.worker.postMessage({ name: job.name, args: job.args });
      } catch (error) {
        settle(slot, {
          ok: false,
          reason: `could not be checked: ${(error as Error).message}`,
        });
      }
    }
    holdWhileAwaited();
  }

  /** A worker keeps the process alive only while work or ready() waits on it; idle ones do not. */
  function holdWhileAwaited(): void {
    const awaited = queue.length > 0 || waiting.length > 0;
    for (const slot of slots) {
      if (slot.job || (awaited && !slot.ready)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  keepWarm();
  pump();

  return {
    counts() {
      return {
        alive: slots.length,
        busy: slots.filter((slot) => slot.job).length,
        warm: slots.filter((slot) => slot.ready && !slot.job).length,
        started,
      };
    },
    ready() {
      if (closed || slots.some((slot) => slot.ready && !slot.job))
        return Promise.resolve();
      return new Promise((resolve) => {
        waiting.push(resolve);
        holdWhileAwaited();
      });
    },
    run(name, ...args) {
      if (closed) return Promise.resolve({ ok: false, reason: STOPPING });
      return new Promise((resolve) => {
        queue.push({
          name,
          args,
          resolve: resolve as Job["resolve"],
        });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve();
      for (const job of queue.splice(0))
        job.resolve({ ok: false, reason: STOPPING });
      await Promise.all(
        [...slots].map((slot) => {
          stop(slot, STOPPING);
          return slot.worker.terminate();
        }),
      );
    },
  };
}
