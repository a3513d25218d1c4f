import type { TemplateMapping } from "../validate/choose-template.js";
import type { StatusDefinition } from "../validate/options.js";
import { readMerge, type MergeRule } from "./merge-rule.js";
import { readStatuses, type LabelStyle } from "./read-statuses.js";
import type { Setter, StatusRule } from "./status-rules.js";
import {
  rejectUnknownKeys,
  isRecord,
  readBoolean,
  readChoice,
  readStrings,
  type Fail,
} from "./read-values.js";

// Its own module, so `design-docs --help` can name it without loading the config reader.
export { CONFIG_PATH } from "./config-path.js";

/** When the checklist comment is posted. */
type CommentMode = "always" | "on-failure";
/** What happens to draft PRs: checked as usual, skipped, or checked as if every doc were WIP. */
type DraftMode = "check" | "skip" | "wip";
/** `live` writes comments, labels and check runs; `dry-run` only a neutral check run. */
type RunMode = "live" | "dry-run";

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
  /** Label name, colour and description given per status; the rest default. */
  labels: Record<string, Partial<LabelStyle>>;
  /** Who may set each status the config restricts; the rest follow `DEFAULT_STATUS_RULE`. */
  rules: Record<string, StatusRule>;
  /** Whose reviews are requested when a doc reaches each status named here. */
  reviewers: Record<string, Setter[]>;
  /** false: no check run; true: on PRs with design docs; "always": on every PR. */
  checkRun: boolean | "always";
  /** Whether an edit after a status was set by label takes that approval away. */
  dismissStaleApprovals: boolean;
  comment: CommentMode;
  drafts: DraftMode;
  /** Docs larger than this many bytes are not read. */
  maxFileSize: number;
  mode: RunMode;
  /** The statuses a changed doc may be merged in; undefined: any. */
  merge: MergeRule | undefined;
}

/** A key of the config file and what is wrong with it. */
export interface ConfigError {
  key: string;
  message: string;
}

const DEFAULT_PATHS = ["docs/design/**/*.md"];
/**
 * The default `maxFileSize`: 256 KB admits the longest public design doc we know (142 KB) with
 * room, and keeps every shape `bench/size-budget.js` builds at this size within half of the
 * default time budget, except blockquote-heavy docs (micromark is super-linear on those).
 * GitHub's blob API serves files up to 100 MB.
 */
export const DEFAULT_MAX_FILE_SIZE = 256 * 1024;
const MAX_FILE_SIZE_CEILING = 100 * 1024 * 1024;
const KEYS = [
  "paths",
  "templates",
  "aliases",
  "optionalSections",
  "statuses",
  "checkRun",
  "dismissStaleApprovals",
  "comment",
  "drafts",
  "maxFileSize",
  "mode",
  "merge",
  "_extends",
];

/**
 * Reads a parsed `.github/design-docs.yml` into a `Config`. Collects every error rather than
 * stopping at the first, and fills what is missing or wrong with the default.
 */
export function parseConfig(
  raw: unknown,
  builtinTemplates: readonly string[],
): { config: Config; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const fail: Fail = (key, message) => {
    errors.push({ key, message });
    return undefined;
  };
  const data = raw === null || raw === undefined ? {} : raw;
  if (!isRecord(data)) {
    fail("(root)", "the file must be a mapping of keys to values");
    return { config: parseConfig({}, builtinTemplates).config, errors };
  }
  rejectUnknownKeys(data, KEYS, "", fail);
  const templates = readTemplates(data.templates, builtinTemplates, fail);
  const paths = readStrings(data.paths, "paths", fail) ?? DEFAULT_PATHS;
  const aliases = readAliases(data.aliases, fail) ?? {};
  const optionalSections =
    readStrings(data.optionalSections, "optionalSections", fail) ?? [];
  const config: Config = {
    paths,
    templates: templates?.templates ?? [...builtinTemplates],
    mappings: templates?.mappings ?? [],
    aliases,
    optionalSections,
    ...readStatuses(data.statuses, fail),
    checkRun: readCheckRun(data.checkRun, fail),
    dismissStaleApprovals:
      readBoolean(data.dismissStaleApprovals, "dismissStaleApprovals", fail) ??
      false,
    comment:
      readChoice(data.comment, "comment", ["always", "on-failure"], fail) ??
      "always",
    drafts:
      readChoice(data.drafts, "drafts", ["check", "skip", "wip"], fail) ??
      "check",
    maxFileSize: readMaxFileSize(data.maxFileSize, fail),
    mode: readChoice(data.mode, "mode", ["live", "dry-run"], fail) ?? "live",
    merge: readMerge(data.merge, fail),
  };
  return { config, errors };
}

function readCheckRun(value: unknown, fail: Fail): boolean | "always" {
  if (value === undefined) return true;
  if (typeof value === "boolean" || value === "always") return value;
  fail("checkRun", 'must be true, false or "always"');
  return true;
}

function readMaxFileSize(value: unknown, fail: Fail): number {
  if (value === undefined) return DEFAULT_MAX_FILE_SIZE;
  if (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value > 0 &&
    value <= MAX_FILE_SIZE_CEILING
  ) {
    return value;
  }
  fail("maxFileSize", "must be a whole number of bytes from 1 to 104857600");
  return DEFAULT_MAX_FILE_SIZE;
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
