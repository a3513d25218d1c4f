import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  CONFIG_PATH,
  parseConfig,
  type Config,
} from "../config/parse-config.js";
import { readConfigText } from "../config/read-config-text.js";
import {
  BUILTIN_TEMPLATE_IDS,
  loadBuiltinTemplates,
} from "../templates/builtin-templates.js";
import { parseTemplate } from "../templates/parse-template.js";
import type { Template } from "../templates/types.js";
import { UsageError } from "./usage.js";

/**
 * Reads `.github/design-docs.yml` from the working directory, when there is one, with the
 * App's own reader: a file means the same on the command line as on a pull request.
 */
export function loadLocalConfig(cwd: string): Config {
  const file = resolve(cwd, CONFIG_PATH);
  let raw: unknown;
  if (existsSync(file)) {
    const read = readConfigText(readFileSync(file, "utf8"));
    // Its error is about the whole file, which the line already names.
    if ("error" in read)
      throw new UsageError(`${CONFIG_PATH}: ${read.error.message}`);
    raw = read.raw;
  }
  const { config, errors } = parseConfig(raw, BUILTIN_TEMPLATE_IDS);
  if (errors.length > 0) {
    throw new UsageError(
      errors
        .map((error) => `${CONFIG_PATH}: ${error.key}: ${error.message}`)
        .join("\n"),
    );
  }
  return config;
}

/** A built-in template by id, or a template file read from disk (its path is its id). */
export function loadTemplate(ref: string, cwd: string): Template {
  const builtin = loadBuiltinTemplates().find(
    (template) => template.id === ref,
  );
  if (builtin) return builtin;
  const file = resolve(cwd, ref);
  if (!existsSync(file)) {
    throw new UsageError(
      `template "${ref}" is neither a built-in template (${BUILTIN_TEMPLATE_IDS.join(", ")}) nor a file`,
    );
  }
  return parseTemplate(ref, readFileSync(file, "utf8"), ref);
}
