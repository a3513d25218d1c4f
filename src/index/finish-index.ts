import {
  INDEX_SCHEMA_VERSION,
  type DesignDocIndex,
  type IndexedDoc,
  type IndexError,
} from "./types.js";
import { resolveLinks } from "./resolve-links.js";

/**
 * The index of every doc read: in the schema's order (repo, path, then the default branch's
 * doc before the PRs proposing it, by PR number). The one step that sees all docs at once,
 * where links between them are resolved.
 */
export function finishIndex(
  scope: DesignDocIndex["scope"],
  docs: readonly IndexedDoc[],
  errors: readonly IndexError[],
): DesignDocIndex {
  return {
    schemaVersion: INDEX_SCHEMA_VERSION,
    scope,
    docs: resolveLinks([...docs].sort(compareDocs)),
    errors: [...errors],
  };
}

function compareDocs(a: IndexedDoc, b: IndexedDoc): number {
  return (
    compareText(a.repo ?? "", b.repo ?? "") ||
    compareText(a.path, b.path) ||
    (a.proposed?.pr ?? 0) - (b.proposed?.pr ?? 0)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
