import { describe, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import { renderIndexHtml } from "../../src/index/render-html.js";
import {
  INDEX_SCHEMA_VERSION,
  type DesignDocIndex,
} from "../../src/index/types.js";
import { ACME_INDEX, indexedDoc, orgIndex } from "../helpers/index-fixture.js";

const page = renderIndexHtml(ACME_INDEX);

/** Each row of the table, as HTML. */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/<tr id="doc-\d+"[^]*?<\/tr>/gu)].map(
    ([row]) => row,
  );
}

/** The text of an element's HTML: tags dropped, entities left as written. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/gu, "");
}

/** The options of a filter, as shown. */
function optionsOf(html: string, name: string): string[] {
  const select = new RegExp(
    `<select name="${name}">([^]*?)</select>`,
    "u",
  ).exec(html);
  return [
    ...(select?.[1] ?? "").matchAll(/<option[^>]*>([^<]*)<\/option>/gu),
  ].map(([, text]) => text ?? "");
}

/** The page without its one style and one script, whose text is ours. */
function markupOf(html: string): string {
  return html
    .replace(/<style>[^]*?<\/style>/u, "<style></style>")
    .replace(/<script>[^]*?<\/script>/u, "<script></script>");
}

const TAGS = new Set(
  "html head meta title style body h1 h2 p a form label select option input output table thead tbody tr th td code wbr span ul li small section script".split(
    " ",
  ),
);
const ATTRIBUTES = new Set(
  "lang charset http-equiv content name id class href title hidden role type placeholder autocomplete aria-live scope value".split(
    " ",
  ),
);

/** Every tag of the markup and its attributes, or what could not be read as one. */
function tagsOf(
  html: string,
): { tag: string; attributes: string[]; rest: string }[] {
  return [...markupOf(html).matchAll(/<(\/?)([a-z][a-z0-9]*)([^>]*)>/giu)].map(
    ([, , tag, body]) => {
      const attributes: string[] = [];
      const rest = (body ?? "").replace(
        /\s([a-z-]+)(?:="[^"]*")?/gu,
        (_, name: string) => {
          attributes.push(name.startsWith("data-") ? "data-*" : name);
          return "";
        },
      );
      return { tag: (tag ?? "").toLowerCase(), attributes, rest: rest.trim() };
    },
  );
}

describe("the rows", () => {
  test("every doc has a row, in the index's order, its id the place in the index", () => {
    expect(
      rowsOf(page).map(
        (row) => /<td class="title">(.*?)<\/td>/u.exec(row)?.[1],
      ),
    ).toEqual([
      '<a href="https://github.com/acme/api/blob/main/docs/design/auth-tokens.md">Short-lived auth tokens</a>',
      '<a href="https://github.com/acme/api/blob/main/docs/design/rate-limits.md">Per-client rate limits</a>',
      '<a href="https://github.com/acme/api/blob/main/docs/design/session-cookies.md">Session cookies</a>',
      '<a href="https://github.com/acme/infra/blob/main/docs/design/backups.md">Nightly backups</a>',
      '<a href="https://github.com/acme/infra/blob/main/docs/design/notes.md">docs/design/notes.md</a>',
      '<a href="https://github.com/acme/web/blob/main/docs/design/dark-mode.md">Dark mode</a>',
      '<a href="https://github.com/acme/web/blob/refs/pull/42/head/docs/design/dark-mode.md">Dark mode</a>',
      '<a href="https://github.com/acme/web/blob/main/docs/design/search.md">Site search</a>',
    ]);
    expect(
      rowsOf(page).map((row) => /<tr id="([^"]+)"/u.exec(row)?.[1]),
    ).toEqual(ACME_INDEX.docs.map((_, at) => `doc-${at + 1}`));
  });

  test("a row shows every field: repo, path, Status and its words, owner, created, template, findings, PR and label", () => {
    const cells = (row: string | undefined) =>
      [...(row ?? "").matchAll(/<td[^>]*>([^]*?)<\/td>/gu)].map(([, cell]) =>
        textOf(cell ?? ""),
      );
    const rows = rowsOf(page);
    expect(cells(rows[1]).slice(0, 9)).toEqual([
      "Per-client rate limits",
      "acme/api",
      "docs/design/rate-limits.md",
      "In Review (Under review)",
      "Bo Chen",
      "2026-02-03",
      "design-doc",
      "2",
      "",
    ]);
    expect(cells(rows[6]).slice(3, 9)).toEqual([
      "In Review",
      "Ana Lima",
      "2026-03-20",
      "design-doc",
      "0",
      "#42 In Review",
    ]);
    expect(rows[6]).toContain(
      '<a href="https://github.com/acme/web/pull/42">#42</a>',
    );
    expect(cells(rows[4]).slice(3, 8)).toEqual(["Parked", "", "", "", "4"]);
    expect(rows[1]).toContain(
      '<td class="path"><code>docs/<wbr>design/<wbr>rate-limits.md</code></td>',
    );
  });

  test("the Status shows the words as written on hover, and marks words of no status", () => {
    const rows = rowsOf(page);
    expect(rows[1]).toContain(
      '<span class="status" title="As written: Under review">In Review</span>',
    );
    expect(rows[4]).toContain(
      '<span class="status unknown" title="Not a Status of the vocabulary">Parked</span>',
    );
  });

  test("each row carries its filter keys and the lowercased text the search reads", () => {
    expect(/<tr [^>]*>/u.exec(rowsOf(page)[4] ?? "")?.[0]).toBe(
      '<tr id="doc-5" data-status="?" data-repo="=acme/infra" data-owner="-" data-search="docs/design/notes.md\ndocs/design/notes.md\n">',
    );
    expect(/<tr [^>]*>/u.exec(rowsOf(page)[1] ?? "")?.[0]).toBe(
      '<tr id="doc-2" data-status="=In Review" data-repo="=acme/api" data-owner="=Bo Chen" data-search="per-client rate limits\ndocs/design/rate-limits.md\nbo chen">',
    );
  });
});

describe("the links between docs", () => {
  const rows = rowsOf(page);

  test("a resolved link jumps to its doc's row, named by the doc's title, grouped by kind", () => {
    expect(rows[0]).toContain(
      '<ul class="link-list"><li><span class="kind">Requires</span> <a class="doc-link" href="#doc-2" title="rate-limits.md">Per-client rate limits</a></li>' +
        '<li><span class="kind">Supersedes</span> <a class="doc-link" href="#doc-3" title="session-cookies.md">Session cookies</a></li></ul>',
    );
  });

  test("an unresolved link is shown as written, marked unresolved, beside the resolved ones of its kind", () => {
    expect(rows[6]).toContain(
      '<li><span class="kind">Related</span> <span class="unresolved" title="Names no doc of this index">../../../api/docs/design/auth-tokens.md <small>(unresolved)</small></span>, ' +
        '<a class="doc-link" href="#doc-1" title="https://github.com/acme/api/blob/main/docs/design/auth-tokens.md">Short-lived auth tokens</a></li>',
    );
  });

  test("a link to a path that a PR also proposes jumps to the default branch's doc", () => {
    const index = orgIndex([
      indexedDoc({ path: "a.md", title: "A" }),
      indexedDoc({
        path: "a.md",
        title: "A, proposed",
        proposed: {
          pr: 7,
          url: "https://github.com/acme/api/pull/7",
          label: null,
        },
      }),
      indexedDoc({
        path: "b.md",
        title: "B",
        links: [
          {
            kind: "requires",
            target: "a.md",
            resolved: { repo: "acme/api", path: "a.md" },
          },
        ],
      }),
    ]);
    expect(rowsOf(renderIndexHtml(index))[2]).toContain(
      'href="#doc-1" title="a.md">A</a>',
    );
  });

  test("the link findings are listed under the links", () => {
    expect(rows[5]).toContain(
      '<ul class="link-findings"><li>Requires &quot;Theme tokens&quot;, which names no doc of the index</li></ul>',
    );
  });
});

describe("the filters", () => {
  test("Status lists the vocabulary's order, least advanced first, then words of no status, with counts", () => {
    expect(optionsOf(page, "status")).toEqual([
      "All statuses",
      "WIP (1)",
      "In Review (3)",
      "Approved (2)",
      "Obsolete (1)",
      "Unrecognised Status (1)",
    ]);
  });

  test("repositories and owners go alphabetically, docs without an owner last", () => {
    expect(optionsOf(page, "repo")).toEqual([
      "All repositories",
      "acme/api (3)",
      "acme/infra (2)",
      "acme/web (3)",
    ]);
    expect(optionsOf(page, "owner")).toEqual([
      "All owners",
      "Ana Lima (3)",
      "Bo Chen (2)",
      "Cy Park (1)",
      "Dee Okafor (1)",
      "No owner (1)",
    ]);
  });

  test("the controls are hidden until the script shows them: without JavaScript the page is a plain table", () => {
    expect(page).toContain('<form id="filters" role="search" hidden>');
  });

  test("the Status column sorts by the filter's order", () => {
    expect(
      rowsOf(page).map((row) => /<td data-key="(\d*)">/u.exec(row)?.[1]),
    ).toEqual(["2", "1", "3", "2", "4", "0", "1", "1"]);
  });
});

describe("the errors", () => {
  test("each is listed with its repo and doc", () => {
    expect(page).toContain(
      "<h2>Could not be read (2)</h2>\n<ul><li><code>acme/vault</code> The token cannot read this repository (403).</li>" +
        "<li><code>acme/infra: docs/design/huge.md</code> The doc could not be parsed within the 20 s time budget.</li></ul>",
    );
    expect(page).toContain(
      '8 docs · 3 repositories · <a href="#errors">2 errors</a>',
    );
  });

  test("no errors, no section", () => {
    const clean = renderIndexHtml(orgIndex(ACME_INDEX.docs));
    expect(clean).not.toContain('id="errors"');
    expect(clean).toContain('<p class="summary">8 docs · 3 repositories</p>');
  });
});

test("an empty index says so", () => {
  const empty: DesignDocIndex = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    scope: { kind: "local", name: "." },
    docs: [],
    errors: [],
  };
  const html = renderIndexHtml(empty);
  expect(rowsOf(html)).toEqual([]);
  expect(html).toContain("<h1>Design docs of the working tree .</h1>");
  expect(html).toContain("<p>No design docs were found.</p>");
});

describe("hostile doc text", () => {
  const hostile = "</script><img src=x onerror=alert(1)>\"'&";
  const index = orgIndex(
    [
      indexedDoc({
        repo: `acme/${hostile}`,
        path: `docs/${hostile}.md`,
        title: hostile,
        status: [hostile, null],
        owner: `"><script>alert(2)</script>`,
        created: hostile,
        template: hostile,
        links: [
          { kind: "related", target: hostile, resolved: null },
          {
            kind: "requires",
            target: hostile,
            resolved: { repo: "acme/api", path: "ok.md" },
          },
        ],
        linkFindings: [hostile],
        proposed: { pr: 1, url: "javascript:alert(3)", label: hostile },
      }),
      indexedDoc({
        path: "ok.md",
        title: hostile,
        status: [hostile, hostile],
        owner: hostile,
      }),
    ],
    [{ repo: hostile, path: hostile, message: hostile }],
  );
  const html = renderIndexHtml({
    ...index,
    scope: { kind: "org", name: hostile },
  });

  test("no text becomes a tag or an attribute", () => {
    const tags = tagsOf(html);
    expect(tags.filter(({ tag }) => !TAGS.has(tag))).toEqual([]);
    expect(
      tags
        .flatMap(({ attributes }) => attributes)
        .filter((name) => name !== "data-*" && !ATTRIBUTES.has(name)),
    ).toEqual([]);
    expect(tags.filter(({ rest }) => rest !== "")).toEqual([]);
    expect(html.match(/<script/giu)).toHaveLength(1);
    expect(html.match(/<\/script/giu)).toHaveLength(1);
    expect(html).not.toMatch(/<img/iu);
  });

  test("the text is shown, escaped, where it belongs", () => {
    const escaped =
      "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;";
    expect(html).toContain(`">${escaped}</a></td>`);
    expect(html).toContain(`<h1>Design docs of ${escaped}</h1>`);
    expect(html).toContain(
      `<td class="nowrap">&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</td>`,
    );
    expect(html).toContain(
      `<option value="=${escaped}">${escaped} (1)</option>`,
    );
    expect(html).toContain(
      `<a class="doc-link" href="#doc-2" title="${escaped}">${escaped}</a>`,
    );
    expect(html).toContain(
      `<td class="path"><code>docs/<wbr>${escaped.replace("/", "/<wbr>")}.md</code></td>`,
    );
  });

  test("a URL that is not http(s) is not made a link", () => {
    expect(html).not.toContain("javascript:");
    expect(rowsOf(html)[0]).toContain(
      '<td class="nowrap" data-key="1">#1 <span class="label">',
    );
  });
});

describe("a self-contained page", () => {
  const urls = new Set(
    ACME_INDEX.docs.flatMap((doc) =>
      [doc.url, doc.proposed?.url].filter((url) => url != null),
    ),
  );

  test("it links out only to the docs and their PRs, and loads nothing", () => {
    const hrefs = [...page.matchAll(/\bhref="([^"]*)"/gu)].map(
      ([, href]) => href ?? "",
    );
    expect(
      hrefs.filter((href) => !href.startsWith("#") && !urls.has(href)),
    ).toEqual([]);
    expect(page).not.toMatch(/\bsrc=/u);
    expect(page).not.toMatch(/@import|url\(|<link\b/iu);
    expect(page).not.toMatch(
      /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|import)\s*\(/u,
    );
  });

  test("its Content-Security-Policy allows its own style and script and nothing else", () => {
    const sha = (text: string) =>
      `sha256-${createHash("sha256").update(text).digest("base64")}`;
    const style = /<style>([^]*?)<\/style>/u.exec(page)?.[1] ?? "";
    const script = /<script>([^]*?)<\/script>/u.exec(page)?.[1] ?? "";
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${sha(style)}'; script-src '${sha(script)}'; base-uri 'none'; form-action 'none'">`,
    );
  });
});
