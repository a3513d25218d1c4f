import { readFileSync, statSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createEngine } from "../config/create-engine.js";
import {
  oversizeReason,
  readBlob,
  type ReadBlob,
} from "../github/read-docs.js";
import { checkIndexDoc, type IndexResult } from "../index/check-doc.js";
import { finishIndex } from "../index/finish-index.js";
import { renderIndexHtml } from "../index/render-html.js";
import { renderIndexMarkdown } from "../index/render-markdown.js";
import type { DesignDocIndex, IndexedDoc, IndexError } from "../index/types.js";
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
import { writeWhole } from "./write-whole.js";

type Render = (index: DesignDocIndex, statusOrder: readonly string[]) => string;

/** Each `--format`, and how it renders the index. */
const RENDERERS: Readonly<Record<string, Render>> = {
  md: renderIndexMarkdown,
  json: (index) => `${JSON.stringify(index, null, 2)}\n`,
  html: renderIndexHtml,
};

/**
 * `design-docs index`: every design doc of the working tree, checked by the same engine (in
 * workers, within `PARSE_TIME_BUDGET_MS`), as Markdown or JSON. Exits 1 only when there were
 * docs and none could be read.
 */
export async function indexCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "md" },
      out: { type: "string" },
    },
  });
  const render = ownValue(RENDERERS, values.format);
  if (!render)
    throw new UsageError(
      `--format must be one of ${Object.keys(RENDERERS).join(", ")}, not "${values.format}"`,
    );
  const timeBudgetMs = timeBudget(process.env.PARSE_TIME_BUDGET_MS);
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
  const docs: IndexedDoc[] = [];
  const errors: IndexError[] = [];
  for (const result of results)
    if ("doc" in result) docs.push(result.doc);
    else errors.push(result.error);
  const index = finishIndex({ kind: "local", name: source }, docs, errors);
  const order = repoVocabulary(templates, engine.options).map((s) => s.name);
  const text = render(index, order);

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
  return docs.length === 0 && errors.length > 0 ? 1 : 0;
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
