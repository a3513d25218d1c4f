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
} as const;

/** The command line's help text. */
export const USAGE = `Usage:
  design-docs check [paths or globs...] [--format text|markdown|json] [--template ID|FILE]
  design-docs new [--template ID|FILE] [--force] path.md
  design-docs help | --help | -h
  design-docs --version

check  Checks design docs against the organisation's template and prints a checklist per doc.
       Paths default to the "paths" of ${CONFIG_PATH}, else docs/design/**/*.md.
       A directory means every .md file under it.
       Exits 0 when every doc passes (warnings allowed), 1 when one fails, 2 on a usage error.
new    Writes a fresh doc from a template (default: design-doc), Status and Created filled in.

"design-docs <command> --help" says more about one command.
Built-in templates: design-doc, design-review.
`;

/** A mistake in how the command was called: exit 2 with this message. */
export class UsageError extends Error {
  override name = "UsageError";
}
