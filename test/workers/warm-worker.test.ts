import { spawnSync } from "node:child_process";
import { afterAll, expect, jest, test } from "@jest/globals";
import { createWorkerPool } from "../../src/workers/worker-pool.js";
import { engineFor, fixture } from "../helpers/engine.js";
import { GENERATED_HOSTILE_DOCS } from "../helpers/hostile.js";

jest.setTimeout(60_000);

const workers = createWorkerPool({ timeBudgetMs: 500, workers: 1 });
afterAll(() => workers.close());

const FILLED = fixture("docs/filled-design-doc.md");
const check = (text: string) =>
  workers.run("check", "docs/design/a.md", text, engineFor());

test("a worker is started with the pool, before any task", async () => {
  expect(workers.counts()).toEqual({ alive: 1, busy: 0, warm: 0, started: 1 });
  await workers.ready();
  expect(workers.counts()).toEqual({ alive: 1, busy: 0, warm: 1, started: 1 });
});

test("after an overrun the replacement is started at once, and the next doc goes to it loaded", async () => {
  await workers.ready();
  const overrun = await check(GENERATED_HOSTILE_DOCS["nested-brackets.md"]());
  expect(overrun).toMatchObject({ ok: false });
  // Before any next task: the stopped worker is gone and its replacement is starting.
  const afterOverrun = workers.counts();
  expect(afterOverrun).toMatchObject({ alive: 1, busy: 0 });
  const events: string[] = [];
  await workers.ready().then(() => events.push("ready"));
  expect(workers.counts()).toMatchObject({ warm: 1 });
  events.push("submitted");
  const next = check(FILLED);
  // It went straight to the loaded worker: busy at once, and no worker started for it.
  expect(workers.counts()).toMatchObject({ busy: 1, warm: 0 });
  expect(await next).toMatchObject({ ok: true });
  events.push("answered");
  expect(events).toEqual(["ready", "submitted", "answered"]);
  expect(workers.counts().started).toBe(afterOverrun.started);
});

test("a worker that runs out of heap is replaced at once too", async () => {
  const small = createWorkerPool({
    timeBudgetMs: 60_000,
    workers: 1,
    maxHeapMb: 32,
  });
  try {
    await small.ready();
    const result = await small.run(
      "check",
      "docs/design/big.md",
      GENERATED_HOSTILE_DOCS["five-megabytes.md"](),
      engineFor(),
    );
    expect(result).toEqual({
      ok: false,
      reason: "is too large to check within 32 MB",
    });
    expect(small.counts()).toMatchObject({ alive: 1, busy: 0, started: 2 });
  } finally {
    await small.close();
  }
});

test("close stops every worker, and ready() no longer waits", async () => {
  const closing = createWorkerPool({ timeBudgetMs: 500, workers: 1 });
  await closing.close();
  expect(closing.counts()).toMatchObject({ alive: 0, busy: 0, warm: 0 });
  await closing.ready();
});

test.each([
  ["closed", "close"],
  ["left open: idle workers do not hold the process", "leave-open"],
])(
  "a process that creates a pool and uses it exits by itself, the pool %s",
  (_name, mode) => {
    const child = spawnSync(
      process.execPath,
      [new URL("./pool-exits.js", import.meta.url).pathname, mode],
      { encoding: "utf8", timeout: 30_000 },
    );
    // A thread left running keeps the child past spawnSync's timeout, which kills it.
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    const { result, counts } = JSON.parse(child.stdout) as {
      result: unknown;
      counts: { alive: number };
    };
    expect(result).toEqual({ ok: true, value: "**Status:** Approved\n" });
    expect(counts.alive).toBe(mode === "close" ? 0 : 1);
  },
);
