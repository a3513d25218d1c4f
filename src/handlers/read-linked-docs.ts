import type { Config } from "../config/parse-config.js";
import { createEngine } from "../config/create-engine.js";
import { oversizeReason } from "../github/read-docs.js";
import { defaultTemplate } from "../templates/builtin-templates.js";
import type { Template } from "../templates/types.js";
import {
  addLinkChecks,
  linkedPaths,
  type LinkedFile,
} from "../validate/add-link-checks.js";
import type { DocReport, Engine } from "../validate/check-design-doc.js";
import { describeFailure } from "./report-failure.js";
import type { RunContext } from "./run-context.js";

/** How many files a PR's docs may link to beyond its own docs: each costs one read. */
export const MAX_LINKED_READS = 20;

/**
 * The reports with a check for each link a doc makes by relative path, the target read at the
 * PR's head: the PR's own docs from their reports, the others through the contents API, at
 * most `MAX_LINKED_READS` of them, each within `maxFileSize` and checked in a worker for its
 * Status. A read that fails is said on the link, never thrown. Docs without such links cost
 * nothing.
 */
export async function addLinkedDocChecks(
  run: Pick<RunContext, "client" | "workers" | "today">,
  config: Config,
  templates: Promise<Template[]>,
  reports: readonly DocReport[],
  headSha: string,
): Promise<DocReport[]> {
  const files = new Map<string, LinkedFile>(
    reports.map((report) => [
      report.path,
      { kind: "doc", status: report.status.value ?? null },
    ]),
  );
  const wanted = [...new Set(reports.flatMap(linkedPaths))].filter(
    (path) => !files.has(path),
  );
  if (wanted.length > 0) {
    const read = wanted.slice(0, MAX_LINKED_READS);
    const engine = templates.then((list) =>
      createEngine(config, list, defaultTemplate(), run.today),
    );
    const linked = await Promise.all(
      read.map((path) => readLinkedFile(run, config, engine, path, headSha)),
    );
    read.forEach((path, index) => files.set(path, linked[index] as LinkedFile));
    for (const path of wanted.slice(MAX_LINKED_READS))
      files.set(path, {
        kind: "unreadable",
        reason: `the PR's docs link to more than ${MAX_LINKED_READS} other files, and ${path} is past them`,
      });
  }
  return reports.map((report) => addLinkChecks(report, files));
}

async function readLinkedFile(
  run: Pick<RunContext, "client" | "workers">,
  config: Config,
  engine: Promise<Engine>,
  path: string,
  headSha: string,
): Promise<LinkedFile> {
  let text: string | undefined;
  try {
    const file = await run.client.getFile(path, headSha);
    if (!file) return { kind: "absent" };
    text = file.text;
  } catch (error) {
    return {
      kind: "unreadable",
      reason: `${path} could not be read at the PR's head: ${describeFailure(error)}`,
    };
  }
  if (text === undefined)
    return { kind: "unreadable", reason: `${path} is not UTF-8 text` };
  const oversize = oversizeReason(Buffer.byteLength(text), config.maxFileSize);
  if (oversize) return { kind: "unreadable", reason: `${path}: ${oversize}` };
  const checked = await run.workers.run("check", path, text, await engine);
  return checked.ok
    ? { kind: "doc", status: checked.value.status.value ?? null }
    : { kind: "unreadable", reason: `${path} ${checked.reason}` };
}
