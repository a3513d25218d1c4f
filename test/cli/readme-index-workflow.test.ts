import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, jest, test } from "@jest/globals";
import { parse } from "yaml";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { seedFakeOrg } from "../fake-github/fake-org.js";

/*
 * The README's workflow that publishes the index to GitHub Pages: its triggers and
 * permissions are what the README says, its steps fit together, and its index step, run as
 * the runner runs it (bash, in a workspace holding the checked-out Design Docs Bot), writes
 * the page from the fake organisation with read requests only, then mostly 304s.
 */
jest.setTimeout(60_000);

const README = readFileSync(
  new URL("../../README.md", import.meta.url),
  "utf8",
);
const SECTION = README.slice(
  README.indexOf("#### A published index, with nothing to host"),
  README.indexOf("## Logs"),
);
const ROOT = new URL("../..", import.meta.url).pathname;

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  "working-directory"?: string;
}
interface Workflow {
  on: {
    schedule: { cron: string }[];
    push: { branches: string[] };
    workflow_dispatch: null;
  };
  permissions: Record<string, string>;
  jobs: {
    index: {
      environment: { name: string; url: string };
      steps: Step[];
    };
  };
}

const block = /```yaml\n([\s\S]*?)```/u.exec(SECTION)?.[1] ?? "";
const workflow = parse(block) as Workflow;
const steps = workflow.jobs.index.steps;
const indexStep = steps.find((step) => step.run?.includes("design-docs"));

let github: FakeGitHub;
beforeEach(async () => {
  github = new FakeGitHub({ delayMs: 0 });
  seedFakeOrg(github);
  await github.start();
});
afterEach(() => github.stop());

test("it runs every night and on a push to the default branch, with the permissions Pages needs", () => {
  expect(block).toMatch(/^# \.github\/workflows\/[\w-]+\.yml\n/u);
  expect(workflow.on.schedule).toHaveLength(1);
  expect(workflow.on.schedule[0]?.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/u);
  expect(workflow.on.push).toEqual({ branches: ["main"] });
  expect(SECTION).toContain(
    "on every push to its default branch (here `main`)",
  );
  expect(workflow.permissions).toEqual({
    contents: "read",
    pages: "write",
    "id-token": "write",
  });
  expect(workflow.jobs.index.environment.name).toBe("github-pages");
});

test("its steps fit together: the checkout the command runs, the cache it keeps, the folder Pages publishes", () => {
  expect(steps.map((step) => step.uses ?? "run")).toEqual([
    "actions/checkout@v4",
    "actions/setup-node@v4",
    "run",
    "actions/cache@v4",
    "run",
    "actions/upload-pages-artifact@v3",
    "actions/deploy-pages@v4",
  ]);
  const [checkout, , install, cache, , upload, deploy] = steps;
  expect(checkout?.with?.path).toBe("design-docs-bot");
  expect(install).toEqual({
    run: "npm ci",
    "working-directory": "design-docs-bot",
  });
  const command = indexStep?.run ?? "";
  expect(command).toContain("node design-docs-bot/bin/design-docs.js index");
  expect(command).toContain(`--cache ${cache?.with?.path} `);
  expect(command).toContain(`--out ${upload?.with?.path}/index.html`);
  expect(cache?.with?.key).toContain("${{ github.run_id }}");
  expect(cache?.with?.key).toBe(
    `${cache?.with?.["restore-keys"]}\${{ github.run_id }}`,
  );
  expect(workflow.jobs.index.environment.url).toBe(
    `\${{ steps.${deploy?.id}.outputs.page_url }}`,
  );
  expect(indexStep?.env).toEqual({
    GITHUB_TOKEN: "${{ secrets.DESIGN_DOCS_INDEX_TOKEN }}",
    ORG: "${{ github.repository_owner }}",
  });
  expect(SECTION).toContain("in the\nsecret `DESIGN_DOCS_INDEX_TOKEN`");
});

test("its index step writes the page with read-only requests, and the next run is mostly 304s", async () => {
  const workspace = mkdtempSync(join(tmpdir(), "design-docs-pages-"));
  symlinkSync(ROOT, join(workspace, "design-docs-bot"));
  const step = () =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn("bash", ["-e", "-c", indexStep?.run ?? "false"], {
        cwd: workspace,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          GITHUB_TOKEN: "a-fine-grained-token",
          ORG: "acme",
          GITHUB_API_URL: github.baseUrl,
        },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, stderr }));
    });

  const first = await step();
  expect(first.code).toBe(0);
  const page = readFileSync(join(workspace, "site/index.html"), "utf8");
  expect(page.startsWith("<!doctype html>")).toBe(true);
  for (const title of ["Quotas", "Ledger", "Search", "Sharding"])
    expect(page).toContain(`>${title}</a>`);
  // What Contents, Pull requests and Metadata (read) allow: nothing else is asked for.
  const routes = new Set(
    github.requests.map((request) =>
      `${request.method} ${request.path}`
        .replace(/^GET \/repos\/acme\/[\w.-]+\//u, "GET /repos/R/")
        .replace(/\/[\da-f]{40}$/u, "/SHA")
        .replace(/\/pulls\/\d+\//u, "/pulls/N/"),
    ),
  );
  expect([...routes].sort()).toEqual([
    "GET /orgs/acme/repos",
    "GET /repos/R/git/blobs/SHA",
    "GET /repos/R/git/trees/main",
    "GET /repos/R/pulls",
    "GET /repos/R/pulls/N/files",
  ]);

  const before = github.requests.length;
  const second = await step();
  expect(second.code).toBe(0);
  const again = github.requests.slice(before);
  const notModified = again.filter((request) => request.status === 304);
  expect(notModified.length).toBeGreaterThan(again.length / 2);
  expect(readFileSync(join(workspace, "site/index.html"), "utf8")).toBe(page);

  // The README's progress lines are the step's own, numbers aside.
  const shape = (line: string) => line.replace(/[\d,]+/gu, "N");
  const example = /```text\n(design-docs index: [\s\S]*?)\n```/u
    .exec(README)?.[1]
    ?.split("\n");
  const lines = first.stderr.trimEnd().split("\n");
  expect(example?.[0]).toBe(lines[0]);
  expect(lines.slice(1).map(shape)).toContain(shape(example?.[1] ?? ""));
});
