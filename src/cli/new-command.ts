import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  defaultTemplate,
  readBuiltinTemplateSource,
} from "../templates/builtin-templates.js";
import type { CliIO } from "./cli-io.js";
import { createDoc } from "./create-doc.js";
import { statusesOf } from "../validate/options.js";
import { vocabularyFor } from "../validate/vocabulary-for.js";
import { loadLocalConfig, loadTemplate } from "./load-project.js";
import { UsageError } from "./usage.js";

/** `design-docs new`: writes a fresh doc from a template. Returns the exit code. */
export async function newCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: "string", default: "design-doc" },
      force: { type: "boolean", default: false },
    },
  });
  const [target, ...extra] = positionals;
  if (!target || extra.length > 0)
    throw new UsageError("new takes exactly one path, the doc to write");
  if (!target.toLowerCase().endsWith(".md"))
    throw new UsageError(
      `${target} is not a Markdown file; a design doc's name ends in .md`,
    );
  const file = resolve(io.cwd, target);
  if (existsSync(file) && !values.force)
    throw new UsageError(
      `${target} already exists; pass --force to overwrite it`,
    );
  const template = loadTemplate(values.template, io.cwd);
  const source =
    template.origin === "built-in"
      ? readBuiltinTemplateSource(template.id)
      : readFileSync(resolve(io.cwd, template.id), "utf8");
  // The doc starts at the least advanced status of the vocabulary `check` will read it by.
  const [first] = vocabularyFor(template, {
    statuses: loadLocalConfig(io.cwd).statuses,
    defaultStatuses: statusesOf(defaultTemplate().statuses),
  });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, createDoc(source, io.today, first?.name ?? "WIP"));
  io.stdout.write(`Wrote ${target} from template ${template.id}\n`);
  return 0;
}
