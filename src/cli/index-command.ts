import { readFileSync, statSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createEngine } from "../config/create-engine.js";
import {
  oversizeReason,
  readBlob,
  type ReadBlob,
} from "../github/read-docs.js";
import {
  checkIndexDoc,
  splitResults,
  type IndexResult,
} from "../index/check-doc.js";
import { finishIndex } from "../index/finish-index.js";
import { renderIndexHtml } from "../index/render-html.js";
import { renderIndexMarkdown } from "../index/render-markdown.js";
import type { DesignDocIndex } from "../index/types.js";
import { defaultTemplate } from "../templates/builtin-templates.js";
import { ownValue } from "../validate/own-value.js";
import { repoVocabulary } from "../validate/vocabulary-for.js";
import {
  createWorkerPool,
  DEFAULT_TIME_BUDGET_MS,
} from "../workers/worker-pool.js";
import type { CliIO } from "./cli-io.js";
import { findDocs, toPosix } from "./find-docs.js";
import { loadLocalConfig, loadTemplate } from "./load-project.js";
import { UsageError } from "./usage.js";
import type { GitHubTarget } from "./index-github.js";
import { writeWhole } from "./write-whole.js";

type Render = (index: DesignDocIndex, statusOrder: readonly string[]) => string;

/** Each `--format`, and how it renders the index. */
const RENDERERS: Readonly<Record<string, Render>> = {
  md: renderIndexMarkdown,
  json: (index) => `${JSON.stringify(index, null, 2)}\n`,
  html: renderIndexHtml,
};

/** The index built, how to order its Statuses, and the exit code once it is written. */
interface Built {
  index: DesignDocIndex;
  statusOrder: readonly string[];
  code: number;
}

/**
 * `design-docs index`: every design doc of the working tree, or of a repository or an org on
 * GitHub, checked by the same engine (in workers, within `PARSE_TIME_BUDGET_MS`), as
 * Markdown, JSON or a page. Exits 1 only when nothing could be read.
 */
export async function indexCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "md" },
      out: { type: "string" },
      repo: { type: "string" },
      org: { type: "string" },
      "include-archived": { type: "boolean", default: false },
      cache: { type: "string" },
    },
  });
  const render = ownValue(RENDERERS, values.format);
  if (!render)
    throw new UsageError(
      `--format must be one of ${Object.keys(RENDERERS).join(", ")}, not "${values.format}"`,
    );
  const timeBudgetMs = timeBudget(process.env.PARSE_TIME_BUDGET_MS);
  const target = gitHubTarget(values, positionals);
  const built = target
    ? await indexGitHub(target, values.cache, io, timeBudgetMs)
    : await indexWorkingTree(positionals, io, timeBudgetMs);
  if (typeof built === "number") return built;

  const text = render(built.index, built.statusOrder);
  if (values.out === undefined) io.stdout.write(text);
  else {
    try {
      writeWhole(resolve(io.cwd, values.out), text);
    } catch (error) {
      io.stderr.write(
        `design-docs: cannot write ${values.out}: ${(error as Error).message}\n`,
      );
      return 1;
    }
  }
  return built.code;
}

/** The working tree's docs: the config's `paths`, or the paths given. */
async function indexWorkingTree(
  positionals: readonly string[],
  io: CliIO,
  timeBudgetMs: number,
): Promise<Built | number> {
  const config = loadLocalConfig(io.cwd);
  const templates = config.templates.map((ref) => loadTemplate(ref, io.cwd));
  const engine = createEngine(config, templates, defaultTemplate(), io.today);
  const patterns = positionals.length > 0 ? positionals : config.paths;
  const files = await findDocs(patterns, io.cwd);
  if (files.length === 0 && positionals.length > 0) {
    io.stderr.write(`No design docs match ${patterns.join(", ")}\n`);
    return 2;
  }

  const source = basename(io.cwd);
  const workers = createWorkerPool({ timeBudgetMs });
  let results: IndexResult[];
  try {
    results = await Promise.all(
      files.map(({ file }) => {
        const path = toPosix(relative(io.cwd, file));
        return checkIndexDoc(
          readLocal(file, config.maxFileSize),
          { source, repo: null, path, url: null, proposed: null },
          config.maxFileSize,
          engine,
          workers,
        );
      }),
    );
  } finally {
    await workers.close();
  }
  const { docs, errors } = splitResults(results);
  return {
    index: finishIndex({ kind: "local", name: source }, docs, errors),
    statusOrder: repoVocabulary(templates, engine.options).map((s) => s.name),
    code: docs.length === 0 && errors.length > 0 ? 1 : 0,
  };
}

/**
 * The repository or org the options name, or undefined for the working tree; a mix of the
 * two, or an option that means nothing without the other, is a usage error.
 */
function gitHubTarget(
  values: {
    repo?: string | undefined;
    org?: string | undefined;
    "include-archived"?: boolean | undefined;
    cache?: string | undefined;
  },
  positionals: readonly string[],
): GitHubTarget | undefined {
  const { repo, org } = values;
  if (repo !== undefined && org !== undefined)
    throw new UsageError("give --repo or --org, not both");
  if (repo === undefined && org === undefined) {
    if (values["include-archived"])
      throw new UsageError("--include-archived goes with --org");
    if (values.cache !== undefined)
      throw new UsageError("--cache goes with --repo or --org");
    return undefined;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `paths are for the working tree; --repo and --org index what the config's "paths" name on GitHub`,
    );
  if (org !== undefined) {
    if (!NAME.test(org))
      throw new UsageError(
        `--org must be an organisation's login, not "${org}"`,
      );
    return {
      kind: "org",
      org,
      includeArchived: values["include-archived"] ?? false,
    };
  }
  if (values["include-archived"])
    throw new UsageError("--include-archived goes with --org");
  const [owner = "", name = "", ...rest] = (repo ?? "").split("/");
  // An owner's login as GitHub has allowed it over the years (an Enterprise Managed User's
  // `jdoe_acme` too): GitHub's 404 judges the rest.
  if (!REPO_PART.test(owner) || !REPO_PART.test(name) || rest.length > 0)
    throw new UsageError(`--repo must be OWNER/NAME, not "${repo}"`);
  return { kind: "repo", owner, name };
}

// An organisation's login: letters, digits and single hyphens, not at either end.
const NAME = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/iu;
const REPO_PART = /^[\w.-]+$/u;

/** The index of a repository or an org on GitHub, with the token the environment holds. */
async function indexGitHub(
  target: GitHubTarget,
  cache: string | undefined,
  io: CliIO,
  timeBudgetMs: number,
): Promise<Built | number> {
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      "--repo and --org read GitHub's API: set GITHUB_TOKEN or GH_TOKEN to a token that can read the repositories",
    );
  // Octokit and the API's reads load only here: an index of the working tree does without.
  const { indexFromGitHub } = await import("./index-github.js");
  const result = await indexFromGitHub(target, {
    token,
    baseUrl: (process.env.GITHUB_API_URL || "https://api.github.com").replace(
      /\/+$/u,
      "",
    ),
    cacheDir: cache === undefined ? undefined : resolve(io.cwd, cache),
    today: io.today,
    timeBudgetMs,
    progress: (line) => io.stderr.write(`design-docs index: ${line}\n`),
  });
  if ("failure" in result) {
    io.stderr.write(`design-docs: ${result.failure}\n`);
    return 1;
  }
  return {
    index: result.index,
    statusOrder: result.statusOrder,
    code: result.nothingRead ? 1 : 0,
  };
}

/** A file's bytes as a blob would give them; a file over the limit is not read at all. */
function readLocal(file: string, maxFileSize: number): ReadBlob {
  const size = statSync(file).size;
  const oversize = oversizeReason(size, maxFileSize);
  if (oversize) return { kind: "unreadable", size, reason: oversize };
  const bytes = readFileSync(file);
  return readBlob({ size: bytes.length, bytes });
}

/** `PARSE_TIME_BUDGET_MS` as the server reads it: whole milliseconds, 100 to 60000. */
function timeBudget(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIME_BUDGET_MS;
  const value = Number(raw);
  if (!/^\d+$/u.test(raw) || value < 100 || value > 60_000)
    throw new UsageError(
      `PARSE_TIME_BUDGET_MS must be a whole number from 100 to 60000, not "${raw}"`,
    );
  return value;
}
