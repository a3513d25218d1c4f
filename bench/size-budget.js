// The default size cap and time budget, measured through the worker pool the server checks
// docs on: each constructed worst shape at the cap, the budget's margin over the worst, and
// what the warm worker saves after an overrun. One run.
import { readFileSync } from "node:fs";
import { createEngine } from "../lib/config/create-engine.js";
import { parseConfig } from "../lib/config/parse-config.js";
import {
  BUILTIN_TEMPLATE_IDS,
  defaultTemplate,
  loadBuiltinTemplates,
} from "../lib/templates/builtin-templates.js";
import {
  DEFAULT_TIME_BUDGET_MS,
  createWorkerPool,
} from "../lib/workers/worker-pool.js";

const TARGET_MARGIN = 2;
const RUNS = 3;
const FILLED = readFileSync(
  new URL("../test/fixtures/docs/filled-design-doc.md", import.meta.url),
  "utf8",
);
const { config } = parseConfig({}, BUILTIN_TEMPLATE_IDS);
const CAP = config.maxFileSize;
const builtins = loadBuiltinTemplates();
const engine = createEngine(
  config,
  config.templates.map((id) => builtins.find((template) => template.id === id)),
  defaultTemplate(),
  "2026-11-23",
);

/** The filled doc (every section met), then `unit(0)`, `unit(1)`, … up to `size` bytes. */
function fill(unit, size = CAP) {
  const parts = [FILLED, "\n"];
  let bytes = Buffer.byteLength(FILLED) + 1;
  for (let index = 0; ; index += 1) {
    const part = unit(index);
    const length = Buffer.byteLength(part);
    if (bytes + length > size) break;
    parts.push(part);
    bytes += length;
  }
  return parts.join("");
}

const TABLE_HEAD =
  "| a | b | c | d | e | f | g | h |\n| - | - | - | - | - | - | - | - |\n";
/** Shapes a long doc takes, each as much of it as fits under the cap. */
const SHAPES = {
  "one long table, inline marks in its cells": (index) =>
    `${index === 0 ? TABLE_HEAD : ""}| row ${index} | **b** | \`c\` | [d](https://example.com/${index}) | e | f | g | h |\n`,
  "lists nested 8 deep, over and over": (index) =>
    `${Array.from({ length: 8 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth} item ${index}\n`).join("")}\n`,
  "many headings": (index) => `\n## Extra heading ${index}\n\ntext\n`,
  "one long line": () => "word ",
  "many inline links": (index) =>
    `[link ${index}](https://example.com/${index}) `,
  "many reference links": (index) =>
    `[link ${index}][r${index}]\n\n[r${index}]: https://example.com/${index}\n\n`,
  "a long task list": (index) => `- [ ] task item ${index}\n`,
  "many fenced code blocks": (index) =>
    `\`\`\`\ncode line ${index}\n\`\`\`\n\n`,
  "many short paragraphs": (index) =>
    `Lorem ipsum dolor sit amet, consectetur adipiscing elit ${index}.\n\n`,
};
/** Shapes micromark parses in more than linear time: the budget is what stops them. */
const SUPERLINEAR = {
  "many blockquotes": (index) => `> quote ${index}\n> more\n\n`,
  "one paragraph of emphasis": () => "*a* **b** `c` _d_ ~e~ ",
};

const ms = (value) => `${Math.round(value).toLocaleString("en")} ms`;
const workers = createWorkerPool({
  timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
  workers: 1,
});
await workers.ready();

/** The slowest of RUNS checks of `text`, or why the pool gave up on one. */
async function slowest(text) {
  let worst = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const result = await workers.run("check", "docs/design/x.md", text, engine);
    if (!result.ok)
      return {
        reason: result.reason.startsWith("is too complex")
          ? "too complex: over the budget"
          : result.reason,
      };
    worst = Math.max(worst, performance.now() - start);
  }
  return { worst };
}

console.log(
  `Cap (maxFileSize default): ${CAP.toLocaleString("en")} bytes; budget (PARSE_TIME_BUDGET_MS default): ${ms(DEFAULT_TIME_BUDGET_MS)}`,
);
console.log(
  `Each shape's slowest of ${RUNS} checks on one worker thread, Node ${process.version}\n`,
);
console.log("| shape at the cap | bytes | slowest check |");
console.log("| --- | ---: | ---: |");
let worst = { name: "", time: 0 };
for (const [name, unit] of Object.entries(SHAPES)) {
  const text = fill(unit);
  const { worst: time, reason } = await slowest(text);
  const size = Buffer.byteLength(text).toLocaleString("en");
  console.log(`| ${name} | ${size} | ${reason ?? ms(time)} |`);
  const taken = reason ? Infinity : time;
  if (taken > worst.time) worst = { name, time: taken };
}
const margin = DEFAULT_TIME_BUDGET_MS / worst.time;
console.log(
  `\nWorst: ${worst.name}, ${worst.time === Infinity ? "over the budget" : ms(worst.time)}. Budget ${ms(DEFAULT_TIME_BUDGET_MS)} / worst = ${margin.toFixed(2)}x (target at least ${TARGET_MARGIN}x): ${margin >= TARGET_MARGIN ? "met" : "NOT met"}`,
);

console.log("\n| super-linear shape | bytes | slowest check |");
console.log("| --- | ---: | ---: |");
for (const [name, unit] of Object.entries(SUPERLINEAR)) {
  for (const size of [32 * 1024, 64 * 1024, CAP]) {
    const text = fill(unit, size);
    const { worst: time, reason } = await slowest(text);
    const bytes = Buffer.byteLength(text).toLocaleString("en");
    console.log(`| ${name} | ${bytes} | ${reason ?? ms(time)} |`);
    if (reason) break;
  }
}
await workers.close();

// The next doc after an overrun, arriving a second later, with and without the warm worker.
const OVERRUN = "[a](".repeat(40_000);
async function afterOverrun(warm) {
  const created = performance.now();
  const pool = createWorkerPool({ timeBudgetMs: 500, workers: 1, warm });
  // Without the warm worker nothing is started until the first task.
  if (warm) await pool.ready();
  const cold = performance.now() - created;
  await pool.run("check", "docs/design/x.md", FILLED, engine);
  await pool.run("check", "docs/design/x.md", OVERRUN, engine);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const arrived = performance.now();
  const next = await pool.run("check", "docs/design/x.md", FILLED, engine);
  const wait = performance.now() - arrived;
  const again = performance.now();
  await pool.run("check", "docs/design/x.md", FILLED, engine);
  const check = performance.now() - again;
  await pool.close();
  if (!next.ok) throw new Error(`the next doc failed: ${next.reason}`);
  return { cold, wait, check };
}
const lazy = await afterOverrun(false);
const warm = await afterOverrun(true);
console.log(
  `\nCold start (a pool created until its worker has loaded): ${ms(warm.cold)}; the example doc's check on a loaded worker: ${ms(warm.check)}.`,
);
console.log("\n| next doc, 1 s after an overrun | arrival to result |");
console.log("| --- | ---: |");
console.log(
  `| replacement started when the doc arrives (before) | ${ms(lazy.wait)} |`,
);
console.log(
  `| replacement started at the overrun (warm worker) | ${ms(warm.wait)} |`,
);
