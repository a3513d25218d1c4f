import type { TemplateMapping } from "../templates/choose-template.js";
import { statusesOf, type StatusDefinition } from "../validate/options.js";

/** Where the repo config lives, on the repo's default branch. */
export const CONFIG_PATH = ".github/design-docs.yml";

/** The repo's settings, every key filled in. */
export interface Config {
  /** Globs of the docs to check. */
  paths: string[];
  /** The templates a doc may follow: built-in ids, or `.md` paths of the repo's own templates. */
  templates: string[];
  /** Templates tied to doc paths. */
  mappings: TemplateMapping[];
  aliases: Record<string, string[]>;
  optionalSections: string[];
  /** The repo's own Status vocabulary; undefined keeps each template's. */
  statuses: StatusDefinition[] | undefined;
}

/** A key of the config file and what is wrong with it. */
export interface ConfigError {
  key: string;
  message: string;
}

const DEFAULT_PATHS = ["docs/design/**/*.md"];
const KEYS = ["paths", "templates", "aliases", "optionalSections", "statuses"];

/**
 * Reads a parsed `.github/design-docs.yml` into a `Config`. Collects every error rather than
 * stopping at the first, and fills what is missing or wrong with the default.
 */
export function parseConfig(
  raw: unknown,
  builtinTemplates: readonly string[],
): { config: Config; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const fail = (key: string, message: string): undefined => {
    errors.push({ key, message });
    return undefined;
  };
  const data = raw === null || raw === undefined ? {} : raw;
  if (!isRecord(data)) {
    fail("(root)", "the file must be a mapping of keys to values");
    return { config: parseConfig({}, builtinTemplates).config, errors };
  }
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key))
      fail(key, `unknown key; known keys are ${KEYS.join(", ")}`);
  }
  const templates = readTemplates(data.templates, builtinTemplates, fail);
  const config: Config = {
    paths: readStrings(data.paths, "paths", fail) ?? DEFAULT_PATHS,
    templates: templates?.templates ?? [...builtinTemplates],
    mappings: templates?.mappings ?? [],
    aliases: readAliases(data.aliases, fail) ?? {},
    optionalSections:
      readStrings(data.optionalSections, "optionalSections", fail) ?? [],
    statuses: readStatuses(data.statuses, fail),
  };
  return { config, errors };
}

type Fail = (key: string, message: string) => undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readStrings(
  value: unknown,
  key: string,
  fail: Fail,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && value !== "") return [value];
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === "string" && item !== "")
  ) {
    return value as string[];
  }
  return fail(key, "must be a non-empty string or a list of them");
}

function readTemplates(
  value: unknown,
  builtins: readonly string[],
  fail: Fail,
): { templates: string[]; mappings: TemplateMapping[] } | undefined {
  if (value === undefined) return undefined;
  const checkRef = (ref: string, key: string): boolean => {
    if (builtins.includes(ref) || ref.endsWith(".md")) return true;
    fail(
      key,
      `"${ref}" is neither a built-in template (${builtins.join(", ")}) nor a .md file in the repo`,
    );
    return false;
  };
  if (isRecord(value)) {
    const mappings: TemplateMapping[] = [];
    for (const [pattern, ref] of Object.entries(value)) {
      if (typeof ref !== "string")
        fail(`templates.${pattern}`, "must name one template");
      else if (checkRef(ref, `templates.${pattern}`))
        mappings.push({ pattern, template: ref });
    }
    return {
      templates: [...new Set(mappings.map((mapping) => mapping.template))],
      mappings,
    };
  }
  const refs = readStrings(value, "templates", fail);
  return (
    refs && {
      templates: refs.filter((ref) => checkRef(ref, "templates")),
      mappings: [],
    }
  );
}

function readAliases(
  value: unknown,
  fail: Fail,
): Record<string, string[]> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value))
    return fail(
      "aliases",
      "must map a template heading to the other names it may have",
    );
  const aliases: Record<string, string[]> = {};
  for (const [heading, names] of Object.entries(value)) {
    const list = readStrings(names, `aliases.${heading}`, fail);
    if (list)
      Object.defineProperty(aliases, heading, {
        value: list,
        enumerable: true,
      });
  }
  return aliases;
}

function readStatuses(
  value: unknown,
  fail: Fail,
): StatusDefinition[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const names = readStrings(value, "statuses", fail);
    return names && statusesOf(names);
  }
  if (!isRecord(value) || Object.keys(value).length === 0) {
    return fail(
      "statuses",
      "must list the statuses, least advanced first, or map each to its settings",
    );
  }
  return Object.entries(value).map(([name, settings]) => {
    const [defaults] = statusesOf([name]) as [StatusDefinition];
    if (settings === null || settings === undefined) return defaults;
    if (!isRecord(settings)) {
      fail(`statuses.${name}`, "must be a mapping with aliases and strict");
      return defaults;
    }
    for (const key of Object.keys(settings)) {
      if (key !== "aliases" && key !== "strict")
        fail(
          `statuses.${name}.${key}`,
          "unknown key; known keys are aliases, strict",
        );
    }
    const aliases =
      readStrings(settings.aliases, `statuses.${name}.aliases`, fail) ??
      defaults.aliases;
    if (settings.strict !== undefined && typeof settings.strict !== "boolean") {
      fail(`statuses.${name}.strict`, "must be true or false");
    }
    const strict =
      typeof settings.strict === "boolean" ? settings.strict : defaults.strict;
    return { name, aliases, strict };
  });
}
