/**
 * The index page's style and script, inline in the page: it is one file that opens from disk
 * or any static host. Its Content-Security-Policy allows these two by hash and nothing else.
 */

/** Plain and calm, a light and a dark scheme; `:target` highlights the row a link jumped to. */
export const INDEX_PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --head: #f6f8fa; --accent: #0969da; --mark: #fff8c5; --warn: #9a6700; --bad: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --accent: #4493f8; --mark: #3b2e00; --warn: #d29922; --bad: #f85149; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 1.5rem 3rem; background: var(--bg); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; font-weight: 600; margin: 2rem 0 .5rem; }
a { color: var(--accent); }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
.summary, .raw, .kind, small, #shown { color: var(--muted); }
#filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin: 1rem 0; }
#filters[hidden], [hidden] { display: none; }
#filters label { display: flex; flex-direction: column; gap: .2rem; font-size: 12px; color: var(--muted); }
select, input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line);
  border-radius: 6px; padding: .3rem .5rem; min-width: 10rem; max-width: 18rem; }
input[type="search"] { min-width: 16rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: var(--head); font-weight: 600; white-space: nowrap; }
th button { all: unset; cursor: pointer; }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; }
th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
tbody tr { scroll-margin-top: 3rem; }
tbody tr:target { background: var(--mark); outline: 2px solid var(--warn); outline-offset: -2px; }
td.title { font-weight: 500; min-width: 9rem; }
td.path { min-width: 9rem; }
td.links { min-width: 12rem; }
td.title, td.path code, td.links { overflow-wrap: anywhere; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.status.unknown { color: var(--warn); }
.label { display: inline-block; padding: 0 .45rem; border: 1px solid var(--line); border-radius: 1rem; font-size: 12px; }
td.links ul { list-style: none; margin: 0; padding: 0; }
.unresolved { color: var(--bad); }
.link-findings li { color: var(--warn); }
.link-findings li::before { content: "\\26A0  "; }
#errors li { margin: .2rem 0; }
`;

/**
 * Filters, search and sort. It reads the rows once, listens on the form and the table head only
 * (none per row), and shows a subset by hiding rows: fast at thousands of docs. A link to a row
 * that the filters hide clears them first, so the jump always lands on a visible row.
 */
export const INDEX_PAGE_SCRIPT = `
(() => {
  "use strict";
  const form = document.getElementById("filters");
  const table = document.getElementById("docs");
  const shown = document.getElementById("shown");
  const noMatch = document.getElementById("no-match");
  if (!form || !table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const keys = rows.map((row) =>
    Array.from(row.cells, (cell) => cell.dataset.key ?? cell.textContent.trim()),
  );
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  const headers = Array.from(table.tHead.rows[0].cells);
  let sorted = { column: -1, descending: false };

  function filter() {
    const status = form.elements.status.value;
    const repo = form.elements.repo.value;
    const owner = form.elements.owner.value;
    const words = form.elements.search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      const data = row.dataset;
      const show =
        (status === "" || data.status === status) &&
        (repo === "" || data.repo === repo) &&
        (owner === "" || data.owner === owner) &&
        words.every((word) => data.search.includes(word));
      row.hidden = !show;
      if (show) count += 1;
    }
    shown.textContent = count === rows.length
      ? "All " + rows.length + " docs"
      : count + " of " + rows.length + " docs";
    noMatch.hidden = count > 0;
  }

  // Empty values go last whichever way the column is sorted; ties keep the index's order.
  function sortBy(column) {
    const descending = sorted.column === column && !sorted.descending;
    sorted = { column, descending };
    const order = rows.map((row, at) => at).sort((a, b) => {
      const x = keys[a][column];
      const y = keys[b][column];
      if (x === "" || y === "") return (x === "") - (y === "") || a - b;
      return (descending ? -1 : 1) * collator.compare(x, y) || a - b;
    });
    body.append(...order.map((at) => rows[at]));
    headers.forEach((header, at) =>
      header.setAttribute(
        "aria-sort",
        at === column ? (descending ? "descending" : "ascending") : "none",
      ),
    );
  }

  headers.forEach((header, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.column = String(column);
    button.append(...header.childNodes);
    header.append(button);
    header.setAttribute("aria-sort", "none");
  });
  table.tHead.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-column]");
    if (button) sortBy(Number(button.dataset.column));
  });
  body.addEventListener("click", (event) => {
    const link = event.target.closest("a.doc-link");
    const target = link && document.getElementById(link.hash.slice(1));
    if (target && target.hidden) {
      form.reset();
      filter();
    }
  });
  form.addEventListener("input", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  filter();
})();
`;
