import type { GitHubModel } from "./github-model.js";

/** "acme". */
export const FAKE_ORG: string;

/** What seedFakeOrg put in the fake. Docs are named `owner/repo/path` where not per repo. */
export interface FakeOrg {
  org: string;
  /** Every repo the org lists, sorted by full name (acme/empty, legacy, payments, platform, secret). */
  repos: string[];
  /** How many repos the org lists: 5. */
  listedRepos: number;
  /** acme/legacy: archived, one Obsolete doc. */
  archivedRepo: string;
  /** acme/secret: listed, GET /repos/acme/secret answers, every read under it is 403. */
  noAccessRepo: string;
  /** acme/empty: no files; its tree read answers 409. */
  emptyRepo: string;
  /**
   * The docs an index should find on each readable repo's default branch, sorted: platform's
   * under docs/design/, payments' under its own `paths` (rfcs/**\/*.md, notes.bin.md included).
   */
  docPaths: Record<string, string[]>;
  /** Each readable doc's Status (`owner/repo/path` → Status). */
  statuses: Record<string, string>;
  /** platform's sharding.md: WIP with its Alternatives empty (a warning while WIP). */
  incompleteDoc: string;
  /** payments' rfcs/notes.bin.md: bytes that are not UTF-8, an error entry. */
  unreadableDoc: string;
  /** payments' docs/design/ignored.md: outside payments' paths, never indexed. */
  ignoredDoc: string;
  /** sharding.md's `**Related:** ./missing.md`, a link that resolves to nothing. */
  brokenLink: { from: string; target: string };
  /** Open PRs that add a doc: platform #7 adds docs/design/search.md, labelled In Review. */
  proposals: [FakeProposal, ...FakeProposal[]];
  /** Open PRs that change no doc: platform #8 (README.md only). */
  pullsWithoutDocs: { repo: string; number: number }[];
}

/** An open PR that adds a doc. */
export interface FakeProposal {
  repo: string;
  number: number;
  headSha: string;
  path: string;
  /** The Status the doc gives itself. */
  status: string;
  labels: string[];
  htmlUrl: string;
}

/**
 * Fills a FakeGitHub (or GitHubModel) with the acme organisation: platform (links that
 * resolve, one that does not, a supersedes pair, an incomplete doc, PRs #7 and #8), payments
 * (its own paths, a link to platform's quotas.md, Approved requiring In Review, a doc that is
 * not UTF-8), legacy (archived), secret (no access) and empty (no files).
 */
export function seedFakeOrg(github: GitHubModel): FakeOrg;
