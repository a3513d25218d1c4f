// The Action's entry point (action.yml's runs.main, bundled into dist/ by
// scripts/build-action.js): the step on the main thread; in the worker threads it starts,
// the doc worker, which serves only there.
import { isMainThread } from "node:worker_threads";
import "../workers/doc-worker.js";
import { runAction } from "./run-action.js";

if (isMainThread)
  process.exitCode = await runAction(process.env, new URL(import.meta.url));
