import { oversizeReason, type ReadBlob } from "../github/read-docs.js";
import type { Engine } from "../validate/check-design-doc.js";
import type { WorkerPool } from "../workers/worker-pool.js";
import { indexDoc, type DocPlace } from "./index-doc.js";
import type { IndexedDoc, IndexError } from "./types.js";

/** A doc's entry, or the error that takes its place. */
export type IndexResult = { doc: IndexedDoc } | { error: IndexError };

/** The entries and the errors of checked docs, each in the docs' order. */
export function splitResults(results: readonly IndexResult[]): {
  docs: IndexedDoc[];
  errors: IndexError[];
} {
  const docs: IndexedDoc[] = [];
  const errors: IndexError[] = [];
  for (const result of results)
    if ("doc" in result) docs.push(result.doc);
    else errors.push(result.error);
  return { docs, errors };
}

/**
 * Checks a doc read from a file or a blob in a worker, within its time budget. A doc too
 * large, not text, or too complex to check is an error of the index, and the run goes on.
 */
export async function checkIndexDoc(
  read: ReadBlob,
  place: DocPlace & { source: string },
  maxFileSize: number,
  engine: Engine,
  workers: WorkerPool,
): Promise<IndexResult> {
  const error = (message: string): IndexResult => ({
    error: { repo: place.source, path: place.path, message },
  });
  const oversize = oversizeReason(read.size, maxFileSize);
  if (oversize) return error(oversize);
  if (read.kind === "unreadable") return error(read.reason);
  const checked = await workers.run("describe", place.path, read.text, engine);
  if (!checked.ok) return error(`The doc ${checked.reason}`);
  return { doc: indexDoc(checked.value, place) };
}
