// Engine throughput beside a bare remark-parse of the same inputs, one run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";

const TARGET_RATIO = 1.3;
const ROUNDS = 8;
const PASSES = 10;

function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(".md") && !name.endsWith("README.md"))
    .map((name) => ({
      path: name,
      text: readFileSync(new URL(name, dir), "utf8"),
    }));
}

// The public docs beside the project when they are there (CI has them); a fresh clone
// measures on the project's own fixtures and templates alone.
const CORPUS = new URL("../../shared/corpus/", import.meta.url);
const inputs = [
  ...(existsSync(CORPUS) ? markdownFiles(CORPUS) : []),
  ...markdownFiles(new URL("../test/fixtures/docs/", import.meta.url)),
  ...markdownFiles(new URL("../templates/", import.meta.url)),
];
if (!existsSync(CORPUS))
  console.log(
    "No shared corpus beside the project: measuring on its own fixtures.",
  );
const bytes = inputs.reduce(
  (sum, input) => sum + Buffer.byteLength(input.text),
  0,
);

function measure(task) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./measure.js", import.meta.url), {
      workerData: { task, inputs, passes: PASSES },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

// Rounds alternate the two sides, each in a fresh isolate. A side's figure is the sum over
// inputs of each input's best time in any round.
const bestPerInput = {
  bare: inputs.map(() => Infinity),
  engine: inputs.map(() => Infinity),
};
for (let round = 0; round < ROUNDS; round += 1) {
  for (const task of round % 2 === 0
    ? ["bare", "engine"]
    : ["engine", "bare"]) {
    const times = await measure(task);
    bestPerInput[task] = bestPerInput[task].map((time, index) =>
      Math.min(time, times[index]),
    );
  }
}
const total = (times) => times.reduce((sum, time) => sum + time, 0);
const best = {
  bare: total(bestPerInput.bare),
  engine: total(bestPerInput.engine),
};

const mbps = (ms) => bytes / 1e6 / (ms / 1000);
const ratio = best.engine / best.bare;
console.log(
  `Inputs: ${inputs.length} Markdown files, ${(bytes / 1e3).toFixed(1)} kB (corpus, fixtures, templates)`,
);
console.log(
  `Each input's best time over ${ROUNDS / 2} worker threads x ${PASSES} passes per side, sides alternating, Node ${process.version}\n`,
);
console.log("| run | ms per pass | MB/s |");
console.log("| --- | ---: | ---: |");
console.log(
  `| bare remark-parse (baseline) | ${best.bare.toFixed(1)} | ${mbps(best.bare).toFixed(2)} |`,
);
console.log(
  `| design-docs check (parse, choose template, validate) | ${best.engine.toFixed(1)} | ${mbps(best.engine).toFixed(2)} |`,
);
console.log(
  `\nRatio engine / bare parse: ${ratio.toFixed(2)}x (target at most ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? "met" : "NOT met"}`,
);
