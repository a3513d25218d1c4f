import { afterAll, expect, jest, test } from "@jest/globals";
import { createMetrics } from "../../src/metrics/create-metrics.js";
import { createWorkerPool } from "../../src/workers/worker-pool.js";
import { engineFor, fixture } from "../helpers/engine.js";
import { GENERATED_HOSTILE_DOCS } from "../helpers/hostile.js";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";

jest.setTimeout(60_000);

const workers = createWorkerPool({ timeBudgetMs: 500, workers: 1 });
afterAll(() => workers.close());

const FILLED = fixture("docs/filled-design-doc.md");

test("a worker's report is the one the engine gives in process", async () => {
  const engine = engineFor();
  expect(
    await workers.run("check", "docs/design/a.md", FILLED, engine),
  ).toEqual({
    ok: true,
    value: checkDesignDoc("docs/design/a.md", FILLED, engine),
  });
  expect(await workers.run("setStatus", FILLED, "Approved")).toEqual({
    ok: true,
    value: FILLED.replace("**Status:** In Review", "**Status:** Approved"),
  });
});

test("the event loop keeps turning while a worker is stuck on a pathological doc", async () => {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  const result = await workers.run(
    "check",
    "docs/design/x.md",
    GENERATED_HOSTILE_DOCS["nested-brackets.md"](),
    engineFor(),
  );
  clearInterval(timer);
  expect(result).toEqual({
    ok: false,
    reason:
      "is too complex to check in 0.5 s (PARSE_TIME_BUDGET_MS on the bot's server); split or simplify it",
  });
  // 500 ms of budget at a 10 ms interval: a blocked loop would tick once or not at all.
  expect(ticks).toBeGreaterThan(10);
});

test("a task that throws answers with its message, and the worker carries on", async () => {
  const broken = await workers.run(
    "check",
    "docs/design/x.md",
    FILLED,
    // An engine without templates or options: the check cannot run.
    {} as never,
  );
  expect(broken.ok).toBe(false);
  expect(broken).toMatchObject({
    reason: expect.stringMatching(/^could not be checked: /u),
  });
  expect(await workers.run("status", FILLED, [])).toEqual({
    ok: true,
    value: undefined,
  });
});

test("tasks queue for a free worker and each gets its own answer", async () => {
  const statuses = ["WIP", "In Review", "Approved", "Obsolete"];
  const results = await Promise.all(
    statuses.map((status) => workers.run("setStatus", FILLED, status)),
  );
  expect(
    results.map((result) =>
      result.ok ? /\*\*Status:\*\* (.+)/u.exec(result.value ?? "")?.[1] : "",
    ),
  ).toEqual(statuses);
});

test("after close, tasks answer that the server is stopping", async () => {
  const closing = createWorkerPool({ timeBudgetMs: 500, workers: 1 });
  const queued = closing.run("status", FILLED, []);
  await closing.close();
  expect(await queued).toEqual({
    ok: false,
    reason: "could not be checked: the server is stopping",
  });
  expect(await closing.run("status", FILLED, [])).toEqual({
    ok: false,
    reason: "could not be checked: the server is stopping",
  });
});

test("/metrics counts the pool's tasks, an overrun and the worker replaced after it", async () => {
  const metrics = createMetrics();
  const pool = createWorkerPool({
    timeBudgetMs: 500,
    workers: 1,
    metrics: metrics.workers,
  });
  try {
    await pool.run(
      "check",
      "docs/design/x.md",
      GENERATED_HOSTILE_DOCS["nested-brackets.md"](),
      engineFor(),
    );
    expect(await pool.run("status", FILLED, [])).toMatchObject({ ok: true });
  } finally {
    await pool.close();
  }
  const lines = (await metrics.read()).split("\n");
  expect(lines).toEqual(
    expect.arrayContaining([
      'design_docs_worker_tasks_total{task="check",result="not ok"} 1',
      'design_docs_worker_tasks_total{task="status",result="ok"} 1',
      "design_docs_worker_overruns_total 1",
      "design_docs_worker_replacements_total 1",
    ]),
  );
});
