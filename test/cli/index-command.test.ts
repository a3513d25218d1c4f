import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, expect, jest, test } from "@jest/globals";
import type { DesignDocIndex, IndexedDoc } from "../../src/index/types.js";
import { fixture } from "../helpers/engine.js";

/*
 * `design-docs index` on a working tree, run as users run it: the built CLI (bin/, the bundle)
 * in a child process. `npm test` builds first.
 */
jest.setTimeout(60_000);

const CLI = new URL("../../bin/design-docs.js", import.meta.url).pathname;
const FILLED = fixture("docs/filled-design-doc.md");
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "design-docs-index-"));
});

function write(path: string, text: string | Buffer): void {
  mkdirSync(join(cwd, path, ".."), { recursive: true });
  writeFileSync(join(cwd, path), text);
}

/** The filled design doc with another title and Status. */
function docAt(title: string, status: string): string {
  return FILLED.replace(
    "# Nightly export of audit events",
    `# ${title}`,
  ).replace("**Status:** In Review", `**Status:** ${status}`);
}

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawnSync(process.execPath, [CLI, "index", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** An entry of the working tree's index, as the schema gives it. */
function entry(fields: Partial<IndexedDoc> & { path: string }): IndexedDoc {
  return {
    repo: null,
    url: null,
    title: "Nightly export of audit events",
    status: { raw: "In Review", normalised: "In Review" },
    owner: "Priya Raman and the platform team",
    created: "2026-03-02",
    template: "design-doc",
    findings: 0,
    links: [],
    linkFindings: [],
    proposed: null,
    ...fields,
  };
}

function writeStatuses(): void {
  write("docs/design/approved.md", docAt("Token buckets", "Approved"));
  write("docs/design/wip.md", docAt("Audit | export for @ops, 1 < 2", "Draft"));
  write("docs/design/review.md", FILLED);
  write("docs/design/old.md", docAt("Leaky buckets", "Obsolete"));
  write("docs/design/none.md", FILLED.replace("**Status:** In Review\n", ""));
  write("docs/other.md", "# Not a design doc\n");
}

test("--format json lists each doc of the config's paths in the schema, sorted by path", () => {
  writeStatuses();
  const { code, stdout, stderr } = run(["--format", "json"]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const name = cwd.split("/").pop() as string;
  expect(JSON.parse(stdout)).toEqual({
    schemaVersion: 1,
    scope: { kind: "local", name },
    docs: [
      entry({
        path: "docs/design/approved.md",
        title: "Token buckets",
        status: { raw: "Approved", normalised: "Approved" },
      }),
      entry({
        path: "docs/design/none.md",
        status: { raw: null, normalised: null },
        findings: 1,
      }),
      entry({
        path: "docs/design/old.md",
        title: "Leaky buckets",
        status: { raw: "Obsolete", normalised: "Obsolete" },
      }),
      entry({ path: "docs/design/review.md" }),
      entry({
        path: "docs/design/wip.md",
        title: "Audit | export for @ops, 1 < 2",
        status: { raw: "Draft", normalised: "WIP" },
      }),
    ],
    errors: [],
  } satisfies DesignDocIndex);
});

test("the Markdown has one table per Status, least advanced first, no Status last, cells escaped", () => {
  writeStatuses();
  const { code, stdout } = run([]);
  expect(code).toBe(0);
  const name = cwd.split("/").pop() as string;
  const head = "| Title | Owner | Created | PR |\n| --- | --- | --- | --- |";
  const row = (title: string, path: string) =>
    `| [${title}](${path}) | Priya Raman and the platform team | 2026-03-02 |  |`;
  expect(stdout).toBe(
    [
      `# Design docs of ${name}`,
      `## WIP\n\n${head}\n${row("Audit \\| export for @&#8203;ops, 1 &lt; 2", "docs/design/wip.md")}`,
      `## In Review\n\n${head}\n${row("Nightly export of audit events", "docs/design/review.md")}`,
      `## Approved\n\n${head}\n${row("Token buckets", "docs/design/approved.md")}`,
      `## Obsolete\n\n${head}\n${row("Leaky buckets", "docs/design/old.md")}`,
      `## No known Status\n\n${head}\n${row("Nightly export of audit events", "docs/design/none.md")}`,
    ].join("\n\n") + "\n",
  );
});

test("--out writes the file whole and prints nothing; paths given replace the config's", () => {
  writeStatuses();
  const { code, stdout } = run([
    "--out",
    "index.json",
    "--format",
    "json",
    "docs/design/review.md",
  ]);
  expect(code).toBe(0);
  expect(stdout).toBe("");
  const index = JSON.parse(
    readFileSync(join(cwd, "index.json"), "utf8"),
  ) as DesignDocIndex;
  expect(index.docs.map((doc) => doc.path)).toEqual(["docs/design/review.md"]);
  expect(readdirSync(cwd).filter((file) => file.endsWith(".tmp"))).toEqual([]);
});

// A doc too complex for the time budget is the worker pool's to prove (test/workers): here a
// doc's parse time would decide the test.
test("a doc too large or not text is an error entry; the others are listed", () => {
  write(".github/design-docs.yml", "maxFileSize: 20000\n");
  write("docs/design/review.md", FILLED);
  write("docs/design/large.md", `${FILLED}\n${"word ".repeat(5000)}\n`);
  copyFileSync(
    new URL("../fixtures/hostile/invalid-utf8.md", import.meta.url),
    join(cwd, "docs/design/binary.md"),
  );
  const { code, stdout } = run(["--format", "json"]);
  expect(code).toBe(0);
  const index = JSON.parse(stdout) as DesignDocIndex;
  const name = cwd.split("/").pop() as string;
  expect(index.docs.map((doc) => doc.path)).toEqual(["docs/design/review.md"]);
  expect(index.errors).toEqual([
    {
      repo: name,
      path: "docs/design/binary.md",
      message: "The file is not UTF-8 text; save it as UTF-8 Markdown",
    },
    {
      repo: name,
      path: "docs/design/large.md",
      message: `The file is ${FILLED.length + 25_002} bytes, over the 20000-byte limit (maxFileSize in .github/design-docs.yml); split it or raise the limit`,
    },
  ]);
});

test("exit 1 when there are docs and none could be read; the Markdown says why", () => {
  copyFileSync(
    new URL("../fixtures/hostile/invalid-utf8.md", import.meta.url),
    join(cwd, "binary.md"),
  );
  const { code, stdout } = run(["binary.md"]);
  expect(code).toBe(1);
  const name = cwd.split("/").pop() as string;
  expect(stdout).toBe(
    `# Design docs of ${name}\n\nNo design docs found.\n\n## Could not be read\n\n- ${name}: binary.md: The file is not UTF-8 text; save it as UTF-8 Markdown\n`,
  );
});

test("no docs under the config's paths is an empty index, exit 0", () => {
  const { code, stdout } = run(["--format", "json"]);
  expect(code).toBe(0);
  expect((JSON.parse(stdout) as DesignDocIndex).docs).toEqual([]);
});

test.each([
  [["--format", "xml"], '--format must be one of md, json, html, not "xml"'],
  [["nothing.md"], "No design docs match nothing.md"],
  [["--out"], "Option '--out <value>' argument missing"],
])("index %j exits 2: %s", (args, message) => {
  const { code, stderr } = run(args);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
  expect(existsSync(join(cwd, "index.json"))).toBe(false);
});

test("a time budget out of range is a usage error", () => {
  write("docs/design/review.md", FILLED);
  const { code, stderr } = run([], { PARSE_TIME_BUDGET_MS: "5" });
  expect(code).toBe(2);
  expect(stderr).toContain(
    'PARSE_TIME_BUDGET_MS must be a whole number from 100 to 60000, not "5"',
  );
});

test("links between the working tree's docs resolve to the docs they name, and what is wrong with them is counted", () => {
  const withField = (text: string, field: string) =>
    text.replace("**Created:**", `${field}\n\n**Created:**`);
  write(
    "docs/design/approved.md",
    withField(docAt("Token buckets", "Approved"), "**Requires:** review.md"),
  );
  write("docs/design/review.md", FILLED);
  write(
    "docs/design/old.md",
    withField(docAt("Leaky buckets", "Obsolete"), "**Superseded by:** gone.md"),
  );
  const { code, stdout } = run(["--format", "json"]);
  expect(code).toBe(0);
  const docs = (JSON.parse(stdout) as DesignDocIndex).docs;
  const byPath = (path: string) =>
    docs.find((doc) => doc.path === `docs/design/${path}`);
  expect(byPath("approved.md")?.links).toEqual([
    {
      kind: "requires",
      target: "review.md",
      resolved: { repo: null, path: "docs/design/review.md" },
    },
  ]);
  expect(byPath("approved.md")?.linkFindings).toEqual([
    expect.stringContaining("In Review"),
  ]);
  expect(byPath("old.md")?.links).toEqual([
    { kind: "superseded-by", target: "gone.md", resolved: null },
  ]);
  for (const doc of docs) expect(doc.findings).toBe(doc.linkFindings.length);
  expect(byPath("old.md")?.linkFindings.length).toBeGreaterThan(0);
  expect(byPath("review.md")?.linkFindings).toEqual([]);
});

test("--format html writes one self-contained page listing every doc", () => {
  writeStatuses();
  const { code, stdout } = run(["--format", "html", "--out", "index.html"]);
  expect(code).toBe(0);
  expect(stdout).toBe("");
  const page = readFileSync(join(cwd, "index.html"), "utf8");
  expect(page.toLowerCase().startsWith("<!doctype html>")).toBe(true);
  for (const title of [
    "Token buckets",
    "Leaky buckets",
    "Nightly export of audit events",
  ])
    expect(page).toContain(title);
  expect(page).toContain("Audit | export for @ops, 1 &lt; 2");
  expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/iu);
});
