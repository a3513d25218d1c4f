import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@jest/globals";
import {
  loadedModules,
  packagesOf,
  ROOT,
  sourceModulesOf,
} from "../helpers/loaded-modules.js";

/*
 * Which modules a `design-docs` run loads, listed by a loader hook in a child process
 * (test/helpers/trace): the CLI imports only what its command uses. Each test runs the built
 * CLI twice: as users run it, bundled (its files stand for the modules they hold), and
 * unbundled, module by module. `npm test` builds first.
 */
const DOC = "test/fixtures/docs/filled-design-doc.md";
const CLIS = ["bin/design-docs.js", "test/helpers/unbundled-cli.js"];

/** The parts of esbuild's metafile (lib/bundle/meta.json) read here. */
interface BundleMeta {
  inputs: Record<string, unknown>;
  outputs: Record<
    string,
    { inputs: Record<string, { bytesInOutput: number }> }
  >;
}

/** A traced run of a CLI, with the source modules behind the files it loaded. */
function trace(args: string[]) {
  const run = loadedModules(args);
  return { ...run, files: run.modules, modules: sourceModulesOf(run.modules) };
}

/** The project's own modules a run loaded, as paths from the root (`lib/cli/main.js`). */
const ownModules = (modules: readonly string[]): string[] =>
  modules
    .filter((url) => url.startsWith(ROOT) && !url.includes("/node_modules/"))
    .map((url) => url.slice(ROOT.length));

test("the trace sees mdast-util-to-markdown when something does load it", () => {
  const run = loadedModules(["-e", 'await import("mdast-util-gfm-table")']);
  expect(run.status).toBe(0);
  expect(packagesOf(run.modules)).toContain("mdast-util-to-markdown");
});

test("bin/design-docs.js runs the bundle: a few files of lib/bundle/, no module of lib/ itself", () => {
  const run = trace(["bin/design-docs.js", "check", DOC]);
  expect(run.status).toBe(0);
  const own = run.files
    .filter((url) => url.startsWith(ROOT) && !url.includes("/node_modules/"))
    .map((url) => url.slice(ROOT.length));
  expect(own.filter((path) => !path.startsWith("lib/bundle/"))).toEqual([
    "bin/design-docs.js",
  ]);
  expect(run.modules).toContain(new URL("lib/cli/check-command.js", ROOT).href);
});

test("the bundled check finds docs by directory and by glob", () => {
  const byDir = trace([
    "bin/design-docs.js",
    "check",
    "test/fixtures/docs/front-matter",
  ]);
  const byGlob = trace([
    "bin/design-docs.js",
    "check",
    "test/fixtures/docs/front-matter/*.md",
  ]);
  expect([byDir.stderr, byGlob.stderr]).toEqual(["", ""]);
  for (const run of [byDir, byGlob]) {
    expect(run.stdout).toContain("front-matter/ok.md");
    expect(run.stdout).toContain("front-matter/not-ok.md");
    expect(packagesOf(run.modules)).toContain("tinyglobby");
  }
});

test.each(CLIS)(
  "%s check on a doc loads the parser and the checker, not new's code",
  (cli) => {
    const run = trace([cli, "check", DOC]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("every requirement met");
    const packages = packagesOf(run.modules);
    expect(packages).toEqual(
      expect.arrayContaining([
        "unified",
        "remark-parse",
        "remark-frontmatter",
        "mdast-util-gfm-task-list-item",
        "mdast-util-from-markdown",
        "micromark",
      ]),
    );
    const own = ownModules(run.modules);
    expect(own).toEqual(
      expect.arrayContaining([
        "lib/cli/check-command.js",
        "lib/validate/check-design-doc.js",
      ]),
    );
    expect(own).not.toContain("lib/cli/new-command.js");
    expect(
      own.filter((path) => /^lib\/index\/|index-command/u.test(path)),
    ).toEqual([]);
    // A file named, no front matter, no config: no glob, no YAML parser.
    expect(packages).not.toContain("tinyglobby");
    expect(packages).not.toContain("yaml");
  },
);

/*
 * The GFM packages' only entries export both halves, so Node, module by module, loads
 * mdast-util-to-markdown for the to-markdown halves that check never calls. esbuild drops them
 * (every package concerned declares `sideEffects: false`): the bundle's files hold no byte of it.
 */
test("check loads mdast-util-to-markdown unbundled; the bundle holds none of its code", () => {
  const unbundled = trace(["test/helpers/unbundled-cli.js", "check", DOC]);
  expect(unbundled.status).toBe(0);
  expect(packagesOf(unbundled.modules)).toContain("mdast-util-to-markdown");

  const bundled = trace(["bin/design-docs.js", "check", DOC]);
  expect(bundled.status).toBe(0);
  const packages = packagesOf(bundled.modules);
  expect(packages).toEqual(
    expect.arrayContaining([
      "mdast-util-gfm-table",
      "mdast-util-gfm-task-list-item",
    ]),
  );
  expect(packages.filter((name) => name.includes("to-markdown"))).toEqual([]);
});

test("no file of the bundle holds mdast-util-to-markdown code, though esbuild read it", () => {
  const meta = JSON.parse(
    readFileSync(new URL("lib/bundle/meta.json", ROOT), "utf8"),
  ) as BundleMeta;
  const toMarkdown = (input: string) =>
    input.includes("/mdast-util-to-markdown/");
  expect(Object.keys(meta.inputs).filter(toMarkdown)).not.toEqual([]);
  const bundled = Object.values(meta.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(
        ([input, { bytesInOutput }]) => toMarkdown(input) && bytesInOutput > 0,
      )
      .map(([input]) => input),
  );
  expect(bundled).toEqual([]);
});

test.each(CLIS)(
  "%s check loads the YAML parser for a doc with front matter",
  (cli) => {
    const run = trace([cli, "check", "test/fixtures/docs/front-matter/ok.md"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("every requirement met");
    expect(packagesOf(run.modules)).toContain("yaml");
  },
);

test.each(CLIS)(
  "%s new loads neither the checker nor check's command",
  (cli) => {
    const dir = mkdtempSync(join(tmpdir(), "design-docs-new-"));
    const target = join(dir, "doc.md");
    const written = trace([cli, "new", "--force", target]);
    expect(written.stderr).toBe("");
    expect(written.status).toBe(0);
    const own = ownModules(written.modules);
    expect(own).toContain("lib/cli/new-command.js");
    expect(
      own.filter((path) =>
        /^lib\/(report|validate\/rules)\/|check-command|check-design-doc|create-engine/u.test(
          path,
        ),
      ),
    ).toEqual([]);
    expect(packagesOf(written.modules)).not.toContain("tinyglobby");
    expect(readFileSync(target, "utf8")).toContain("**Status:** WIP");
    rmSync(dir, { recursive: true, force: true });
  },
);

test.each(CLIS)(
  "%s --help loads only the command line's own few modules",
  (cli) => {
    const run = trace([cli, "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage:");
    expect(packagesOf(run.modules)).toEqual([]);
    expect(ownModules(run.modules).sort()).toEqual(
      [
        cli,
        "lib/cli/main.js",
        "lib/cli/usage.js",
        "lib/config/config-path.js",
        "lib/validate/own-value.js",
      ].sort(),
    );
  },
);
