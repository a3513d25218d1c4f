/** A worker thread that runs doc tasks for the pool in worker-pool.ts, one at a time. */
import { parentPort } from "node:worker_threads";
import { DOC_TASKS, type DocTaskName } from "./doc-tasks.js";

interface Request {
  name: DocTaskName;
  args: unknown[];
}

parentPort?.on("message", ({ name, args }: Request) => {
  try {
    const task = DOC_TASKS[name] as (...args: unknown[]) => unknown;
    parentPort?.postMessage({ ok: true, value: task(...args) });
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});

// Imports are loaded by now: the pool starts a task's clock only from here on.
parentPort?.postMessage({ ready: true });
