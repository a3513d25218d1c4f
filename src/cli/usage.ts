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

Lists every design doc in one index: title, Status, Owner, Created, template and the
number of unmet requirements. Paths default to the "paths" of ${CONFIG_PATH}.
--format md (the default) writes one table per Status, least advanced first;
--format json writes the index's versioned schema (schemaVersion 1, see the README);
--format html writes one self-contained page to browse it: filters, search, sort, links.
--out FILE writes the file whole instead of printing it.
Exits 0 when it wrote the index, 1 when there were docs and none could be read,
2 on a usage error.
`,
} as const;

/** The command line's help text. */
export const USAGE = `Usage:
  design-docs check [paths or globs...] [--format text|markdown|json] [--template ID|FILE]
  design-docs new [--template ID|FILE] [--force] path.md
  design-docs index [paths or globs...] [--format md|json|html] [--out FILE]
  design-docs help | --help | -h
  design-docs --version

check  Checks design docs against the organisation's template and prints a checklist per doc.
       Paths default to the "paths" of ${CONFIG_PATH}, else docs/design/**/*.md.
       A directory means every .md file under it.
       Exits 0 when every doc passes (warnings allowed), 1 when one fails, 2 on a usage error.
new    Writes a fresh doc from a template (default: design-doc), Status and Created filled in.
index  Lists every design doc in one index, one table per Status (or JSON), with --out FILE.

"design-docs <command> --help" says more about one command.
Built-in templates: design-doc, design-review.
`;

/** A mistake in how the command was called: exit 2 with this message. */
export class UsageError extends Error {
  override name = "UsageError";
}
