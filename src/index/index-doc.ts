import { isFinding } from "../validate/validate.js";
import type { DescribedDoc } from "../workers/describe-doc.js";
import type { IndexedDoc } from "./types.js";

/** Where a doc was read: its repository, path and page, and the PR proposing it, if any. */
export type DocPlace = Pick<IndexedDoc, "repo" | "path" | "url" | "proposed">;

/**
 * The index's entry for a checked doc: the one place an entry is made, for the working tree,
 * a repository and a PR alike. Links are resolved over the whole index afterwards
 * (finish-index.ts); `findings` counts the report's unmet requirements until then.
 */
export function indexDoc(described: DescribedDoc, place: DocPlace): IndexedDoc {
  const { report } = described;
  return {
    repo: place.repo,
    path: place.path,
    url: place.url,
    title: described.title ?? place.path,
    status: {
      raw: report.status.raw ?? null,
      normalised: report.status.value ?? null,
    },
    owner: described.owner ?? null,
    created: described.created ?? null,
    template: report.template?.id ?? null,
    findings: report.checks.filter(isFinding).length,
    links: report.links.map((link) => ({ ...link, resolved: null })),
    linkFindings: [],
    proposed: place.proposed,
  };
}
