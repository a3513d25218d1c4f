import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, expect, test } from "@jest/globals";
import { main } from "../../src/cli/main.js";
import { CONFIG_PATH } from "../../src/config/parse-config.js";
import { readConfigChain } from "../../src/handlers/load-repo-config.js";
import { fixture, TODAY } from "../helpers/engine.js";

let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "design-docs-cli-"));
});

function write(path: string, text: string): void {
  mkdirSync(join(cwd, path, ".."), { recursive: true });
  writeFileSync(join(cwd, path), text);
}

async function run(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return runIn(cwd, ...argv);
}

async function runIn(
  dir: string,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    cwd: dir,
    today: TODAY,
    isTTY: false,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

test("check with no paths checks docs/design/**/*.md and exits 0 when all pass", async () => {
  write("docs/design/export.md", fixture("docs/filled-design-doc.md"));
  write(
    "docs/design/reviews/limits.md",
    fixture("docs/filled-design-review.md"),
  );
  write("docs/other.md", "# Not a design doc\n");
  const { code, stdout } = await run("check");
  expect(code).toBe(0);
  expect(stdout).toContain(
    "docs/design/export.md\n  template: design-doc (it has 16 of 16 sections of design-doc)\n  status:   In Review → In Review\n",
  );
  expect(stdout).toContain(
    "docs/design/reviews/limits.md\n  template: design-review",
  );
  expect(stdout).not.toContain("docs/other.md");
  expect(stdout.trimEnd().split("\n").at(-1)).toBe(
    "2 design docs checked: every requirement met",
  );
});

test("check exits 1 when a doc fails, with the reason and line", async () => {
  write("docs/design/a.md", fixture("docs/section-placeholder/not-ok.md"));
  const { code, stdout } = await run("check", "docs/design");
  expect(code).toBe(1);
  expect(stdout).toContain(
    `✗ Section "Alternatives" is still the template's placeholder text; expected the doc's own text (line 35)`,
  );
});

test("check exits 0 when only warnings remain", async () => {
  write("docs/design/a.md", fixture("docs/section-order/not-ok.md"));
  expect((await run("check")).code).toBe(0);
});

test("--format markdown prints the PR comment and --format json the reports", async () => {
  write("docs/design/a.md", fixture("docs/filled-design-doc.md"));
  expect((await run("check", "--format", "markdown")).stdout).toMatch(
    /^### ✅ Design docs: 1 design doc checked: every requirement met\n/u,
  );
  const json = JSON.parse(
    (await run("check", "--format=json", "docs/design/*.md")).stdout,
  );
  expect(json.reports.map((report: { path: string }) => report.path)).toEqual([
    "docs/design/a.md",
  ]);
});

test("--format json gives each doc's links as written", async () => {
  write(
    "docs/design/a.md",
    fixture("docs/filled-design-doc.md").replace(
      /^(\*\*Owner:\*\*.*)$/mu,
      "$1\n**Requires:** [Quotas](../quotas.md), Token buckets",
    ),
  );
  const json = JSON.parse((await run("check", "--format", "json")).stdout);
  expect(json.reports[0].links).toEqual([
    { kind: "requires", target: "../quotas.md" },
    { kind: "requires", target: "Token buckets" },
  ]);
});

/** The docs a text report names: each heads its block, its template on the next line. */
function namedDocs(stdout: string): string[] {
  const lines = stdout.split("\n");
  return lines.filter((_, index) =>
    lines[index + 1]?.startsWith("  template: "),
  );
}

test.each([
  ["docs/design/a.md", ["docs/design/a.md"]],
  ["./docs/design/a.md", ["./docs/design/a.md"]],
  ["docs/design", ["docs/design/a.md", "docs/design/sub/b.md"]],
  ["docs/design/", ["docs/design/a.md", "docs/design/sub/b.md"]],
  ["./docs/design", ["./docs/design/a.md", "./docs/design/sub/b.md"]],
  ["./docs/design/*.md", ["./docs/design/a.md"]],
  ["docs/**/b.md", ["docs/design/sub/b.md"]],
])("check %s names the docs as typed: %j", async (argument, shown) => {
  write("docs/design/a.md", fixture("docs/filled-design-doc.md"));
  write("docs/design/sub/b.md", fixture("docs/filled-design-doc.md"));
  expect(namedDocs((await run("check", argument)).stdout)).toEqual(shown);
});

test("an absolute path is shown absolute, a file or a directory", async () => {
  write("docs/design/a.md", fixture("docs/filled-design-doc.md"));
  const file = join(cwd, "docs/design/a.md");
  expect(namedDocs((await run("check", file)).stdout)).toEqual([file]);
  const fromDirectory = await run("check", "--format=json", join(cwd, "docs"));
  expect(
    JSON.parse(fromDirectory.stdout).reports.map(
      (report: { path: string }) => report.path,
    ),
  ).toEqual([`${join(cwd, "docs")}/design/a.md`]);
});

test("a path outside the working directory is shown as typed", async () => {
  write("other/x.md", fixture("docs/filled-design-doc.md"));
  mkdirSync(join(cwd, "repo"));
  const { code, stdout } = await runIn(
    join(cwd, "repo"),
    "check",
    "../other/x.md",
  );
  expect(code).toBe(0);
  expect(namedDocs(stdout)).toEqual(["../other/x.md"]);
});

test("template mappings match the path in the repo, however the doc was named", async () => {
  write(
    ".github/design-docs.yml",
    'templates:\n  "docs/design/reviews/**": design-review\n  "**": design-doc\n',
  );
  write("docs/design/reviews/limits.md", fixture("docs/filled-design-doc.md"));
  const mapped =
    "  template: design-review (the path matches docs/design/reviews/**)";
  for (const [argument, shown] of [
    [join(cwd, "docs/design/reviews/limits.md")],
    [join(cwd, "docs/design"), `${join(cwd, "docs/design")}/reviews/limits.md`],
    ["./docs/design/reviews/limits.md"],
  ] as const) {
    const { stdout } = await run("check", argument);
    expect(stdout.split("\n").slice(0, 2)).toEqual([shown ?? argument, mapped]);
  }
});

test("--template forces a template, built-in or a file", async () => {
  write("docs/design/a.md", fixture("docs/filled-design-doc.md"));
  write("templates/mine.md", "# Mine\n\n## Description\nSay what.\n");
  const builtin = await run(
    "check",
    "--template",
    "design-review",
    "docs/design/a.md",
  );
  expect(builtin.stdout).toContain(
    "template: design-review (chosen on the command line)",
  );
  expect(builtin.code).toBe(1);
  const file = await run(
    "check",
    "--template",
    "templates/mine.md",
    "docs/design/a.md",
  );
  expect(file.stdout).toContain(
    "template: templates/mine.md (chosen on the command line)",
  );
  expect(file.code).toBe(0);
});

test("the repo config is read: paths, templates and aliases", async () => {
  write(
    ".github/design-docs.yml",
    "paths: rfcs/*.md\naliases:\n  Alternatives: [Options we weighed]\n",
  );
  write(
    "rfcs/a.md",
    fixture("docs/filled-design-doc.md").replace(
      "### Alternatives\n",
      "### Options we weighed\n",
    ),
  );
  const { code, stdout } = await run("check");
  expect(stdout).toContain("rfcs/a.md");
  expect(code).toBe(0);
});

test.each([
  [
    ["check", "--format", "xml"],
    'design-docs: --format must be one of text, markdown, json, not "xml"',
  ],
  [["check", "--colour"], "design-docs: Unknown option '--colour'"],
  [
    ["check", "--template", "rfc"],
    'design-docs: template "rfc" is neither a built-in template (design-doc, design-review) nor a file',
  ],
  [["check", "nowhere/*.md"], "No design docs match nowhere/*.md"],
  [["frobnicate"], 'design-docs: unknown command "frobnicate"'],
  [["constructor"], 'design-docs: unknown command "constructor"'],
  [["new"], "design-docs: new takes exactly one path, the doc to write"],
  [
    ["new", "docs/design/notes.txt"],
    "design-docs: docs/design/notes.txt is not a Markdown file; a design doc's name ends in .md",
  ],
])(
  "%j is a usage error: exit 2 with a clear message",
  async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  },
);

/** The errors the App puts on a PR for a repo whose config file holds this text. */
async function appErrors(text: string): Promise<string[]> {
  const { errors } = await readConfigChain(
    { getConfigFile: async () => ({ kind: "file", text }) },
    "acme",
    "docs",
  );
  return errors.map((error) =>
    error.key === "(file)" ? error.message : `${error.key}: ${error.message}`,
  );
}

test("the config is read as the App reads it: an anchor and its alias name one template", async () => {
  const text =
    "paths: [rfcs/*.md, proposals/*.md]\ntemplates:\n  rfcs/*.md: &review design-review\n  proposals/*.md: *review\n";
  write(".github/design-docs.yml", text);
  write("proposals/a.md", fixture("docs/filled-design-review.md"));
  const { code, stdout } = await run("check");
  expect(stdout).toContain(
    "proposals/a.md\n  template: design-review (the path matches proposals/*.md)\n",
  );
  expect(code).toBe(0);
  expect(await appErrors(text)).toEqual([]);
});

test("`<<: *base` means what it means to the App: YAML 1.2 has no merge keys, so `<<` is an unknown key", async () => {
  const text = "base: &base\n  comment: on-failure\n<<: *base\nmode: live\n";
  write(".github/design-docs.yml", text);
  const { code, stderr } = await run("check");
  expect(code).toBe(2);
  // The errors, then a blank line and the usage.
  const reported = stderr
    .slice(0, stderr.indexOf("\n\n"))
    .replace(/^design-docs: /u, "")
    .split("\n");
  expect(reported).toEqual(
    (await appErrors(text)).map((error) => `${CONFIG_PATH}: ${error}`),
  );
  expect(reported).toContain(
    `${CONFIG_PATH}: <<: unknown key; known keys are paths, templates, aliases, optionalSections, statuses, checkRun, dismissStaleApprovals, comment, drafts, maxFileSize, mode, merge, _extends`,
  );
});

test("a config that is not valid YAML reads as it does on a PR: one line, the App's words", async () => {
  const text = "paths: [rfcs/*.md\n";
  write(".github/design-docs.yml", text);
  const { code, stderr } = await run("check");
  expect(code).toBe(2);
  const [error] = await appErrors(text);
  expect(error).toMatch(/^not valid YAML: Flow sequence/u);
  expect(stderr).toContain(`design-docs: ${CONFIG_PATH}: ${error}\n`);
});

test("an invalid config is a usage error naming the file and every bad key", async () => {
  write(".github/design-docs.yml", "paths: 3\nstatus: [a]\n");
  const { code, stderr } = await run("check");
  expect(code).toBe(2);
  expect(stderr).toContain(".github/design-docs.yml: status: unknown key");
  expect(stderr).toContain(
    ".github/design-docs.yml: paths: must be a non-empty string or a list of them",
  );
});

test("no docs under the default paths is not an error", async () => {
  const { code, stderr } = await run("check");
  expect(code).toBe(0);
  expect(stderr).toBe("No design docs match docs/design/**/*.md\n");
});

test("new writes a doc from the template with Status and Created filled in, and never overwrites", async () => {
  const first = await run("new", "docs/design/cache.md");
  expect(first).toEqual({
    code: 0,
    stdout: "Wrote docs/design/cache.md from template design-doc\n",
    stderr: "",
  });
  const text = readFileSync(join(cwd, "docs/design/cache.md"), "utf8");
  expect(text).toContain("**Status:** WIP\n");
  expect(text).toContain(`**Created:** ${TODAY}\n`);
  expect(text).toContain("**Owner:** You and the people working on this doc\n");
  const again = await run(
    "new",
    "--template",
    "design-review",
    "docs/design/cache.md",
  );
  expect(again.code).toBe(2);
  expect(again.stderr).toContain(
    "docs/design/cache.md already exists; pass --force to overwrite it",
  );
  const checked = await run("check");
  expect(checked.stdout).toContain("status:   WIP → WIP");
  expect(checked.stdout).toContain(
    '! Field "Owner" is still the template\'s placeholder',
  );
});

test("new starts a doc at the least advanced status of the repo's own vocabulary, which check then accepts", async () => {
  write(CONFIG_PATH, "statuses: [Proposed, Accepted, Rejected]\n");
  expect((await run("new", "docs/design/x.md")).code).toBe(0);
  expect(readFileSync(join(cwd, "docs/design/x.md"), "utf8")).toContain(
    "**Status:** Proposed\n",
  );
  const checked = await run("check");
  expect(checked.stdout).toContain("status:   Proposed → Proposed");
  expect(checked.stdout).not.toContain("is not one of");
});

test("new refuses to write under an invalid config, naming what is wrong", async () => {
  write(CONFIG_PATH, "mode: loud\n");
  const made = await run("new", "docs/design/x.md");
  expect(made.code).toBe(2);
  expect(made.stderr).toContain(`design-docs: ${CONFIG_PATH}: mode:`);
  expect(existsSync(join(cwd, "docs/design/x.md"))).toBe(false);
});

test.each(["design-doc", "design-review"])(
  "a doc new from %s lacks only the author's text: its Status and Created are filled, in the template's form, and it passes as a WIP doc",
  async (template) => {
    const made = await run("new", "--template", template, "docs/design/x.md");
    expect(made.code).toBe(0);
    const text = readFileSync(join(cwd, "docs/design/x.md"), "utf8");
    expect(text).toContain("**Status:** WIP");
    expect(text).toContain(`**Created:** ${TODAY}`);
    const checked = await run("check", "--format", "json");
    expect(checked.code).toBe(0);
    const [report] = (
      JSON.parse(checked.stdout) as {
        reports: {
          status: { value: string };
          checks: { requirement: string; met: boolean }[];
        }[];
      }
    ).reports;
    expect(report?.status.value).toBe("WIP");
    expect(
      report?.checks.filter(
        (check) =>
          ['Field "Status"', 'Field "Created"'].includes(check.requirement) &&
          !check.met,
      ),
    ).toEqual([]);
  },
);

test("--version prints the package's version; -h and --help work on every command", async () => {
  const pkg = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { version: string };
  expect(await run("--version")).toEqual({
    code: 0,
    stdout: `${pkg.version}\n`,
    stderr: "",
  });
  for (const command of ["check", "new"])
    for (const flag of ["-h", "--help"]) {
      const help = await run(command, flag);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(
        new RegExp(`^Usage: design-docs ${command} `, "u"),
      );
    }
});
