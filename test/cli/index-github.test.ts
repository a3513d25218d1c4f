import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, jest, test } from "@jest/globals";
import type { DesignDocIndex, IndexedDoc } from "../../src/index/types.js";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { seedFakeOrg, type FakeOrg } from "../fake-github/fake-org.js";

/*
 * `design-docs index --org` and `--repo` as users run them: the built CLI in a child process,
 * with a token, against the stateful fake GitHub on loopback holding the acme organisation
 * (test/fake-github/fake-org.js): docs at every Status, an archived repo, one without access,
 * one with its own config, an empty one, an open PR proposing a doc, links that resolve and
 * one that does not.
 */
jest.setTimeout(60_000);

const CLI = new URL("../../bin/design-docs.js", import.meta.url).pathname;
const ORG_CACHED = ["--org", "acme", "--format", "json", "--cache", ".cache"];
let github: FakeGitHub;
let org: FakeOrg;
let cwd: string;

beforeEach(async () => {
  github = new FakeGitHub({ delayMs: 0 });
  org = seedFakeOrg(github);
  await github.start();
  cwd = mkdtempSync(join(tmpdir(), "design-docs-index-github-"));
});
afterEach(() => github.stop());

function run(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, "index", ...args], {
    cwd,
    env: {
      ...process.env,
      GH_TOKEN: undefined,
      GITHUB_TOKEN: "a-token",
      GITHUB_API_URL: github.baseUrl,
      ...env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
}

/** A doc of the acme org as the index gives it: complete and unlinked unless told. */
function doc(
  fields: Partial<Omit<IndexedDoc, "status">> & {
    repo: string;
    path: string;
    title: string;
    status: string;
    owner: string;
    created: string;
  },
): IndexedDoc {
  return {
    url: `https://github.com/${fields.repo}/blob/main/${fields.path}`,
    template: "design-doc",
    findings: 0,
    links: [],
    linkFindings: [],
    proposed: null,
    ...fields,
    status: { raw: fields.status, normalised: fields.status },
  };
}

const PLATFORM_DOCS: IndexedDoc[] = [
  doc({
    repo: "acme/platform",
    path: "docs/design/cache.md",
    title: "Shared cache",
    status: "Approved",
    owner: "Dana Okafor",
    created: "2026-05-11",
    links: [
      {
        kind: "supersedes",
        target: "./old-cache.md",
        resolved: { repo: "acme/platform", path: "docs/design/old-cache.md" },
      },
    ],
  }),
  doc({
    repo: "acme/platform",
    path: "docs/design/old-cache.md",
    title: "Page cache",
    status: "Obsolete",
    owner: "Dana Okafor",
    created: "2026-01-09",
    // Its Dependencies section says only "None": a warning.
    findings: 1,
    links: [
      {
        kind: "superseded-by",
        target: "./cache.md",
        resolved: { repo: "acme/platform", path: "docs/design/cache.md" },
      },
    ],
  }),
  doc({
    repo: "acme/platform",
    path: "docs/design/quotas.md",
    title: "Quotas",
    status: "Approved",
    owner: "Priya Natarajan",
    created: "2026-03-02",
  }),
  doc({
    repo: "acme/platform",
    path: "docs/design/rate-limits.md",
    title: "Rate limits",
    status: "In Review",
    owner: "Tomás Ferreira",
    created: "2026-04-14",
    links: [
      {
        kind: "requires",
        target: "./quotas.md",
        resolved: { repo: "acme/platform", path: "docs/design/quotas.md" },
      },
    ],
  }),
  doc({
    repo: "acme/platform",
    path: "docs/design/search.md",
    url: "https://github.com/acme/platform/blob/7777777777777777777777777777777777777777/docs/design/search.md",
    title: "Search",
    status: "In Review",
    owner: "Lena Vogel",
    created: "2026-09-03",
    proposed: {
      pr: 7,
      url: "https://github.com/acme/platform/pull/7",
      label: "In Review",
    },
  }),
  doc({
    repo: "acme/platform",
    path: "docs/design/sharding.md",
    title: "Sharding",
    status: "WIP",
    owner: "Wei Chen",
    created: "2026-06-20",
    // Its empty Alternatives, a warning while WIP, and its link to nothing.
    findings: 2,
    links: [{ kind: "related", target: "./missing.md", resolved: null }],
    linkFindings: [
      'Related "./missing.md" names no doc: the index has no doc at docs/design/missing.md in acme/platform',
    ],
  }),
];

const ORG_INDEX: DesignDocIndex = {
  schemaVersion: 1,
  scope: { kind: "org", name: "acme" },
  docs: [
    doc({
      repo: "acme/payments",
      path: "rfcs/ledger.md",
      title: "Ledger",
      status: "In Review",
      owner: "Amara Nwosu",
      created: "2026-07-01",
      links: [
        {
          kind: "requires",
          target:
            "https://github.com/acme/platform/blob/main/docs/design/quotas.md",
          resolved: { repo: "acme/platform", path: "docs/design/quotas.md" },
        },
      ],
    }),
    doc({
      repo: "acme/payments",
      path: "rfcs/refunds.md",
      title: "Refunds",
      status: "Approved",
      owner: "Amara Nwosu",
      created: "2026-08-12",
      findings: 1,
      links: [
        {
          kind: "requires",
          target: "./ledger.md",
          resolved: { repo: "acme/payments", path: "rfcs/ledger.md" },
        },
      ],
      linkFindings: [
        "Approved, but it requires rfcs/ledger.md, which is still In Review",
      ],
    }),
    ...PLATFORM_DOCS,
  ],
  errors: [
    {
      repo: "acme/payments",
      path: "rfcs/notes.bin.md",
      message: "The file is not UTF-8 text; save it as UTF-8 Markdown",
    },
    {
      repo: "acme/secret",
      path: null,
      message:
        "Cannot read the repository: GitHub answered 403 (Resource not accessible by personal access token). Give the token read access to its contents and pull requests, or leave it out.",
    },
  ],
};

test("--org indexes every repository the token reads, each config's paths, PRs' proposals, links across repos", async () => {
  const { code, stdout, stderr } = await run([
    "--org",
    "acme",
    "--format",
    "json",
  ]);
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toEqual(ORG_INDEX);
  // Each repository's tree once, no second read of anything but PR #7's new blob.
  const paths = github.requests.map((request) => request.path);
  expect(paths.filter((path) => path.includes("/git/trees/")).sort()).toEqual(
    ["empty", "payments", "platform", "secret"].map(
      (name) => `/repos/acme/${name}/git/trees/main`,
    ),
  );
  expect(new Set(paths).size).toBe(paths.length);
  // The fewest an index of the org needs (README, Benchmarks): the list; 4 trees; 2 lists of
  // open PRs; payments' config; 8 docs on default branches; PRs #7 and #8's files; the doc #7 adds.
  expect(paths).toHaveLength(1 + 4 + 2 + 1 + 8 + 2 + 1);
  expect(paths.some((path) => path.startsWith("/repos/acme/legacy"))).toBe(
    false,
  );
  expect(github.writes()).toEqual([]);

  const lines = stderr.trimEnd().split("\n");
  expect(lines[0]).toBe(
    "design-docs index: 4 repositories of acme; 1 archived one left out (--include-archived indexes them)",
  );
  expect(lines.slice(1)).toHaveLength(4);
  lines
    .slice(1)
    .forEach((line, index) =>
      expect(line).toMatch(
        new RegExp(
          `^design-docs index: ${index + 1}/4 repositories \\(acme/\\w+\\) · \\d+ requests? · rate limit [\\d,]+ left$`,
          "u",
        ),
      ),
    );
  expect(lines.at(-1)).toContain(
    `· ${github.requests.length} requests · rate limit ${github.rateLimitRemaining.toLocaleString("en-US")} left`,
  );
});

test("--include-archived indexes the archived repositories too", async () => {
  const { code, stdout, stderr } = await run([
    "--org",
    "acme",
    "--include-archived",
    "--format",
    "json",
  ]);
  expect(code).toBe(0);
  expect(stderr).toContain("5 repositories of acme\n");
  const index = JSON.parse(stdout) as DesignDocIndex;
  expect(
    index.docs
      .filter((entry) => entry.repo === org.archivedRepo)
      .map((entry) => [entry.path, entry.status.normalised]),
  ).toEqual([["docs/design/mainframe.md", "Obsolete"]]);
});

test("--repo writes one repository's Markdown: a table per Status, the proposed doc with its PR", async () => {
  const { code, stdout } = await run(["--repo", "acme/platform"]);
  expect(code).toBe(0);
  const head =
    "| Title | Repo | Owner | Created | PR |\n| --- | --- | --- | --- | --- |";
  const row = (file: string, pr = "") => {
    const entry = PLATFORM_DOCS.find((doc) => doc.path.endsWith(`/${file}`));
    return `| [${entry?.title}](${entry?.url}) | acme/platform | ${entry?.owner} | ${entry?.created} | ${pr} |`;
  };
  expect(stdout).toBe(
    [
      "# Design docs of acme/platform",
      `## WIP\n\n${head}\n${row("sharding.md")}`,
      `## In Review\n\n${head}\n${row("rate-limits.md")}\n${row("search.md", "[#7](https://github.com/acme/platform/pull/7) In Review")}`,
      `## Approved\n\n${head}\n${row("cache.md")}\n${row("quotas.md")}`,
      `## Obsolete\n\n${head}\n${row("old-cache.md")}`,
    ].join("\n\n") + "\n",
  );
});

test("a second run with --cache is answered with 304s and cached blobs; GitHub charges only its refusals", async () => {
  const first = await run(ORG_CACHED);
  expect(first.code).toBe(0);
  const before = github.requests.length;
  // Private repositories' files: the folder and its files are the user's alone.
  expect(statSync(join(cwd, ".cache")).mode & 0o777).toBe(0o700);
  const entries = readdirSync(join(cwd, ".cache"));
  expect(entries.length).toBeGreaterThan(0);
  for (const file of entries)
    expect(statSync(join(cwd, ".cache", file)).mode & 0o777).toBe(0o600);
  const second = await run(ORG_CACHED);
  expect(second.code).toBe(0);
  expect(second.stdout).toBe(first.stdout);
  const again = github.requests.slice(before);
  expect(again.some((request) => request.path.includes("/git/blobs/"))).toBe(
    false,
  );
  const charged = github
    .chargedRequests()
    .filter((request) => again.includes(request));
  // An empty repository's 409 and a refused one's 403 carry no ETag, so GitHub counts them.
  expect(charged.map((request) => [request.path, request.status])).toEqual([
    ["/repos/acme/empty/git/trees/main", 409],
    ["/repos/acme/secret/git/trees/main", 403],
  ]);
  expect(again.filter((request) => request.status === 304)).toHaveLength(
    again.length - 2,
  );
  expect(second.stderr).toMatch(
    /4\/4 repositories \(acme\/\w+\) · 9 requests, 7 not modified, 10 blobs from the cache · rate limit/u,
  );
});

test("the cache follows a change: a doc edited on the default branch is read again", async () => {
  await run([
    "--repo",
    "acme/platform",
    "--format",
    "json",
    "--cache",
    ".cache",
  ]);
  const repo = github.repo("acme/platform");
  const quotas = String(repo.files.get("docs/design/quotas.md"));
  repo.files.set(
    "docs/design/quotas.md",
    quotas.replace("# Quotas", "# Quotas per tenant"),
  );
  const { stdout } = await run([
    "--repo",
    "acme/platform",
    "--format",
    "json",
    "--cache",
    ".cache",
  ]);
  const index = JSON.parse(stdout) as DesignDocIndex;
  expect(
    index.docs.find((entry) => entry.path === "docs/design/quotas.md")?.title,
  ).toBe("Quotas per tenant");
});

test("a cache that cannot be read is a miss, one that cannot be written or made is said once; the index is the same", async () => {
  await run(["--repo", "acme/platform", "--cache", ".cache"]);
  for (const file of readdirSync(join(cwd, ".cache")))
    writeFileSync(join(cwd, ".cache", file), "{ not json");
  const before = github.requests.length;
  const corrupt = await run(["--repo", "acme/platform", "--cache", ".cache"]);
  expect(corrupt.code).toBe(0);
  expect(
    github.requests.slice(before).some((request) => request.status === 304),
  ).toBe(false);

  // Every entry made a folder: each write fails, and is said once.
  for (const file of readdirSync(join(cwd, ".cache"))) {
    rmSync(join(cwd, ".cache", file));
    mkdirSync(join(cwd, ".cache", file, "taken"), { recursive: true });
  }
  const unwritable = await run([
    "--repo",
    "acme/platform",
    "--cache",
    ".cache",
  ]);
  expect(unwritable.code).toBe(0);
  expect(unwritable.stdout).toBe(corrupt.stdout);
  expect(
    unwritable.stderr
      .split("\n")
      .filter((line) => line.includes("cannot write the cache")),
  ).toHaveLength(1);

  writeFileSync(join(cwd, "not-a-folder"), "");
  const blocked = await run([
    "--repo",
    "acme/platform",
    "--cache",
    "not-a-folder",
  ]);
  expect(blocked.code).toBe(0);
  expect(blocked.stdout).toBe(corrupt.stdout);
  expect(blocked.stderr).toContain(
    `design-docs index: cannot use ${join(cwd, "not-a-folder")} as the cache: `,
  );
});

test("a repository with an invalid config is an error per key, and none of its docs is indexed", async () => {
  github.addRepo("acme/broken", {
    files: {
      ".github/design-docs.yml": "paths: 3\n",
      "docs/design/a.md": "# A\n",
    },
  });
  const { code, stdout } = await run([
    "--repo",
    "acme/broken",
    "--format",
    "json",
  ]);
  expect(code).toBe(0);
  const index = JSON.parse(stdout) as DesignDocIndex;
  expect(index.docs).toEqual([]);
  expect(index.errors).toEqual([
    {
      repo: "acme/broken",
      path: ".github/design-docs.yml",
      message: expect.stringMatching(
        /^`paths`: .+\. No doc of this repository is indexed until the config is fixed\.$/u,
      ),
    },
  ]);
});

test("a 5xx is retried as the App retries it, and said on stderr", async () => {
  github.inject({
    method: "GET",
    path: /^\/repos\/acme\/platform\/git\/trees\//u,
    status: 502,
  });
  const { code, stdout, stderr } = await run([
    "--repo",
    "acme/platform",
    "--format",
    "json",
  ]);
  expect(code).toBe(0);
  expect((JSON.parse(stdout) as DesignDocIndex).docs).toEqual(PLATFORM_DOCS);
  expect(stderr).toContain(
    "design-docs index: 502 on GET /repos/{owner}/{repo}/git/trees/{tree_sha}: retrying in 1 s\n",
  );
});

test("a repository that cannot be read exits 1 with the index of its error; one that is not there writes nothing", async () => {
  const secret = await run(["--repo", org.noAccessRepo, "--format", "json"]);
  expect(secret.code).toBe(1);
  expect((JSON.parse(secret.stdout) as DesignDocIndex).errors).toEqual([
    ORG_INDEX.errors[1],
  ]);

  const missing = await run(["--repo", "acme/nope", "--out", "index.md"]);
  expect(missing.code).toBe(1);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toBe(
    "design-docs: cannot read acme/nope: GitHub answered 404 (Not Found); is it a repository the token can see?\n",
  );
  expect(existsSync(join(cwd, "index.md"))).toBe(false);

  const nobody = await run(["--org", "nobody"]);
  expect(nobody.code).toBe(1);
  expect(nobody.stderr).toBe(
    "design-docs: cannot list the repositories of nobody: GitHub answered 404 (Not Found); is it an organisation the token can see?\n",
  );
});

test("the token comes from GITHUB_TOKEN or GH_TOKEN; without one, or with options that do not go together, it is a usage error", async () => {
  const viaGh = await run(["--repo", "acme/platform", "--format", "json"], {
    GITHUB_TOKEN: undefined,
    GH_TOKEN: "another-token",
  });
  expect(viaGh.code).toBe(0);

  const usage = async (args: string[], message: string, env = {}) => {
    const { code, stdout, stderr } = await run(args, env);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toBe(`design-docs: ${message}`);
  };
  const before = github.requests.length;
  await usage(
    ["--org", "acme"],
    "--repo and --org read GitHub's API: set GITHUB_TOKEN or GH_TOKEN to a token that can read the repositories",
    { GITHUB_TOKEN: undefined },
  );
  await usage(
    ["--org", "acme", "--repo", "acme/platform"],
    "give --repo or --org, not both",
  );
  await usage(
    ["--org", "acme", "docs/design"],
    'paths are for the working tree; --repo and --org index what the config\'s "paths" name on GitHub',
  );
  await usage(
    ["--repo", "platform"],
    '--repo must be OWNER/NAME, not "platform"',
  );
  await usage(["--include-archived"], "--include-archived goes with --org");
  await usage(["--cache", "x"], "--cache goes with --repo or --org");
  expect(github.requests.length).toBe(before);
});

test("an org whose list the token sees empty is a failure, not an empty index to publish", async () => {
  github.inject({
    method: "GET",
    path: /^\/orgs\/acme\/repos$/u,
    status: 200,
    body: [],
  });
  const { code, stdout, stderr } = await run([
    "--org",
    "acme",
    "--out",
    "index.html",
  ]);
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toBe(
    "design-docs: the token sees no repository of acme; give it read access to the organisation's repositories\n",
  );
  expect(existsSync(join(cwd, "index.html"))).toBe(false);
});

test("a PR from a fork changing a doc lists it as proposed beside the default branch's", async () => {
  const repo = github.repo("acme/platform");
  const quotas = String(repo.files.get("docs/design/quotas.md"));
  github.setPullRequest("acme/platform", 9, {
    headSha: "9".repeat(40),
    base: Object.fromEntries(repo.files),
    files: {
      "docs/design/quotas.md": quotas.replace(
        "# Quotas",
        "# Quotas, per tenant",
      ),
    },
    labels: ["bug", "approved"],
    fork: true,
  });
  const { stdout } = await run(["--repo", "acme/platform", "--format", "json"]);
  const index = JSON.parse(stdout) as DesignDocIndex;
  const entries = index.docs.filter(
    (entry) => entry.path === "docs/design/quotas.md",
  );
  expect(
    entries.map((entry) => [entry.title, entry.url, entry.proposed]),
  ).toEqual([
    [
      "Quotas",
      "https://github.com/acme/platform/blob/main/docs/design/quotas.md",
      null,
    ],
    [
      "Quotas, per tenant",
      `https://github.com/acme/platform/blob/${"9".repeat(40)}/docs/design/quotas.md`,
      {
        pr: 9,
        url: "https://github.com/acme/platform/pull/9",
        label: "approved",
      },
    ],
  ]);
});

test("a tree GitHub cut short: the error says so, and the config is read by its path", async () => {
  const payments = github.repo("acme/payments");
  const ledger = github.readContent(payments, "rfcs/ledger.md", null);
  github.inject({
    method: "GET",
    path: /^\/repos\/acme\/payments\/git\/trees\//u,
    status: 200,
    body: {
      sha: "t".repeat(40),
      truncated: true,
      tree: [
        {
          path: "rfcs/ledger.md",
          mode: "100644",
          type: "blob",
          sha: ledger?.sha,
          size: ledger?.bytes.length,
        },
      ],
    },
  });
  const { code, stdout } = await run([
    "--repo",
    "acme/payments",
    "--format",
    "json",
  ]);
  expect(code).toBe(0);
  const index = JSON.parse(stdout) as DesignDocIndex;
  // payments' own paths (rfcs/**), read from the contents API, not the default docs/design/**.
  expect(index.docs.map((entry) => entry.path)).toEqual(["rfcs/ledger.md"]);
  expect(index.errors).toEqual([
    {
      repo: "acme/payments",
      path: null,
      message:
        "GitHub cut the repository's tree short (it lists at most 100,000 files): docs beyond the files listed are not in the index. The config and templates were read one by one.",
    },
  ]);
  expect(
    github.requests.some(
      (request) =>
        request.path ===
        "/repos/acme/payments/contents/.github/design-docs.yml",
    ),
  ).toBe(true);
});

test("an org of more than one page is read page by page, and the pages are 304s the second time", async () => {
  for (let n = 0; n < 110; n += 1)
    github.addRepo(`acme/service-${String(n).padStart(3, "0")}`, {
      files: { "README.md": `# Service ${n}\n` },
    });
  const first = await run(ORG_CACHED);
  expect(first.code).toBe(0);
  expect(first.stderr).toContain("114 repositories of acme;");
  expect(first.stderr).toContain("114/114 repositories");
  const before = github.requests.length;
  await run(ORG_CACHED);
  const pages = github.requests
    .slice(before)
    .filter((request) => request.path === "/orgs/acme/repos");
  expect(pages.map((request) => request.status)).toEqual([304, 304]);
});
