/**
 * The index as one self-contained HTML page (`design-docs index --format html`): a table of
 * every doc with its Status, owner, findings, proposing PR and links to other docs, and the
 * errors of the run. It opens from disk or any static host: no external script, style, font
 * or image, and a Content-Security-Policy that allows only its own inline style and script.
 * The rows are in the HTML, so without JavaScript it is a plain table whose doc links still
 * jump to their rows; the script adds filters by Status, repository and owner, a search over
 * title, path and owner, and sorting by any column. Every text from a doc is escaped.
 */
import { createHash } from "node:crypto";
import { defaultTemplate } from "../templates/builtin-templates.js";
import { escapeHtml } from "./escape-html.js";
import {
  facetIndex,
  type FacetValue,
  type IndexFacets,
} from "./facet-index.js";
import { INDEX_PAGE_SCRIPT, INDEX_PAGE_STYLE } from "./index-page-assets.js";
import {
  COLUMNS,
  docRefKey,
  renderDocRow,
  rowId,
  type RowContext,
  type RowTarget,
} from "./render-doc-row.js";
import type { DesignDocIndex, IndexError } from "./types.js";

/**
 * The page for this index. Statuses are listed and sorted in the order of the built-in
 * template's vocabulary (least advanced first), other statuses after it.
 */
export function renderIndexHtml(index: DesignDocIndex): string {
  const facets = facetIndex(index.docs, defaultTemplate().statuses);
  const targets = new Map<string, RowTarget>();
  index.docs.forEach((doc, at) => {
    // A link names the default-branch doc before a PR proposing the same path; it comes first.
    const key = docRefKey(doc);
    if (!targets.has(key))
      targets.set(key, { id: rowId(at), title: doc.title });
  });
  const context: RowContext = {
    statusRank: new Map(facets.status.map((value, at) => [value.key, at])),
    targets,
  };
  const heading = `Design docs of ${scopeName(index)}`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)}</title>`,
    `<style>${INDEX_PAGE_STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="summary">${summary(index, facets)}</p>`,
    renderFilters(facets),
    '<table id="docs">',
    `<thead><tr>${COLUMNS.map((name) => `<th scope="col">${name}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...index.docs.map((doc, at) => renderDocRow(doc, at, context)),
    "</tbody>",
    "</table>",
    index.docs.length === 0
      ? "<p>No design docs were found.</p>"
      : '<p id="no-match" hidden>No doc matches these filters.</p>',
    renderErrors(index.errors),
    `<script>${INDEX_PAGE_SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function scopeName(index: DesignDocIndex): string {
  if (index.scope.kind === "local")
    return `the working tree ${index.scope.name}`;
  return index.scope.name;
}

function summary(index: DesignDocIndex, facets: IndexFacets): string {
  const parts = [
    plural(index.docs.length, "doc"),
    ...(index.scope.kind === "org"
      ? [plural(facets.repo.length, "repository", "repositories")]
      : []),
    ...(index.errors.length > 0
      ? [`<a href="#errors">${plural(index.errors.length, "error")}</a>`]
      : []),
  ];
  return parts.join(" · ");
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Hidden until the script runs: without it, the controls would do nothing. */
function renderFilters(facets: IndexFacets): string {
  return [
    '<form id="filters" role="search" hidden>',
    renderSelect("status", "Status", "All statuses", facets.status),
    renderSelect("repo", "Repository", "All repositories", facets.repo),
    renderSelect("owner", "Owner", "All owners", facets.owner),
    '<label>Search<input type="search" name="search" placeholder="Title, path or owner" autocomplete="off"></label>',
    '<output id="shown" aria-live="polite"></output>',
    "</form>",
  ].join("\n");
}

function renderSelect(
  name: string,
  label: string,
  all: string,
  values: readonly FacetValue[],
): string {
  const options = values.map(
    (value) =>
      `<option value="${escapeHtml(value.key)}">${escapeHtml(value.label)} (${value.count})</option>`,
  );
  return `<label>${label}<select name="${name}"><option value="">${all}</option>${options.join("")}</select></label>`;
}

function renderErrors(errors: readonly IndexError[]): string {
  if (errors.length === 0) return "";
  const items = errors.map((error) => {
    const where =
      error.path === null ? error.repo : `${error.repo}: ${error.path}`;
    return `<li><code>${escapeHtml(where)}</code> ${escapeHtml(error.message)}</li>`;
  });
  return [
    '<section id="errors">',
    `<h2>Could not be read (${errors.length})</h2>`,
    `<ul>${items.join("")}</ul>`,
    "</section>",
  ].join("\n");
}

/** Only this page's own style and script run; nothing is fetched, not even from the page's folder. */
function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src '${sha256(INDEX_PAGE_STYLE)}'`,
    `script-src '${sha256(INDEX_PAGE_SCRIPT)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}
