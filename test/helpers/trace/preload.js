// node --import this, with TRACE_MODULES_FILE set: every module the process loads is appended
// to that file as a file: or node: URL, one a line. ES modules are written by the loader hook
// as each one loads; CommonJS ones (which Node 20's hooks do not see when required) from
// require's cache when the process exits.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

const file = process.env.TRACE_MODULES_FILE;
if (file) {
  register(new URL("./hook.js", import.meta.url), { data: { file } });
  const { cache } = createRequire(import.meta.url);
  process.on("exit", () => {
    const required = Object.keys(cache).map((path) => pathToFileURL(path).href);
    appendFileSync(file, required.map((url) => `${url}\n`).join(""));
  });
}
