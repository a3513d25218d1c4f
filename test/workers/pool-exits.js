// Run by warm-worker.test.ts as a child process: starts a pool, checks a doc on it and, unless
// told "leave-open", closes it. The process must then exit by itself: no thread left running.
import { createWorkerPool } from "../../lib/workers/worker-pool.js";

const pool = createWorkerPool({ timeBudgetMs: 5000, workers: 1 });
await pool.ready();
const result = await pool.run("setStatus", "**Status:** WIP\n", "Approved");
if (process.argv[2] !== "leave-open") await pool.close();
console.log(JSON.stringify({ result, counts: pool.counts() }));
