import { readFileSync } from "node:fs";
import { relative } from "node:path";
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
import { findDocs, toPosix } from "./find-docs.js";
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
