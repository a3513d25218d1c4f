import { mergeConfigs } from "../config/merge-configs.js";
import {
  CONFIG_PATH,
  parseConfig,
  type Config,
  type ConfigError,
} from "../config/parse-config.js";
import { readConfigText } from "../config/read-config-text.js";
import { isRecord } from "../config/read-values.js";
import { neutralize } from "../report/neutralize.js";
import {
  BUILTIN_TEMPLATE_IDS,
  defaultTemplate,
  loadBuiltinTemplates,
} from "../templates/builtin-templates.js";
import type { Template } from "../templates/types.js";
import type { ConfigFile, GitHubClient } from "../github/client.js";
import { statusLabelsOf, type StatusLabel } from "../config/status-labels.js";
import type { StatusDefinition } from "../validate/options.js";
import type { WorkerPool } from "../workers/worker-pool.js";
import { statusesOf } from "../validate/options.js";
import { repoVocabulary } from "../validate/vocabulary-for.js";

/** The repo's config, and everything wrong with it. */
export interface LoadedConfig {
  config: Config;
  errors: ConfigError[];
  /** Markdown lines (already neutralised) on how the config was read, for the comment. */
  notes: string[];
  /** The files the config was read from, the repo's own (or its owner's) first. */
  sources: ConfigLocation[];
  /**
   * The templates the config names, read once when first asked for: the built-ins at no
   * cost, the repo's own from its default branch.
   */
  templates(): Promise<{ templates: Template[]; errors: ConfigError[] }>;
}

/**
 * Where a repo's config is read from: its own file's path, and what the token reads, every
 * repository the App is installed on or only the one it runs in (the Action's workflow
 * token), where another repository's file may be there unseen.
 */
export interface ConfigSource {
  path: string;
  reach: "installation" | "repository";
}

/** The App's: `.github/design-docs.yml`, read with the installation's token. */
export const APP_CONFIG_SOURCE: ConfigSource = {
  path: CONFIG_PATH,
  reach: "installation",
};

/** Reads the repo's config from its default branch, its templates when first needed. */
export async function loadRepoConfig(
  client: Pick<GitHubClient, "getConfigFile" | "getFile">,
  workers: WorkerPool,
  repo: { owner: string; repo: string },
  source: ConfigSource = APP_CONFIG_SOURCE,
): Promise<LoadedConfig> {
  const loaded = await readConfigChain(client, repo.owner, repo.repo, source);
  let templates: ReturnType<LoadedConfig["templates"]> | undefined;
  return {
    ...loaded,
    templates: () =>
      (templates ??= loadTemplates(loaded.config, client, workers)),
  };
}

/** The repo's Status vocabulary and the status labels made of it. */
export async function statusLabelsFor(
  loaded: LoadedConfig,
): Promise<{ vocabulary: StatusDefinition[]; statusLabels: StatusLabel[] }> {
  const { templates } = await loaded.templates();
  const vocabulary = vocabularyOf(loaded.config, templates);
  return {
    vocabulary,
    statusLabels: statusLabelsOf(
      vocabulary.map((status) => status.name),
      loaded.config.labels,
    ),
  };
}

/** Where a config file is: its repository, and its path there. */
export interface ConfigLocation {
  owner: string;
  repo: string;
  path: string;
}

/** How deep `_extends` may chain: a repo, its org's file and a few shared ones. */
const MAX_EXTENDS_DEPTH = 5;

// `_extends` as Probot reads it: `repo`, `owner/repo`, either with `:path.yml`.
const EXTENDS =
  /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]+)(?::([-_./\w]+\.ya?ml))?$/iu;

/**
 * Reads the repo's config from its default branch: its own `.github/design-docs.yml`, else
 * the one in the owner's `.github` repository, then every file it `_extends`, merged the
 * way mergeConfigs says. The owner's file is read beside the repo's, so a repo without a file
 * of its own, or one extending the owner's, costs no second round trip; its answer is dropped
 * when the repo's file is all there is. Keeps every error; a bad `_extends` (not a
 * repository, one the app cannot read, a loop) is an error of the config like any other.
 * With a token that reads this repository only (`reach: "repository"`), a file `_extends`
 * names elsewhere that cannot be read is a note instead: the files before it still count.
 * `source.path` is the repo's own file; the owner's is `.github/design-docs.yml` always.
 */
export async function readConfigChain(
  client: Pick<GitHubClient, "getConfigFile">,
  owner: string,
  repo: string,
  { path, reach }: ConfigSource = APP_CONFIG_SOURCE,
): Promise<{
  config: Config;
  errors: ConfigError[];
  notes: string[];
  /** The files the config was read from, the repo's own (or its owner's) first. */
  sources: ConfigLocation[];
}> {
  const read = configReader(client, owner, repo);
  const chain: { at: ConfigLocation; raw: unknown }[] = [];
  const errors: ConfigError[] = [];
  const notes: string[] = [];
  let { at, file } = await firstConfigFile(read, owner, repo, path);
  if (file.kind === "forbidden")
    errors.push({
      key: "(file)",
      message: `the app cannot read ${path}; it needs contents: read on this repository`,
    });
  while (file.kind === "file") {
    const text = readConfigText(file.text);
    if ("error" in text) {
      const own = at.owner === owner && at.repo === repo;
      errors.push(
        own
          ? text.error
          : {
              ...text.error,
              message: `${describeFile(at)}: ${text.error.message}`,
            },
      );
      break;
    }
    chain.push({ at, raw: text.raw });
    const extend = isRecord(text.raw) ? text.raw._extends : undefined;
    if (extend === undefined) break;
    const next = followExtends(
      extend,
      owner,
      chain.map((entry) => entry.at),
    );
    if ("problem" in next) {
      errors.push({ key: "_extends", message: next.problem });
      break;
    }
    at = next.at;
    file = await read(at);
    const elsewhere = at.owner !== owner || at.repo !== repo;
    if (file.kind !== "file" && reach === "repository" && elsewhere)
      notes.push(
        `${neutralize(path)} extends ${neutralize(describeFile(at))}, which this workflow's token cannot read (it reads this repository only): the settings before it are used without it. To use it, give the step a token that can read ${neutralize(`${at.owner}/${at.repo}`)} (the \`token\` input).`,
      );
    else if (file.kind !== "file")
      errors.push({
        key: "_extends",
        message: `${describeFile(at)} has no ${at.path} the app can read (the repository does not exist, the app is not installed on it, or the file is missing)`,
      });
  }
  const parsed = parseConfig(
    mergeConfigs(chain.map((entry) => entry.raw).reverse()),
    BUILTIN_TEMPLATE_IDS,
  );
  return {
    config: parsed.config,
    errors: [...errors, ...parsed.errors],
    notes,
    sources: chain.map((entry) => entry.at),
  };
}

/**
 * Reads config files. With the first read, the owner's `.github` file is asked for too, and
 * that answer serves every later read of it.
 */
function configReader(
  client: Pick<GitHubClient, "getConfigFile">,
  owner: string,
  repo: string,
): (at: ConfigLocation) => Promise<ConfigFile> {
  const ownerFile = { owner, repo: ".github", path: CONFIG_PATH };
  let ownerRead: Promise<ConfigFile> | undefined;
  const readOwners = () => {
    if (!ownerRead) {
      ownerRead = client.getConfigFile(owner, ".github", CONFIG_PATH);
      // Heard here too: a repo whose own file is all there is never asks for this answer.
      ownerRead.catch(() => undefined);
    }
    return ownerRead;
  };
  return (at) => {
    if (repo !== ".github" && sameFile(at, ownerFile)) return readOwners();
    const reading = client.getConfigFile(at.owner, at.repo, at.path);
    if (repo !== ".github") readOwners();
    return reading;
  };
}

/** The repo's own config file, else the one in the owner's `.github` repository. */
async function firstConfigFile(
  read: (at: ConfigLocation) => Promise<ConfigFile>,
  owner: string,
  repo: string,
  path: string,
): Promise<{ at: ConfigLocation; file: ConfigFile }> {
  const at = { owner, repo, path };
  const own = await read(at);
  if (own.kind !== "absent" || repo === ".github") return { at, file: own };
  const ownerAt = { owner, repo: ".github", path: CONFIG_PATH };
  return { at: ownerAt, file: await read(ownerAt) };
}

/** The file an `_extends` value names, or why it names none that can be read next. */
function followExtends(
  value: unknown,
  owner: string,
  chain: readonly ConfigLocation[],
): { at: ConfigLocation } | { problem: string } {
  const match = typeof value === "string" ? EXTENDS.exec(value) : null;
  if (!match)
    return {
      problem: `${JSON.stringify(value)} is not a repository: write .github, a repository name, or owner/name (optionally :path.yml)`,
    };
  const [, extendOwner, repo = "", path] = match;
  const at = { owner: extendOwner ?? owner, repo, path: path ?? CONFIG_PATH };
  if (chain.some((entry) => sameFile(entry, at)))
    return {
      problem: `the chain of files loops: ${[...chain, at].map(describeFile).join(" → ")}`,
    };
  if (chain.length >= MAX_EXTENDS_DEPTH)
    return {
      problem: `more than ${MAX_EXTENDS_DEPTH} files extend one another; shorten the chain`,
    };
  return { at };
}

/** Whether two locations name the same file (owner and repository names in any case). */
export function sameFile(a: ConfigLocation, b: ConfigLocation): boolean {
  return (
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.repo.toLowerCase() === b.repo.toLowerCase() &&
    a.path === b.path
  );
}

function describeFile(at: ConfigLocation): string {
  return `${at.owner}/${at.repo}${at.path === CONFIG_PATH ? "" : `:${at.path}`}`;
}

/**
 * The templates a config names: built-ins by id, the repo's own read from its default branch
 * (or from commit `ref`: a PR's proposal) and parsed by a worker (off the event loop, within
 * a time budget). A repo template that is missing, not UTF-8 text or cannot be parsed is a
 * config error.
 */
export async function loadTemplates(
  config: Config,
  client: Pick<GitHubClient, "getFile">,
  workers: WorkerPool,
  ref?: string,
): Promise<{ templates: Template[]; errors: ConfigError[] }> {
  const builtins = loadBuiltinTemplates();
  const errors: ConfigError[] = [];
  const templates = await Promise.all(
    config.templates.map(async (path) => {
      const builtin = builtins.find((template) => template.id === path);
      if (builtin) return builtin;
      const file = await client.getFile(path, ref);
      if (file?.text === undefined) {
        errors.push({
          key: "templates",
          message: file
            ? `"${path}" is not UTF-8 text; save it as UTF-8 Markdown`
            : `"${path}" is not a file ${ref === undefined ? "on the default branch" : "at the PR's head"}`,
        });
        return undefined;
      }
      const parsed = await workers.run("template", path, file.text);
      if (parsed.ok) return parsed.value;
      // The reason reads on from "The doc ": "is too complex to check in 20 s (…)".
      errors.push({ key: "templates", message: `"${path}" ${parsed.reason}` });
      return undefined;
    }),
  );
  return {
    templates: templates.filter((template) => template !== undefined),
    errors,
  };
}

/** The repo's Status vocabulary, least advanced first, for the templates its config names. */
export function vocabularyOf(
  config: Config,
  templates: readonly Template[],
): StatusDefinition[] {
  return repoVocabulary(templates, {
    statuses: config.statuses,
    defaultStatuses: statusesOf(defaultTemplate().statuses),
  });
}
