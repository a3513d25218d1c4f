import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createEngine } from "../config/create-engine.js";
import { renderChecklist } from "../report/render-checklist.js";
import { renderJson } from "../report/render-json.js";
import { renderText } from "../report/render-text.js";
import { defaultTemplate } from "../templates/builtin-templates.js";
import {
  checkDesignDoc,
  type DocReport,
} from "../validate/check-design-doc.js";
import { worstOutcome } from "../validate/worst-outcome.js";
import type { CliIO } from "./cli-io.js";
import { loadLocalConfig, loadTemplate } from "./load-project.js";
import { UsageError } from "./usage.js";

const FORMATS = ["text", "markdown", "json"] as const;
type Format = (typeof FORMATS)[number];

/** `design-docs check`: checks docs and prints their checklists. Returns the exit code. */
export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      template: { type: "string" },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(
      `--format must be one of ${FORMATS.join(", ")}, not "${values.format}"`,
    );
  const config = loadLocalConfig(io.cwd);
  const templates = config.templates.map((ref) => loadTemplate(ref, io.cwd));
  const forced =
    values.template === undefined
      ? undefined
      : loadTemplate(values.template, io.cwd);
  const engine = createEngine(
    config,
    forced ? [forced, ...templates] : templates,
    defaultTemplate(),
    io.today,
  );
  if (forced) engine.selection.forced = forced.id;

  const files = await findDocs(
    positionals.length > 0 ? positionals : config.paths,
    io.cwd,
  );
  if (files.length === 0) {
    const what = (positionals.length > 0 ? positionals : config.paths).join(
      ", ",
    );
    io.stderr.write(`No design docs match ${what}\n`);
    return positionals.length > 0 ? 2 : 0;
  }
  const reports: DocReport[] = files.map((doc) => ({
    ...checkDesignDoc(
      toPosix(relative(io.cwd, doc.file)),
      readFileSync(doc.file, "utf8"),
      engine,
    ),
    // Mappings (`docs/design/reviews/**`) are matched against the path in the repo; the user
    // reads the path they typed.
    path: doc.shown,
  }));
  const render = {
    text: () => renderText(reports, { color: io.isTTY }),
    markdown: () => `${renderChecklist(reports)}\n`,
    json: () => renderJson(reports),
  };
  io.stdout.write(render[format]());
  return worstOutcome(reports) === "failure" ? 1 : 0;
}

/** A doc the command line names: the file, and its path as the user typed it. */
interface FoundDoc {
  file: string;
  /**
   * The argument itself for a file; `<argument>/<path below it>` for a directory; for a glob,
   * the match relative to the working directory, or absolute if the glob is.
   */
  shown: string;
}

/**
 * Files for paths, directories (every .md under them) and globs, each file once, sorted.
 * tinyglobby is imported only for a directory or a glob: a run on files does without it.
 */
async function findDocs(
  patterns: readonly string[],
  cwd: string,
): Promise<FoundDoc[]> {
  const found = new Map<string, FoundDoc>();
  const add = (file: string, shown: string): void => {
    if (!found.has(file)) found.set(file, { file, shown });
  };
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    const stats = existsSync(path) ? statSync(path) : undefined;
    if (stats?.isFile()) {
      add(path, pattern);
    } else if (stats?.isDirectory()) {
      const { glob } = await import("tinyglobby");
      const below = await glob("**/*.md", { cwd: path, onlyFiles: true });
      const prefix = pattern.endsWith("/") ? pattern : `${pattern}/`;
      below.forEach((file) => add(resolve(path, file), prefix + file));
    } else {
      const { glob } = await import("tinyglobby");
      const matches = await glob(pattern, {
        cwd,
        absolute: true,
        onlyFiles: true,
      });
      const shown = (file: string): string => {
        if (isAbsolute(pattern)) return file;
        const local = toPosix(relative(cwd, file));
        return pattern.startsWith("./") ? `./${local}` : local;
      };
      matches.forEach((match) => add(resolve(match), shown(match)));
    }
  }
  return [...found.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
}

function toPosix(path: string): string {
  return path.split("\\").join("/");
}
