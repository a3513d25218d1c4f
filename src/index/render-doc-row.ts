import { escapeHtml, safeHref } from "./escape-html.js";
import { ownerKey, repoKey, statusKey } from "./facet-index.js";
import type { DocRef, IndexedDoc, IndexedLink, LinkKind } from "./types.js";

/** A row a link can jump to. */
export interface RowTarget {
  id: string;
  title: string;
}

/** What a row needs to know about the rest of the page. */
export interface RowContext {
  /** Each Status key's place in the filter, which is the order Status sorts by. */
  statusRank: ReadonlyMap<string, number>;
  /** The row of each doc a link can name, by `docRefKey`. */
  targets: ReadonlyMap<string, RowTarget>;
}

/** The page's columns, in order; the script sorts by their cells' `data-key` or text. */
export const COLUMNS = [
  "Title",
  "Repository",
  "Path",
  "Status",
  "Owner",
  "Created",
  "Template",
  "Findings",
  "Proposed",
  "Links",
] as const;

const KIND_LABELS: Readonly<Record<LinkKind, string>> = {
  "superseded-by": "Superseded by",
  supersedes: "Supersedes",
  replaces: "Replaces",
  "replaced-by": "Replaced by",
  requires: "Requires",
  related: "Related",
};

/** The key a link's resolved doc is found by: a doc's repo and path. */
export function docRefKey(ref: DocRef): string {
  return JSON.stringify([ref.repo, ref.path]);
}

/** The id of the row of the doc at this place in the index. */
export function rowId(at: number): string {
  return `doc-${at + 1}`;
}

/**
 * One doc's table row, every text of the doc escaped. The row carries its filter keys and the
 * lowercased text the search looks in, so the script reads the DOM and needs no copy of the data.
 */
export function renderDocRow(
  doc: IndexedDoc,
  at: number,
  context: RowContext,
): string {
  const search = [doc.title, doc.path, doc.owner ?? ""]
    .join("\n")
    .toLowerCase();
  const status = statusKey(doc);
  const cells = [
    `<td class="title">${link(doc.url, doc.title)}</td>`,
    `<td class="nowrap">${doc.repo === null ? "" : escapeHtml(doc.repo)}</td>`,
    `<td class="path"><code>${breakablePath(doc.path)}</code></td>`,
    `<td data-key="${context.statusRank.get(status) ?? ""}">${renderStatus(doc)}</td>`,
    `<td class="nowrap">${escapeHtml(doc.owner ?? "")}</td>`,
    `<td class="nowrap">${escapeHtml(doc.created ?? "")}</td>`,
    `<td class="nowrap">${escapeHtml(doc.template ?? "")}</td>`,
    `<td class="number">${doc.findings}</td>`,
    renderProposed(doc),
    `<td class="links" data-key="${doc.links.length || ""}">${renderLinks(doc, context)}</td>`,
  ];
  const data = Object.entries({
    status,
    repo: repoKey(doc),
    owner: ownerKey(doc),
    search,
  })
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join("");
  return `<tr id="${rowId(at)}"${data}>${cells.join("")}</tr>`;
}

/** The path escaped, free to wrap after each slash rather than inside a name. */
function breakablePath(path: string): string {
  return escapeHtml(path).replaceAll("/", "/<wbr>");
}

function link(url: string | null, text: string): string {
  const href = safeHref(url);
  return href === null
    ? escapeHtml(text)
    : `<a href="${href}">${escapeHtml(text)}</a>`;
}

/** The normalised Status, with the words the doc used beside it when they differ. */
function renderStatus(doc: IndexedDoc): string {
  const { raw, normalised } = doc.status;
  if (normalised === null) {
    return raw === null
      ? ""
      : `<span class="status unknown" title="Not a Status of the vocabulary">${escapeHtml(raw)}</span>`;
  }
  const shown = `<span class="status" title="As written: ${escapeHtml(raw ?? normalised)}">${escapeHtml(normalised)}</span>`;
  return raw === null || raw === normalised
    ? shown
    : `${shown} <span class="raw">(${escapeHtml(raw)})</span>`;
}

function renderProposed(doc: IndexedDoc): string {
  if (doc.proposed === null) return `<td data-key=""></td>`;
  const { pr, url, label } = doc.proposed;
  const badge =
    label === null ? "" : ` <span class="label">${escapeHtml(label)}</span>`;
  return `<td class="nowrap" data-key="${pr}">${link(url, `#${pr}`)}${badge}</td>`;
}

/** The doc's links grouped by kind, each a jump to its row or marked unresolved; then findings. */
function renderLinks(doc: IndexedDoc, context: RowContext): string {
  const byKind = new Map<LinkKind, IndexedLink[]>();
  for (const one of doc.links)
    byKind.set(one.kind, [...(byKind.get(one.kind) ?? []), one]);
  const kinds = [...byKind].map(
    ([kind, links]) =>
      `<li><span class="kind">${KIND_LABELS[kind]}</span> ${links.map((one) => renderLink(one, context)).join(", ")}</li>`,
  );
  const findings = doc.linkFindings.map(
    (finding) => `<li>${escapeHtml(finding)}</li>`,
  );
  return [
    kinds.length > 0 ? `<ul class="link-list">${kinds.join("")}</ul>` : "",
    findings.length > 0
      ? `<ul class="link-findings">${findings.join("")}</ul>`
      : "",
  ].join("");
}

function renderLink(one: IndexedLink, context: RowContext): string {
  const target = one.resolved && context.targets.get(docRefKey(one.resolved));
  if (!target) {
    return `<span class="unresolved" title="Names no doc of this index">${escapeHtml(one.target)} <small>(unresolved)</small></span>`;
  }
  return `<a class="doc-link" href="#${target.id}" title="${escapeHtml(one.target)}">${escapeHtml(target.title)}</a>`;
}
