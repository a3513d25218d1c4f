import { neutralize } from "../report/neutralize.js";
import type { DesignDocIndex, IndexedDoc } from "./types.js";

const NO_STATUS = "No known Status";

/**
 * The index as Markdown, in the manner of PEP 0: one table per Status, least advanced first
 * (`statusOrder`, the vocabulary's order; other statuses after it, docs with no known Status
 * last), then what could not be read. Text from docs is neutralised: a title cannot break
 * out of its cell, ping anyone or inject HTML.
 */
export function renderIndexMarkdown(
  index: DesignDocIndex,
  statusOrder: readonly string[],
): string {
  const local = index.scope.kind === "local";
  const groups = groupByStatus(index.docs, statusOrder);
  const head = ["Title", ...(local ? [] : ["Repo"]), "Owner", "Created", "PR"];
  const tables = groups.map(({ status, docs }) =>
    [
      `## ${neutralize(status)}`,
      "",
      row(head),
      row(head.map(() => "---")),
      ...docs.map((doc) => row(cellsOf(doc, local))),
    ].join("\n"),
  );
  const errors =
    index.errors.length === 0
      ? []
      : [
          [
            "## Could not be read",
            "",
            ...index.errors.map(
              (error) =>
                `- ${neutralize(error.path ? `${error.repo}: ${error.path}` : error.repo)}: ${neutralize(error.message)}`,
            ),
          ].join("\n"),
        ];
  const title = `# Design docs of ${neutralize(index.scope.name)}`;
  const empty = index.docs.length === 0 ? ["No design docs found."] : [];
  return `${[title, ...empty, ...tables, ...errors].join("\n\n")}\n`;
}

interface StatusGroup {
  status: string;
  docs: IndexedDoc[];
}

function groupByStatus(
  docs: readonly IndexedDoc[],
  statusOrder: readonly string[],
): StatusGroup[] {
  const groups = new Map<string, IndexedDoc[]>(
    statusOrder.map((status) => [status, []]),
  );
  for (const doc of docs) {
    const status = doc.status.normalised;
    if (status === null) continue;
    if (!groups.has(status)) groups.set(status, []);
    groups.get(status)?.push(doc);
  }
  const unknown = docs.filter((doc) => doc.status.normalised === null);
  return [
    ...[...groups].map(([status, list]) => ({ status, docs: list })),
    { status: NO_STATUS, docs: unknown },
  ].filter((group) => group.docs.length > 0);
}

function cellsOf(doc: IndexedDoc, local: boolean): string[] {
  return [
    `[${neutralize(doc.title)}](${linkTarget(doc.url ?? doc.path)})`,
    ...(local ? [] : [neutralize(doc.repo ?? "")]),
    neutralize(doc.owner ?? ""),
    neutralize(doc.created ?? ""),
    doc.proposed
      ? `[#${doc.proposed.pr}](${linkTarget(doc.proposed.url)})${doc.proposed.label ? ` ${neutralize(doc.proposed.label)}` : ""}`
      : "",
  ];
}

/** A URL or path as a link's destination: nothing in it ends the link or the table cell. */
function linkTarget(target: string): string {
  return encodeURI(target).replace(
    /[()|<>]/gu,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}
