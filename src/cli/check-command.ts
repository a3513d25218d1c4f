import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { glob } from "tinyglobby";
import { createEngine } from "../config/create-engine.js";
import { renderChecklist } from "../report/render-checklist.js";
import { renderJson } from "../report/render-json.js";
import { renderText } from "../report/render-text.js";
import { loadBuiltinTemplates } from "../templates/builtin-templates.js";
import {
  checkDesignDoc,
  type DocReport,
} from "../validate/check-design-doc.js";
import { loadConfig, loadTemplate } from "./load-project.js";
import type { CliIO } from "./main.js";
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
  const config = loadConfig(io.cwd);
  const templates = config.templates.map((ref) => loadTemplate(ref, io.cwd));
  const forced =
    values.template === undefined
      ? undefined
      : loadTemplate(values.template, io.cwd);
  const [defaultTemplate] = loadBuiltinTemplates() as [
    (typeof templates)[number],
  ];
  const engine = createEngine(
    config,
    forced ? [forced, ...templates] : templates,
    defaultTemplate,
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
  const reports: DocReport[] = files.map((file) =>
    checkDesignDoc(
      relative(io.cwd, file).split("\\").join("/"),
      readFileSync(file, "utf8"),
      engine,
    ),
  );
  const render = {
    text: () => renderText(reports, { color: io.isTTY }),
    markdown: () => `${renderChecklist(reports)}\n`,
    json: () => renderJson(reports),
  };
  io.stdout.write(render[format]());
  return reports.some((report) => report.outcome === "failure") ? 1 : 0;
}

/** Files for paths, directories (every .md under them) and globs, each file once, sorted. */
async function findDocs(
  patterns: readonly string[],
  cwd: string,
): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    if (existsSync(path) && statSync(path).isFile()) {
      found.add(path);
      continue;
    }
    const isDirectory = existsSync(path) && statSync(path).isDirectory();
    const matches = await glob(
      isDirectory ? `${pattern.replace(/\/+$/u, "")}/**/*.md` : pattern,
      {
        cwd,
        absolute: true,
        onlyFiles: true,
      },
    );
    matches.forEach((match) => found.add(match));
  }
  return [...found].sort();
}
