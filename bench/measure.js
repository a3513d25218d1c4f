// Runs in a worker thread (an isolate of its own, so neither side's JIT state skews the
// other): times each input over several passes of one task and posts each input's best
// time in ms. Best per input filters out the machine's intermittent noise.
import { parentPort, workerData } from "node:worker_threads";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { createEngine } from "../lib/config/create-engine.js";
import { parseConfig } from "../lib/config/parse-config.js";
import {
  BUILTIN_TEMPLATE_IDS,
  loadBuiltinTemplates,
} from "../lib/templates/builtin-templates.js";
import { checkDesignDoc } from "../lib/validate/check-design-doc.js";

function makeTask(name) {
  if (name === "bare") {
    const bare = unified().use(remarkParse).freeze();
    return (input) => bare.parse(input.text);
  }
  const builtins = loadBuiltinTemplates();
  const config = parseConfig({}, BUILTIN_TEMPLATE_IDS).config;
  const engine = createEngine(config, builtins, builtins[0], "2026-11-23");
  return (input) => checkDesignDoc(input.path, input.text, engine);
}

const { task: name, inputs, passes } = workerData;
const task = makeTask(name);
const best = inputs.map(() => Infinity);
for (let pass = 0; pass < passes; pass += 1) {
  inputs.forEach((input, index) => {
    const start = process.hrtime.bigint();
    task(input);
    best[index] = Math.min(
      best[index],
      Number(process.hrtime.bigint() - start) / 1e6,
    );
  });
}
parentPort.postMessage(best);
