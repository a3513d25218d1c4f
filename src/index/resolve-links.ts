import { normalizeText } from "../markdown/plain-text.js";
import {
  DEFAULT_LINK_STATUSES,
  judgeLink,
  type LinkOutcome,
  type LinkStatuses,
} from "../validate/judge-link.js";
import { parseLinkTarget, resolvePath } from "../validate/link-target.js";
import type { DocLinkRef } from "../validate/types.js";
import { findSupersedesCycles } from "./find-supersedes-cycles.js";
import { nameDoc } from "./name-doc.js";
import type { DocRef, IndexedDoc } from "./types.js";

/** How links are judged. */
export interface ResolveLinksOptions {
  /** Which normalised statuses the findings are about; the default vocabulary's otherwise. */
  statuses?: LinkStatuses;
}

/** Where one link led: the entry it names, if one, and what to say about it. */
interface Resolution {
  /** The index of the entry in `docs`. */
  target: number | undefined;
  outcome: LinkOutcome;
}

/** How many docs an ambiguous title's finding names before "and N more". */
const MAX_NAMED = 3;

/**
 * Resolves every link of the index to the entry it names, and says what is wrong with them.
 * Each entry comes in with its links unresolved, no link findings, and `findings` counting the
 * checklist's unmet requirements; it comes back with each link's `resolved` set (null when it
 * names no doc, or several), `linkFindings` one sentence per problem, and `findings` counting
 * those too. A relative path is read from the doc's folder in its own repository (`/` from the
 * root), a GitHub URL on any host names that repository's entry, and a title matches however
 * cased or punctuated, in the doc's own repository first; a doc on the default branch is chosen
 * before the PRs proposing it. Pure: the same entries, in any order, give the same answers.
 */
export function resolveLinks(
  docs: readonly IndexedDoc[],
  options: ResolveLinksOptions = {},
): IndexedDoc[] {
  const statuses = options.statuses ?? DEFAULT_LINK_STATUSES;
  const lookup = indexDocs(docs);
  const resolutions = docs.map((doc) =>
    doc.links.map((link) => resolveLink(doc, link, lookup)),
  );
  const cycles = findSupersedesCycles(docs, resolutions);
  return docs.map((doc, index) => {
    const resolved = resolutions[index] ?? [];
    const linkFindings = doc.links.flatMap((link, at) => {
      const outcome = resolved[at]?.outcome;
      const finding =
        outcome && judgeLink(doc.status.normalised, link, outcome, statuses);
      return finding ? [finding] : [];
    });
    const cycle = cycles.get(index);
    if (cycle) linkFindings.push(cycle);
    return {
      ...doc,
      links: doc.links.map((link, at) => ({
        kind: link.kind,
        target: link.target,
        resolved: refOf(docs, resolved[at]?.target),
      })),
      linkFindings,
      findings: doc.findings + linkFindings.length,
    };
  });
}

/** The entries by repository and path, and by normalised title, each in preference order. */
interface Lookup {
  docs: readonly IndexedDoc[];
  byPath: Map<string, number[]>;
  byTitle: Map<string, number[]>;
}

function indexDocs(docs: readonly IndexedDoc[]): Lookup {
  const byPath = new Map<string, number[]>();
  const byTitle = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  docs.forEach((doc, index) => {
    add(byPath, pathKey(doc.repo, doc.path), index);
    add(byTitle, normalizeText(doc.title), index);
  });
  return { docs, byPath, byTitle };
}

function resolveLink(
  doc: IndexedDoc,
  link: DocLinkRef,
  lookup: Lookup,
): Resolution {
  const target = parseLinkTarget(link.target);
  switch (target.kind) {
    case "path": {
      const path = resolvePath(doc.path, target.path);
      if (path === undefined)
        return missing("the path leads out of the repository");
      const found = preferred(
        doc,
        lookup.byPath.get(pathKey(doc.repo, path)) ?? [],
        lookup.docs,
      );
      return found === undefined
        ? missing(`the index has no doc at ${path}${inRepo(doc.repo)}`)
        : foundAt(doc, found, lookup.docs);
    }
    case "url": {
      const file = target.github;
      if (!file)
        return missing(
          "it is not the URL of a file on GitHub (https://<host>/<owner>/<repo>/blob/<ref>/<path>)",
        );
      const found = preferred(doc, matchUrl(file, lookup.docs), lookup.docs);
      return found === undefined
        ? missing(`the index has no doc of ${file.repo} at that path`)
        : foundAt(doc, found, lookup.docs);
    }
    case "title":
      return resolveTitle(doc, target.title, lookup);
  }
}

/**
 * A title names the doc that has it: one in the doc's own repository before others, one on a
 * default branch before one only proposed; several left are ambiguous.
 */
function resolveTitle(
  doc: IndexedDoc,
  title: string,
  lookup: Lookup,
): Resolution {
  const { docs } = lookup;
  const others = (lookup.byTitle.get(normalizeText(title)) ?? []).filter(
    (index) => !isSameFile(docs[index] as IndexedDoc, doc),
  );
  const files = groupByFile(others, docs);
  const sameRepo = files.filter((file) => file.repo === doc.repo);
  const near = sameRepo.length > 0 ? sameRepo : files;
  const onBranch = near.filter((file) =>
    file.versions.some((index) => docs[index]?.proposed === null),
  );
  const candidates = onBranch.length > 0 ? onBranch : near;
  const [only] = candidates;
  if (!only) return missing("no doc of the index has that title");
  if (candidates.length === 1)
    return foundAt(doc, preferred(doc, only.versions, docs) as number, docs);
  const names = candidates
    .map((file) => nameDoc(file, doc.repo))
    .sort((a, b) => a.localeCompare(b, "en"));
  const shown = names.slice(0, MAX_NAMED).join(", ");
  const more = names.length - MAX_NAMED;
  return {
    target: undefined,
    outcome: {
      kind: "ambiguous",
      reason: `${names.length} docs have that title (${shown}${more > 0 ? `, and ${more} more` : ""}); name one by its path`,
    },
  };
}

/** The entries of the URL's repository whose path ends the URL, the longest path first. */
function matchUrl(
  file: { repo: string; refAndPath: string },
  docs: readonly IndexedDoc[],
): number[] {
  const repo = file.repo.toLowerCase();
  const matches = docs.flatMap((doc, index) =>
    doc.repo?.toLowerCase() === repo && file.refAndPath.endsWith(`/${doc.path}`)
      ? [index]
      : [],
  );
  const longest = Math.max(
    0,
    ...matches.map((index) => docs[index]?.path.length ?? 0),
  );
  return matches.filter((index) => docs[index]?.path.length === longest);
}

/**
 * The version of one file a link means: the default branch's, else the one proposed by the
 * linking doc's own PR, else the lowest-numbered PR's.
 */
function preferred(
  from: IndexedDoc,
  versions: readonly number[],
  docs: readonly IndexedDoc[],
): number | undefined {
  const rank = (index: number): number => {
    const proposed = docs[index]?.proposed;
    if (!proposed) return -2;
    return proposed.pr === from.proposed?.pr ? -1 : proposed.pr;
  };
  return [...versions].sort((a, b) => rank(a) - rank(b) || a - b)[0];
}

function groupByFile(
  indexes: readonly number[],
  docs: readonly IndexedDoc[],
): (DocRef & { versions: number[] })[] {
  const files = new Map<string, DocRef & { versions: number[] }>();
  for (const index of indexes) {
    const doc = docs[index] as IndexedDoc;
    const key = pathKey(doc.repo, doc.path);
    const file = files.get(key);
    if (file) file.versions.push(index);
    else files.set(key, { repo: doc.repo, path: doc.path, versions: [index] });
  }
  return [...files.values()];
}

function foundAt(
  from: IndexedDoc,
  index: number,
  docs: readonly IndexedDoc[],
): Resolution {
  const doc = docs[index] as IndexedDoc;
  return {
    target: index,
    outcome: {
      kind: "found",
      name: nameDoc(doc, from.repo),
      status: doc.status.normalised,
    },
  };
}

function missing(reason: string): Resolution {
  return { target: undefined, outcome: { kind: "missing", reason } };
}

function refOf(
  docs: readonly IndexedDoc[],
  index: number | undefined,
): DocRef | null {
  const doc = index === undefined ? undefined : docs[index];
  return doc ? { repo: doc.repo, path: doc.path } : null;
}

function isSameFile(a: DocRef, b: DocRef): boolean {
  return a.repo === b.repo && a.path === b.path;
}

function inRepo(repo: string | null): string {
  return repo === null ? "" : ` in ${repo}`;
}

function pathKey(repo: string | null, path: string): string {
  return `${repo ?? ""}\u0000${path}`;
}
