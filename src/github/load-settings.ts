import type { TaskResult } from "../check/doc-checker.js";
import {
  parseConfig,
  type Config,
  type ConfigError,
} from "../config/parse-config.js";
import {
  BUILTIN_TEMPLATE_IDS,
  loadBuiltinTemplates,
} from "../templates/builtin-templates.js";
import type { Template } from "../templates/types.js";

/** The config file's name under `.github/`, as Probot's `context.config` takes it. */
export const CONFIG_FILE_NAME = "design-docs.yml";

/** A repo's settings: the config, the templates it names, and everything wrong with either. */
export interface Settings {
  config: Config;
  templates: Template[];
  errors: ConfigError[];
}

/**
 * Reads the config (through `readConfig`, which is Probot's `context.config`: the default
 * branch, then the org's `.github` repo) and parses it, keeping every error.
 */
export async function loadConfig(
  readConfig: () => Promise<unknown>,
): Promise<{ config: Config; errors: ConfigError[] }> {
  let raw: unknown;
  try {
    raw = await readConfig();
  } catch (error) {
    if (!isParseError(error)) throw error;
    const { config } = parseConfig({}, BUILTIN_TEMPLATE_IDS);
    const cause = error.cause instanceof Error ? error.cause.message : "";
    return {
      config,
      errors: [
        {
          key: "(file)",
          message: cause
            ? `not valid YAML: ${cause.split("\n")[0] ?? cause}`
            : "the file must be a mapping of keys to values",
        },
      ],
    };
  }
  return parseConfig(raw, BUILTIN_TEMPLATE_IDS);
}

/** Probot's config plugin says "could not be parsed" for YAML it cannot read. */
function isParseError(error: unknown): error is Error {
  return error instanceof Error && /could not be parsed/u.test(error.message);
}

/**
 * The templates a config names: built-ins by id, the repo's own read from its default branch
 * through `getFile` and parsed by `parse` (off the event loop, within a time budget). A repo
 * template that is missing or cannot be parsed is a config error.
 */
export async function loadTemplates(
  config: Config,
  getFile: (path: string) => Promise<string | undefined>,
  parse: (ref: string, source: string) => Promise<TaskResult<Template>>,
): Promise<{ templates: Template[]; errors: ConfigError[] }> {
  const builtins = loadBuiltinTemplates();
  const errors: ConfigError[] = [];
  const templates = await Promise.all(
    config.templates.map(async (ref) => {
      const builtin = builtins.find((template) => template.id === ref);
      if (builtin) return builtin;
      const source = await getFile(ref);
      if (source === undefined) {
        errors.push({
          key: "templates",
          message: `"${ref}" is not a file on the default branch`,
        });
        return undefined;
      }
      const parsed = await parse(ref, source);
      if (parsed.ok) return parsed.value;
      // The reason reads on from "The doc ": "is too complex to check in 2 s".
      errors.push({ key: "templates", message: `"${ref}" ${parsed.reason}` });
      return undefined;
    }),
  );
  return {
    templates: templates.filter((template) => template !== undefined),
    errors,
  };
}
