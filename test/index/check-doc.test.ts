import { expect, test } from "@jest/globals";
import { checkIndexDoc } from "../../src/index/check-doc.js";
import type { WorkerPool } from "../../src/workers/worker-pool.js";
import { engineFor } from "../helpers/engine.js";

// A doc the worker could not check within its time budget (or its heap) is an error of the
// index, in the worker pool's own words, and the run goes on.

test("a doc too complex to check in the time budget is an error entry, not an entry", async () => {
  const workers = {
    run: () =>
      Promise.resolve({
        ok: false as const,
        reason: "is too complex to check in 20 s (PARSE_TIME_BUDGET_MS)",
      }),
  } as unknown as WorkerPool;
  const result = await checkIndexDoc(
    { kind: "doc", size: 9, text: "# Nested\n" },
    {
      source: "acme/api",
      repo: "acme/api",
      path: "docs/design/nested.md",
      url: null,
      proposed: null,
    },
    262_144,
    engineFor(),
    workers,
  );
  expect(result).toEqual({
    error: {
      repo: "acme/api",
      path: "docs/design/nested.md",
      message: "The doc is too complex to check in 20 s (PARSE_TIME_BUDGET_MS)",
    },
  });
});
