import { CONFIG_PATH } from "../config/config-path.js";

/** Each command's help, as `design-docs <command> --help` prints it. */
export const COMMAND_USAGE = {
  check: `Usage: design-docs check [paths or globs...] [--format text|markdown|json] [--template ID|FILE]

Checks design docs against the organisation's template and prints a checklist per doc.
Paths default to the "paths" of ${CONFIG_PATH}, else docs/design/**/*.md.
A directory means every .md file under it.
Exits 0 when every doc passes (warnings allowed), 1 when one fails, 2 on a usage error.
`,
  new: `Usage: design-docs new [--template ID|FILE] [--force] path.md

Writes a fresh doc from a template (default: design-doc), with Status (WIP) and Created
(today) filled in, so it lacks only the author's own text. Refuses to overwrite a file
unless --force is given.
`,
  index: `Usage: design-docs index [paths or globs...] [--format md|json|html] [--out FILE]
       design-docs index --repo OWNER/NAME | --org ORG [--include-archived] [--cache DIR]
                         [--format md|json|html] [--out FILE]

Lists every design doc in one index: title, Status, Owner, Created, template, the number
of unmet requirements and the links between docs. Paths default to the "paths" of
${CONFIG_PATH}.
--repo and --org read GitHub's API instead, with the token in GITHUB_TOKEN (or GH_TOKEN),
at GITHUB_API_URL (GitHub Enterprise; default https://api.github.com): each repository's
config and docs on its default branch, and the docs its open PRs propose. --org indexes
every repository the token sees, archived ones only with --include-archived. --cache DIR
keeps GitHub's answers there, so a second run is mostly 304s, which GitHub does not count.
Progress goes to stderr.
--format md (the default) writes one table per Status, least advanced first;
--format json writes the index's versioned schema (schemaVersion 1, see the README);
--format html writes one self-contained page to browse it: filters, search, sort, links.
--out FILE writes the file whole instead of printing it.
Exits 0 when it wrote the index, 1 when nothing could be read (docs of the working tree,
or any repository), 2 on a usage error.
`,
} as const;

/** The command line's help text. */
export const USAGE = `Usage:
  design-docs check [paths or globs...] [--format text|markdown|json] [--template ID|FILE]
  design-docs new [--template ID|FILE] [--force] path.md
  design-docs index [paths or globs...] [--format md|json|html] [--out FILE]
  design-docs index --repo OWNER/NAME | --org ORG [--include-archived] [--cache DIR] [...]
  design-docs help | --help | -h
  design-docs --version

check  Checks design docs against the organisation's template and prints a checklist per doc.
       Paths default to the "paths" of ${CONFIG_PATH}, else docs/design/**/*.md.
       A directory means every .md file under it.
       Exits 0 when every doc passes (warnings allowed), 1 when one fails, 2 on a usage error.
new    Writes a fresh doc from a template (default: design-doc), Status and Created filled in.
index  Lists every design doc in one index (Markdown, JSON or a page), of the working tree
       or, with --repo or --org, of repositories on GitHub.

"design-docs <command> --help" says more about one command.
Built-in templates: design-doc, design-review.
`;

/** A mistake in how the command was called: exit 2 with this message. */
export class UsageError extends Error {
  override name = "UsageError";
}
