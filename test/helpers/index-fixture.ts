// An invented organisation's index, as `design-docs index --org acme` would hand it to the
// renderers: docs at every Status, a proposed doc, links that resolve and do not, errors.
import {
  INDEX_SCHEMA_VERSION,
  type DesignDocIndex,
  type DocRef,
  type IndexedDoc,
  type IndexedLink,
} from "../../src/index/types.js";

/** What a test says about a doc; the rest is filled in. */
export interface IndexedDocSpec {
  repo?: string | null;
  path: string;
  title: string;
  status?: [raw: string | null, normalised: string | null];
  owner?: string | null;
  created?: string | null;
  template?: string | null;
  findings?: number;
  links?: IndexedLink[];
  linkFindings?: string[];
  proposed?: IndexedDoc["proposed"];
}

/** An index entry, its url on github.com unless it is in the working tree. */
export function indexedDoc(spec: IndexedDocSpec): IndexedDoc {
  const repo = spec.repo === undefined ? "acme/api" : spec.repo;
  const [raw, normalised] = spec.status ?? [null, null];
  const branch = spec.proposed ? `refs/pull/${spec.proposed.pr}/head` : "main";
  return {
    repo,
    path: spec.path,
    url:
      repo === null
        ? null
        : `https://github.com/${repo}/blob/${branch}/${spec.path}`,
    title: spec.title,
    status: { raw, normalised },
    owner: spec.owner ?? null,
    created: spec.created ?? null,
    template: spec.template === undefined ? "design-doc" : spec.template,
    findings: spec.findings ?? 0,
    links: spec.links ?? [],
    linkFindings: spec.linkFindings ?? [],
    proposed: spec.proposed ?? null,
  };
}

/** An org's index of these docs and errors. */
export function orgIndex(
  docs: IndexedDoc[],
  errors: DesignDocIndex["errors"] = [],
): DesignDocIndex {
  return {
    schemaVersion: INDEX_SCHEMA_VERSION,
    scope: { kind: "org", name: "acme" },
    docs,
    errors,
  };
}

const ref = (repo: string, path: string): DocRef => ({ repo, path });

/** Eight docs in three repositories, and two errors. */
export const ACME_INDEX: DesignDocIndex = orgIndex(
  [
    indexedDoc({
      path: "docs/design/auth-tokens.md",
      title: "Short-lived auth tokens",
      status: ["Approved", "Approved"],
      owner: "Ana Lima",
      created: "2026-01-12",
      links: [
        {
          kind: "requires",
          target: "rate-limits.md",
          resolved: ref("acme/api", "docs/design/rate-limits.md"),
        },
        {
          kind: "supersedes",
          target: "session-cookies.md",
          resolved: ref("acme/api", "docs/design/session-cookies.md"),
        },
      ],
      linkFindings: [
        "Requires Per-client rate limits, which is still In Review",
      ],
      findings: 1,
    }),
    indexedDoc({
      path: "docs/design/rate-limits.md",
      title: "Per-client rate limits",
      status: ["Under review", "In Review"],
      owner: "Bo Chen",
      created: "2026-02-03",
      findings: 2,
    }),
    indexedDoc({
      path: "docs/design/session-cookies.md",
      title: "Session cookies",
      status: ["Obsolete", "Obsolete"],
      owner: "Cy Park",
      created: "2024-11-30",
      links: [
        {
          kind: "superseded-by",
          target: "auth-tokens.md",
          resolved: ref("acme/api", "docs/design/auth-tokens.md"),
        },
      ],
    }),
    indexedDoc({
      repo: "acme/infra",
      path: "docs/design/backups.md",
      title: "Nightly backups",
      status: ["Accepted", "Approved"],
      owner: "Bo Chen",
      created: "2025-06-01",
      template: "design-review",
    }),
    indexedDoc({
      repo: "acme/infra",
      path: "docs/design/notes.md",
      title: "docs/design/notes.md",
      status: ["Parked", null],
      template: null,
      findings: 4,
    }),
    indexedDoc({
      repo: "acme/web",
      path: "docs/design/dark-mode.md",
      title: "Dark mode",
      status: ["Draft", "WIP"],
      owner: "Ana Lima",
      created: "2026-03-20",
      links: [{ kind: "requires", target: "Theme tokens", resolved: null }],
      linkFindings: [
        'Requires "Theme tokens", which names no doc of the index',
      ],
      findings: 3,
    }),
    indexedDoc({
      repo: "acme/web",
      path: "docs/design/dark-mode.md",
      title: "Dark mode",
      status: ["In Review", "In Review"],
      owner: "Ana Lima",
      created: "2026-03-20",
      links: [
        {
          kind: "related",
          target: "../../../api/docs/design/auth-tokens.md",
          resolved: null,
        },
        {
          kind: "related",
          target:
            "https://github.com/acme/api/blob/main/docs/design/auth-tokens.md",
          resolved: ref("acme/api", "docs/design/auth-tokens.md"),
        },
      ],
      proposed: {
        pr: 42,
        url: "https://github.com/acme/web/pull/42",
        label: "In Review",
      },
    }),
    indexedDoc({
      repo: "acme/web",
      path: "docs/design/search.md",
      title: "Site search",
      status: ["In Review", "In Review"],
      owner: "Dee Okafor",
      created: "2026-02-28",
    }),
  ],
  [
    {
      repo: "acme/vault",
      path: null,
      message: "The token cannot read this repository (403).",
    },
    {
      repo: "acme/infra",
      path: "docs/design/huge.md",
      message: "The doc could not be parsed within the 20 s time budget.",
    },
  ],
);
