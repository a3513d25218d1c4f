import picomatch from "picomatch";
import type { WorkerPool } from "../workers/worker-pool.js";
import type { Config } from "../config/parse-config.js";
import { createEngine } from "../config/create-engine.js";
import type {
  ChangedFile,
  GitHubClient,
  PullRequestState,
} from "../github/client.js";
import type { RunContext } from "./run-context.js";
import {
  oversizeReason,
  readBlob,
  type DocCache,
  type ReadBlob,
} from "../github/read-docs.js";
import { defaultTemplate } from "../templates/builtin-templates.js";
import type { Template } from "../templates/types.js";
import {
  relaxReport,
  unreadableDocReport,
  type DocReport,
  type Engine,
} from "../validate/check-design-doc.js";

/** A design doc the PR changes, at the head read. */
export type DocFile = ChangedFile & { sha: string };

/** The files that are design docs under the config's globs, removed ones left out. */
export function selectDocs(
  files: readonly ChangedFile[],
  paths: readonly string[],
): DocFile[] {
  const isDoc = picomatch([...paths], { dot: true });
  return files.filter(
    (file): file is DocFile => file.sha !== undefined && isDoc(file.path),
  );
}

/** A doc's blob, from the cache when its sha was read before, else fetched and decoded. */
export async function readDoc(
  client: GitHubClient,
  cache: DocCache,
  sha: string,
  maxFileSize: number,
): Promise<ReadBlob> {
  const cached = cache.get(sha);
  if (cached) return cached;
  const blob = await client.getBlob(sha);
  const oversize = oversizeReason(blob.size, maxFileSize);
  // Not cached: another repo may allow larger docs.
  if (oversize)
    return { kind: "unreadable", size: blob.size, reason: oversize };
  const read = readBlob(blob);
  cache.set(sha, read);
  return read;
}

/** The report for a doc read from its blob, checked by a worker within its time budget. */
export async function reportOf(
  path: string,
  read: ReadBlob,
  config: Config,
  engine: Engine,
  workers: WorkerPool,
): Promise<DocReport> {
  const oversize = oversizeReason(read.size, config.maxFileSize);
  if (oversize) return unreadableDocReport(path, oversize);
  if (read.kind === "unreadable") return unreadableDocReport(path, read.reason);
  const checked = await workers.run("check", path, read.text, engine);
  return checked.ok
    ? checked.value
    : unreadableDocReport(path, `The doc ${checked.reason}`);
}

/**
 * Each doc's report: its blob read and, as soon as it is there (and the templates are), checked
 * by a worker, so the first docs are checked while the last blobs are still on their way.
 */
export function checkDocs(
  run: Pick<RunContext, "client" | "cache" | "workers" | "today">,
  config: Config,
  templates: Promise<Template[]>,
  docs: readonly DocFile[],
): Promise<DocReport[]> {
  if (docs.length === 0) return Promise.resolve([]);
  const engine = templates.then((list) =>
    createEngine(config, list, defaultTemplate(), run.today),
  );
  return Promise.all(
    docs.map(async (doc) => {
      const [read, ready] = await Promise.all([
        readDoc(run.client, run.cache, doc.sha, config.maxFileSize),
        engine,
      ]);
      return reportOf(doc.path, read, config, ready, run.workers);
    }),
  );
}

/** The reports as the PR shows them: on a draft PR with `drafts: wip`, relaxed. */
export function reportsOn(
  pr: PullRequestState,
  config: Config,
  reports: readonly DocReport[],
): DocReport[] {
  return pr.draft && config.drafts === "wip"
    ? reports.map(relaxReport)
    : [...reports];
}
