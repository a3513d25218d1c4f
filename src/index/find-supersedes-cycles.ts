import { nameDoc } from "./name-doc.js";
import type { DocRef, IndexedDoc } from "./types.js";

/**
 * Each doc that supersession leads back to, and one sentence naming the shortest such loop
 * from it (`a.md is superseded by b.md, which is superseded by a.md`). `Supersedes` and
 * `Superseded by` are one relation read from either end: A superseded by B is B supersedes A.
 * Each link's resolution is the index of the entry it names in `docs`, if one.
 */
export function findSupersedesCycles(
  docs: readonly IndexedDoc[],
  resolutions: readonly (readonly { target: number | undefined }[])[],
): Map<number, string> {
  const successors = successorGraph(docs, resolutions);
  const cycles = new Map<number, string>();
  for (const start of successors.keys()) {
    const loop = shortestLoop(start, successors);
    if (loop) cycles.set(start, describeLoop(loop, docs));
  }
  return cycles;
}

/**
 * For each entry, the entries that supersede it, each once, by repository, path and PR: the
 * loop named is then the same whatever the order of the entries.
 */
function successorGraph(
  docs: readonly IndexedDoc[],
  resolutions: readonly (readonly { target: number | undefined }[])[],
): Map<number, number[]> {
  const edges = new Map<number, Set<number>>();
  const add = (from: number, to: number) => {
    const set = edges.get(from) ?? new Set<number>();
    set.add(to);
    edges.set(from, set);
  };
  docs.forEach((doc, index) => {
    doc.links.forEach((link, at) => {
      const target = resolutions[index]?.[at]?.target;
      if (target === undefined) return;
      if (link.kind === "superseded-by") add(index, target);
      if (link.kind === "supersedes") add(target, index);
    });
  });
  const order = (a: number, b: number) =>
    compareDocs(docs[a] as IndexedDoc, docs[b] as IndexedDoc);
  return new Map([...edges].map(([from, to]) => [from, [...to].sort(order)]));
}

/** The shortest path from `start` back to it, breadth first; undefined when there is none. */
function shortestLoop(
  start: number,
  successors: ReadonlyMap<number, readonly number[]>,
): number[] | undefined {
  const cameFrom = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] as number;
    for (const next of successors.get(current) ?? []) {
      if (next === start) return [...pathTo(current, cameFrom, start), start];
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, current);
      queue.push(next);
    }
  }
  return undefined;
}

function pathTo(
  end: number,
  cameFrom: ReadonlyMap<number, number>,
  start: number,
): number[] {
  const path = [end];
  for (let at = end; at !== start;) {
    at = cameFrom.get(at) as number;
    path.unshift(at);
  }
  return path;
}

function describeLoop(loop: readonly number[], docs: readonly IndexedDoc[]) {
  const from = (docs[loop[0] as number] as DocRef).repo;
  const [first, ...rest] = loop.map((index) =>
    nameDoc(docs[index] as DocRef, from),
  );
  const chain = rest
    .map((name, at) =>
      at === 0
        ? ` is superseded by ${name}`
        : `, which is superseded by ${name}`,
    )
    .join("");
  return `Superseded in a loop: ${first}${chain}`;
}

function compareDocs(a: IndexedDoc, b: IndexedDoc): number {
  return (
    (a.repo ?? "").localeCompare(b.repo ?? "", "en") ||
    a.path.localeCompare(b.path, "en") ||
    (a.proposed?.pr ?? 0) - (b.proposed?.pr ?? 0)
  );
}
