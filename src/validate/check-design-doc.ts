import { parseDesignDoc } from "../markdown/parse-design-doc.js";
import type { Template } from "../templates/types.js";
import {
  chooseTemplate,
  type TemplateChoice,
  type TemplateSelection,
} from "./choose-template.js";
import type { ValidateOptions } from "./options.js";
import { readLinks } from "./read-links.js";
import { readStatus, type StatusReading } from "./read-status.js";
import { unmet } from "./rule.js";
import { vocabularyFor } from "./vocabulary-for.js";
import type { Check, DocLinkRef } from "./types.js";
import { isFinding, validate } from "./validate.js";

/** Everything the engine needs to check docs: templates, how to choose one, and the options. */
export interface Engine {
  templates: Template[];
  selection: TemplateSelection;
  options: ValidateOptions;
}

/** The result for one doc: what every renderer (comment, check run, CLI) shows. */
export interface DocReport {
  path: string;
  /** The template used, or undefined when the doc follows none that is known. */
  template: { id: string; origin: string } | undefined;
  /** Why that template, or why none. */
  templateReason: string;
  status: StatusReading;
  /** The other docs it names: successor, predecessors, requirements, related docs. */
  links: DocLinkRef[];
  checks: Check[];
  outcome: Outcome;
}

/** A doc's verdict: every requirement met, only warnings unmet, or a failure unmet. */
export type Outcome = "success" | "warning" | "failure";

const TEMPLATE_REQUIREMENT = "Template";
/** How many of the nearest template's sections a "no known template" finding names. */
const MAX_NAMED_SECTIONS = 3;

/** Parses, picks the template for, and validates one doc. Pure: the same input, the same report. */
export function checkDesignDoc(
  path: string,
  markdown: string,
  engine: Engine,
): DocReport {
  const doc = parseDesignDoc(markdown);
  const choice = chooseTemplate(doc, path, engine.templates, engine.selection);
  if (!choice.template) {
    const known = engine.templates.map((template) => template.id).join(", ");
    const checks: Check[] = [
      {
        ...unmet(
          "template",
          TEMPLATE_REQUIREMENT,
          noTemplateMessage(choice, known),
        ),
        severity: "failure",
      },
    ];
    const status = readStatus(doc, vocabularyFor(undefined, engine.options));
    return {
      path,
      template: undefined,
      templateReason: choice.reason,
      status,
      links: readLinks(doc, status),
      checks,
      outcome: "failure",
    };
  }
  const { template } = choice;
  const { checks, context } = validate(doc, template, engine.options);
  return {
    path,
    template: { id: template.id, origin: template.origin },
    templateReason: choice.reason,
    status: context.status,
    links: readLinks(doc, context.status),
    checks,
    outcome: outcomeOf(checks),
  };
}

/** One short line: what the nearest template has that the doc lacks, or why none applies. */
function noTemplateMessage(
  choice: Extract<TemplateChoice, { template: undefined }>,
  known: string,
): string {
  const { nearest } = choice;
  if (!nearest)
    return `The doc follows no known template: ${choice.reason}; expected the sections of one of ${known}, or front matter "template: <id>"`;
  const shown = nearest.lacking.slice(0, MAX_NAMED_SECTIONS);
  const more = nearest.lacking.length - shown.length;
  const names = shown.map((title) => `"${title}"`).join(", ");
  return `The doc follows no known template: the nearest, ${nearest.id}, has ${nearest.lacking.length} sections it lacks (${names}${more > 0 ? `, and ${more} more` : ""}); expected those, or front matter "template: <id>"`;
}

/** The worst outcome among checks. */
export function outcomeOf(checks: readonly Check[]): Outcome {
  const findings = checks.filter(isFinding);
  if (findings.some((finding) => finding.severity === "failure"))
    return "failure";
  return findings.length > 0 ? "warning" : "success";
}

/**
 * The report for a doc that could not be read (not UTF-8, too large): one unmet, failing
 * requirement saying why, and no Status.
 */
export function unreadableDocReport(path: string, reason: string): DocReport {
  return {
    path,
    template: undefined,
    templateReason: "the file could not be read",
    status: {
      raw: undefined,
      line: undefined,
      value: undefined,
      problem: "missing",
      suggestion: undefined,
      successor: undefined,
      disagreement: undefined,
    },
    links: [],
    checks: [
      { ...unmet("file", "Readable file", reason), severity: "failure" },
    ],
    outcome: "failure",
  };
}

/**
 * The report as if the doc were a draft: unmet requirements become warnings, except that a
 * doc with no known template, or one that cannot be read, still fails.
 */
export function relaxReport(report: DocReport): DocReport {
  if (!report.template) return report;
  const checks = report.checks.map((check) =>
    check.met ? check : { ...check, severity: "warning" as const },
  );
  return { ...report, checks, outcome: outcomeOf(checks) };
}
