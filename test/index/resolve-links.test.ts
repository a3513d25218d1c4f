import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { resolveLinks } from "../../src/index/resolve-links.js";
import type { DocLinkRef, IndexedDoc } from "../../src/index/types.js";

interface DocSpec {
  repo?: string | null;
  path: string;
  title?: string;
  status?: string | null;
  links?: DocLinkRef[];
  pr?: number | undefined;
  findings?: number;
}

/** An index entry as the gathering hands it over: links unresolved, no link findings. */
function entry(spec: DocSpec): IndexedDoc {
  const repo = spec.repo === undefined ? "acme/api" : spec.repo;
  return {
    repo,
    path: spec.path,
    url: null,
    title: spec.title ?? spec.path,
    status: { raw: spec.status ?? null, normalised: spec.status ?? null },
    owner: null,
    created: null,
    template: "design-doc",
    findings: spec.findings ?? 0,
    links: (spec.links ?? []).map((link) => ({ ...link, resolved: null })),
    linkFindings: [],
    proposed:
      spec.pr === undefined
        ? null
        : {
            pr: spec.pr,
            url: `https://github.com/${repo}/pull/${spec.pr}`,
            label: null,
          },
  };
}

const requires = (target: string): DocLinkRef => ({ kind: "requires", target });
const related = (target: string): DocLinkRef => ({ kind: "related", target });

/** Each doc's resolved links and link findings, by path. */
function resolve(specs: DocSpec[]) {
  return resolveLinks(specs.map(entry)).map((doc) => ({
    path: doc.path,
    resolved: doc.links.map((link) => link.resolved),
    linkFindings: doc.linkFindings,
  }));
}

describe("a relative path", () => {
  test.each([
    ["b.md", "docs/design/b.md"],
    ["./b.md", "docs/design/b.md"],
    ["../other/c.md", "docs/other/c.md"],
    ["/docs/other/c.md", "docs/other/c.md"],
    ["sub/d.md#alternatives", "docs/design/sub/d.md"],
    ["my%20doc.md", "docs/design/my doc.md"],
  ])("%s from docs/design/a.md names %s", (target, path) => {
    const [a] = resolve([
      { path: "docs/design/a.md", links: [related(target)] },
      { path },
    ]);
    expect(a).toEqual({
      path: "docs/design/a.md",
      resolved: [{ repo: "acme/api", path }],
      linkFindings: [],
    });
  });

  test("names a doc of its own repository only", () => {
    const [a] = resolve([
      { path: "docs/a.md", links: [related("b.md")] },
      { repo: "acme/web", path: "docs/b.md" },
    ]);
    expect(a?.resolved).toEqual([null]);
    expect(a?.linkFindings).toEqual([
      'Related "b.md" names no doc: the index has no doc at docs/b.md in acme/api',
    ]);
  });

  test("that climbs out of the repository names nothing", () => {
    const [a] = resolve([
      { path: "docs/a.md", links: [related("../../x.md")] },
    ]);
    expect(a?.linkFindings).toEqual([
      'Related "../../x.md" names no doc: the path leads out of the repository',
    ]);
  });

  test("in the working tree (no repository) resolves among the working tree's docs", () => {
    const [a] = resolve([
      {
        repo: null,
        path: "docs/a.md",
        links: [requires("b.md"), requires("c.md")],
      },
      { repo: null, path: "docs/b.md" },
    ]);
    expect(a?.resolved).toEqual([{ repo: null, path: "docs/b.md" }, null]);
    expect(a?.linkFindings).toEqual([
      'Requires "c.md" names no doc: the index has no doc at docs/c.md',
    ]);
  });
});

describe("a GitHub URL", () => {
  test.each([
    "https://github.com/acme/web/blob/main/docs/b.md",
    "https://github.com/Acme/Web/blob/main/docs/b.md#goals",
    "https://github.example.com/acme/web/blob/feature/x/docs/b.md",
  ])("%s names acme/web's docs/b.md", (url) => {
    const [a] = resolve([
      { path: "docs/a.md", links: [related(url)] },
      { repo: "acme/web", path: "docs/b.md" },
      { repo: "acme/api", path: "docs/b.md" },
    ]);
    expect(a?.resolved).toEqual([{ repo: "acme/web", path: "docs/b.md" }]);
    expect(a?.linkFindings).toEqual([]);
  });

  test("to a doc the index lacks, or to no file on GitHub, names nothing", () => {
    const [a] = resolve([
      {
        path: "docs/a.md",
        links: [
          related("https://github.com/acme/web/blob/main/docs/zz.md"),
          related("https://docs.google.com/document/d/123"),
        ],
      },
      { repo: "acme/web", path: "docs/b.md" },
    ]);
    expect(a?.resolved).toEqual([null, null]);
    expect(a?.linkFindings).toEqual([
      'Related "https://github.com/acme/web/blob/main/docs/zz.md" names no doc: the index has no doc of acme/web at that path',
      'Related "https://docs.google.com/document/d/123" names no doc: it is not the URL of a file on GitHub (https://<host>/<owner>/<repo>/blob/<ref>/<path>)',
    ]);
  });
});

describe("a title", () => {
  test("matches however cased or punctuated", () => {
    const [a] = resolve([
      { path: "docs/a.md", links: [requires("token buckets, v2")] },
      { path: "docs/b.md", title: "Token Buckets v2", status: "Approved" },
    ]);
    expect(a?.resolved).toEqual([{ repo: "acme/api", path: "docs/b.md" }]);
  });

  test("prefers the doc's own repository", () => {
    const [a] = resolve([
      { path: "docs/a.md", links: [related("Quotas")] },
      { repo: "acme/web", path: "docs/q.md", title: "Quotas" },
      { repo: "acme/api", path: "docs/q.md", title: "Quotas" },
    ]);
    expect(a?.resolved).toEqual([{ repo: "acme/api", path: "docs/q.md" }]);
  });

  test("that several docs have, none preferred, is ambiguous and says which", () => {
    const [a] = resolve([
      { path: "docs/a.md", links: [related("Quotas")] },
      { repo: "acme/web", path: "docs/q.md", title: "Quotas" },
      { repo: "acme/ops", path: "docs/q.md", title: "Quotas" },
    ]);
    expect(a?.resolved).toEqual([null]);
    expect(a?.linkFindings).toEqual([
      'Related "Quotas" names more than one doc: 2 docs have that title (docs/q.md (acme/ops), docs/q.md (acme/web)); name one by its path',
    ]);
  });

  test("that no doc has names nothing; the doc's own title is not a match", () => {
    const [a] = resolve([
      {
        path: "docs/a.md",
        title: "Quotas",
        links: [related("Quotas"), related("Nothing")],
      },
    ]);
    expect(a?.linkFindings).toEqual([
      'Related "Quotas" names no doc: no doc of the index has that title',
      'Related "Nothing" names no doc: no doc of the index has that title',
    ]);
  });
});

describe("default branch and proposed docs", () => {
  test("a path names the default branch's version before a PR's", () => {
    const docs = resolveLinks(
      [
        { path: "docs/a.md", links: [requires("b.md")], status: "Approved" },
        { path: "docs/b.md", pr: 7, status: "WIP" },
        { path: "docs/b.md", status: "Approved" },
      ].map(entry),
    );
    expect(docs[0]?.links[0]?.resolved).toEqual({
      repo: "acme/api",
      path: "docs/b.md",
    });
    // The default branch's b.md is Approved, so the requirement is met.
    expect(docs[0]?.linkFindings).toEqual([]);
  });

  test("a doc only proposed is found, the linking doc's own PR's version first", () => {
    const docs = resolveLinks(
      [
        {
          path: "docs/a.md",
          links: [requires("b.md")],
          status: "Approved",
          pr: 9,
        },
        { path: "docs/b.md", pr: 3, status: "Approved" },
        { path: "docs/b.md", pr: 9, status: "In Review" },
      ].map(entry),
    );
    expect(docs[0]?.linkFindings).toEqual([
      "Approved, but it requires docs/b.md, which is still In Review",
    ]);
  });

  test("a title names a default-branch doc before a doc only proposed", () => {
    const [a] = resolve([
      { path: "docs/a.md", links: [related("Quotas")] },
      { path: "docs/q-new.md", title: "Quotas", pr: 4 },
      { path: "docs/q.md", title: "Quotas" },
    ]);
    expect(a?.resolved).toEqual([{ repo: "acme/api", path: "docs/q.md" }]);
  });
});

describe("findings", () => {
  test("an Approved doc requiring one still WIP or In Review, by normalised Status", () => {
    const [a, b] = resolve([
      {
        path: "docs/a.md",
        status: "Approved",
        links: [
          requires("w.md"),
          requires("r.md"),
          requires("ok.md"),
          related("w.md"),
        ],
      },
      { path: "docs/b.md", status: "In Review", links: [requires("w.md")] },
      { path: "docs/w.md", status: "WIP" },
      { path: "docs/r.md", status: "In Review" },
      { path: "docs/ok.md", status: "Approved" },
    ]);
    expect(a?.linkFindings).toEqual([
      "Approved, but it requires docs/w.md, which is still WIP",
      "Approved, but it requires docs/r.md, which is still In Review",
    ]);
    expect(b?.linkFindings).toEqual([]);
  });

  test("the statuses can be a repo's own vocabulary", () => {
    const docs = resolveLinks(
      [
        { path: "docs/a.md", status: "Accepted", links: [requires("b.md")] },
        { path: "docs/b.md", status: "Draft" },
      ].map(entry),
      {
        statuses: {
          approved: ["Accepted"],
          unfinished: ["Draft"],
          obsolete: [],
        },
      },
    );
    expect(docs[0]?.linkFindings).toEqual([
      "Accepted, but it requires docs/b.md, which is still Draft",
    ]);
  });

  test("an Obsolete doc whose successor does not exist, by either field", () => {
    const [a] = resolve([
      {
        path: "docs/a.md",
        status: "Obsolete",
        links: [
          { kind: "superseded-by", target: "v2.md" },
          { kind: "replaced-by", target: "Quotas v3" },
        ],
      },
    ]);
    expect(a?.linkFindings).toEqual([
      'Obsolete, but its successor "v2.md" does not exist: the index has no doc at docs/v2.md in acme/api',
      'Obsolete, but its successor "Quotas v3" does not exist: no doc of the index has that title',
    ]);
  });

  test("an Obsolete doc whose successor exists has none", () => {
    const [a] = resolve([
      {
        path: "docs/a.md",
        status: "Obsolete",
        links: [{ kind: "superseded-by", target: "v2.md" }],
      },
      { path: "docs/v2.md", status: "Approved" },
    ]);
    expect(a?.linkFindings).toEqual([]);
  });

  const supersededBy = (target: string): DocLinkRef => ({
    kind: "superseded-by",
    target,
  });
  const supersedes = (target: string): DocLinkRef => ({
    kind: "supersedes",
    target,
  });

  test("a supersedes cycle, once per doc in it, naming the docs from each", () => {
    const docs = resolve([
      { path: "docs/a.md", links: [supersededBy("b.md")] },
      { path: "docs/b.md", links: [supersededBy("a.md")] },
    ]);
    expect(docs.map((doc) => doc.linkFindings)).toEqual([
      [
        "Superseded in a loop: docs/a.md is superseded by docs/b.md, which is superseded by docs/a.md",
      ],
      [
        "Superseded in a loop: docs/b.md is superseded by docs/a.md, which is superseded by docs/b.md",
      ],
    ]);
  });

  test("Supersedes and Superseded by are one relation, read from either end", () => {
    const docs = resolve([
      // c.md superseded by a.md, written on a.md as "Supersedes".
      { path: "docs/a.md", links: [supersededBy("b.md"), supersedes("c.md")] },
      { path: "docs/b.md", links: [supersededBy("c.md")] },
      { path: "docs/c.md" },
      { path: "docs/d.md", links: [supersededBy("a.md")] },
    ]);
    expect(docs.map((doc) => doc.linkFindings)).toEqual([
      [
        "Superseded in a loop: docs/a.md is superseded by docs/b.md, which is superseded by docs/c.md, which is superseded by docs/a.md",
      ],
      [
        "Superseded in a loop: docs/b.md is superseded by docs/c.md, which is superseded by docs/a.md, which is superseded by docs/b.md",
      ],
      [
        "Superseded in a loop: docs/c.md is superseded by docs/a.md, which is superseded by docs/b.md, which is superseded by docs/c.md",
      ],
      [],
    ]);
  });

  test("the same supersession written at both ends is no cycle", () => {
    const docs = resolve([
      { path: "docs/a.md", links: [supersededBy("b.md")] },
      { path: "docs/b.md", links: [supersedes("a.md")] },
    ]);
    expect(docs.map((doc) => doc.linkFindings)).toEqual([[], []]);
  });

  test("a cycle across repositories names each doc's repository", () => {
    const docs = resolve([
      {
        path: "docs/a.md",
        links: [
          supersededBy("https://github.com/acme/web/blob/main/docs/b.md"),
        ],
      },
      { repo: "acme/web", path: "docs/b.md", links: [supersededBy("Alpha")] },
      { path: "docs/x.md", title: "Alpha" },
      { path: "docs/x2.md", title: "alpha", pr: 2 },
    ]);
    expect(docs[0]?.linkFindings).toEqual([]);
    const looped = resolve([
      {
        path: "docs/a.md",
        title: "Alpha",
        links: [
          supersededBy("https://github.com/acme/web/blob/main/docs/b.md"),
        ],
      },
      { repo: "acme/web", path: "docs/b.md", links: [supersededBy("Alpha")] },
    ]);
    expect(looped.map((doc) => doc.linkFindings)).toEqual([
      [
        "Superseded in a loop: docs/a.md is superseded by docs/b.md (acme/web), which is superseded by docs/a.md",
      ],
      [
        "Superseded in a loop: docs/b.md is superseded by docs/a.md (acme/api), which is superseded by docs/b.md",
      ],
    ]);
  });
});

test("findings count the link findings beside the checklist's", () => {
  const docs = resolveLinks(
    [
      {
        path: "docs/a.md",
        findings: 2,
        links: [related("x.md"), related("y.md")],
      },
      { path: "docs/b.md", findings: 1 },
    ].map(entry),
  );
  expect(docs.map((doc) => doc.findings)).toEqual([4, 1]);
});

describe("properties", () => {
  const names = [
    "a.md",
    "b.md",
    "sub/c.md",
    "../d.md",
    "Alpha",
    "beta",
    "x.md",
  ];
  const spec = fc.record({
    repo: fc.constantFrom("acme/api", "acme/web", null),
    path: fc.constantFrom(
      "docs/a.md",
      "docs/b.md",
      "docs/sub/c.md",
      "d.md",
      "docs/x.md",
    ),
    title: fc.constantFrom("Alpha", "Beta", "Gamma"),
    status: fc.constantFrom("WIP", "In Review", "Approved", "Obsolete", null),
    pr: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    findings: fc.nat({ max: 5 }),
    links: fc.array(
      fc.record({
        kind: fc.constantFrom(
          "superseded-by",
          "supersedes",
          "replaces",
          "replaced-by",
          "requires",
          "related",
        ) as fc.Arbitrary<DocLinkRef["kind"]>,
        target: fc.constantFrom(...names),
      }),
      { maxLength: 4 },
    ),
  });
  // An index holds each file once per version: the default branch's, and one per PR.
  const index = fc
    .uniqueArray(spec, {
      maxLength: 12,
      selector: (doc) => `${doc.repo} ${doc.path} ${doc.pr}`,
    })
    .map((specs) => specs.map(entry));
  const key = (doc: IndexedDoc) =>
    `${doc.repo} ${doc.path} ${doc.proposed?.pr ?? ""}`;

  test("each entry keeps its place and links, and counts each finding once", () => {
    fc.assert(
      fc.property(index, (docs) => {
        const resolved = resolveLinks(docs);
        expect(resolved.map(key)).toEqual(docs.map(key));
        resolved.forEach((doc, at) => {
          const before = docs[at] as IndexedDoc;
          expect(
            doc.links.map(({ kind, target }) => ({ kind, target })),
          ).toEqual(before.links.map(({ kind, target }) => ({ kind, target })));
          expect(doc.findings).toBe(before.findings + doc.linkFindings.length);
        });
      }),
    );
  });

  test("every resolved link names an entry of the index", () => {
    fc.assert(
      fc.property(index, (docs) => {
        const files = new Set(docs.map((doc) => `${doc.repo} ${doc.path}`));
        for (const doc of resolveLinks(docs))
          for (const link of doc.links)
            if (link.resolved)
              expect(
                files.has(`${link.resolved.repo} ${link.resolved.path}`),
              ).toBe(true);
      }),
    );
  });

  test("the entries' order changes no answer", () => {
    fc.assert(
      fc.property(index, (docs) => {
        const forward = resolveLinks(docs);
        const backward = resolveLinks([...docs].reverse()).reverse();
        expect(backward).toEqual(forward);
      }),
      { numRuns: 1000 },
    );
  });
});
