// Runs node with arguments and lists the modules it loaded (trace/preload.js). Plain
// JavaScript, so bench/cli-start.js uses it too; its types are in loaded-modules.d.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PRELOAD = fileURLToPath(new URL("./trace/preload.js", import.meta.url));
/** The project's root, as a file: URL ending in `/`. */
export const ROOT = new URL("../../", import.meta.url).href;

/** Runs `node ...args` in the project's root; what it printed and every module it loaded. */
export function loadedModules(args) {
  const dir = mkdtempSync(join(tmpdir(), "design-docs-trace-"));
  const file = join(dir, "modules.txt");
  try {
    const { NODE_OPTIONS: _, ...env } = process.env;
    const run = spawnSync(process.execPath, ["--import", PRELOAD, ...args], {
      cwd: fileURLToPath(ROOT),
      env: { ...env, TRACE_MODULES_FILE: file },
      encoding: "utf8",
    });
    const modules = [
      ...new Set(readFileSync(file, "utf8").split("\n").filter(Boolean)),
    ].filter((url) => url !== new URL(PRELOAD, "file:").href);
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      modules,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The source modules behind module URLs: a file of the CLI's bundle (lib/bundle/, see
 * scripts/build-cli.js) stands for the modules its metafile says it holds, as URLs like the
 * others (lib/… and node_modules/… under the root); any other URL stands for itself.
 */
export function sourceModulesOf(modules) {
  const bundle = new URL("lib/bundle/", ROOT).href;
  if (!modules.some((url) => url.startsWith(bundle))) return [...modules];
  const { outputs } = JSON.parse(
    readFileSync(new URL("meta.json", bundle), "utf8"),
  );
  return [
    ...new Set(
      modules.flatMap((url) => {
        if (!url.startsWith(bundle)) return [url];
        const output = outputs[url.slice(ROOT.length)];
        if (!output) throw new Error(`${url} is not in lib/bundle/meta.json`);
        // A module the bundler dropped whole (nothing of it used) is not in the file.
        return Object.entries(output.inputs)
          .filter(([, input]) => input.bytesInOutput > 0)
          .map(([input]) => new URL(input, ROOT).href);
      }),
    ),
  ];
}

/** The packages among module URLs, each once, sorted: `mdast-util-from-markdown`, `@scope/x`. */
export function packagesOf(modules) {
  const names = modules.flatMap((url) => {
    const match =
      /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/u.exec(url);
    return match?.[1] ? [match[1]] : [];
  });
  return [...new Set(names)].sort();
}
