import picomatch from "picomatch";
import type { DesignDoc } from "../markdown/types.js";
import { normalizeText } from "../markdown/plain-text.js";
import { flattenSections } from "../templates/flatten-sections.js";
import type { Template } from "../templates/types.js";
import { headingNames, matchSections } from "./match-sections.js";

/** A template tied to the doc paths it applies to (`docs/design/reviews/**` → `design-review`). */
export interface TemplateMapping {
  pattern: string;
  template: string;
}

/** How a template is chosen for a doc, besides what the doc itself says. */
export interface TemplateSelection {
  /** Used for every doc, whatever it says (the command line's `--template`). */
  forced?: string;
  mappings: TemplateMapping[];
  aliases: Readonly<Record<string, readonly string[]>>;
}

/** The template a doc follows and why; no template when none can be told, and the nearest. */
export type TemplateChoice =
  | { template: Template; reason: string }
  | { template: undefined; reason: string; nearest?: NearestTemplate };

/** The template a doc that follows none comes closest to, and what it has that the doc lacks. */
interface NearestTemplate {
  id: string;
  /** Its sections the doc does not have, in the template's order. */
  lacking: string[];
}

/** Share of a template's sections, under any accepted spelling, that says a doc follows it. */
const MIN_STRUCTURAL_MATCH = 0.6;
/**
 * Share of a template's sections, spelled the template's own way, that says a doc started
 * from it. Lower, since public docs of other shapes (KEPs, TEPs) reach half of a template's
 * sections through its aliases but seldom a third through its own headings.
 */
const MIN_OWN_HEADINGS = 0.4;

/**
 * Picks the template for a doc: a forced one, then front matter `template:`, then the first
 * path mapping that matches, then the template whose sections the doc has most of.
 */
export function chooseTemplate(
  doc: DesignDoc,
  path: string,
  templates: readonly Template[],
  selection: TemplateSelection,
): TemplateChoice {
  if (selection.forced)
    return byId(selection.forced, templates, "chosen on the command line");
  const named = doc.frontMatter.template;
  if (named)
    return byId(
      named,
      templates,
      `named in the front matter (template: ${named})`,
    );
  const mapping = selection.mappings.find((entry) =>
    picomatch(entry.pattern, { dot: true })(path),
  );
  if (mapping)
    return byId(
      mapping.template,
      templates,
      `the path matches ${mapping.pattern}`,
    );
  return bestStructuralMatch(doc, templates, selection);
}

function byId(
  id: string,
  templates: readonly Template[],
  why: string,
): TemplateChoice {
  const template = templates.find((candidate) => candidate.id === id);
  if (template) return { template, reason: why };
  const known = templates.map((candidate) => candidate.id).join(", ");
  return {
    template: undefined,
    reason: `template "${id}" (${why}) is not one of: ${known}`,
  };
}

/**
 * The template the doc started from: the one it shares most with, if that is a good share of
 * its sections, or any share at all when the doc also has the template's marks (its header
 * fields, or its title form). A half-written doc is still judged against its template.
 */
function bestStructuralMatch(
  doc: DesignDoc,
  templates: readonly Template[],
  selection: TemplateSelection,
): TemplateChoice {
  let best: Resemblance | undefined;
  for (const template of templates) {
    const found = resemblance(doc, template, selection);
    if (!best || found.score > best.score) best = found;
  }
  if (!best)
    return { template: undefined, reason: "no template is configured" };
  const { template, lacking, total } = best;
  const counts = `${total - lacking.length} of ${total} sections of ${template.id}`;
  if (best.share >= MIN_STRUCTURAL_MATCH || best.ownShare >= MIN_OWN_HEADINGS)
    return { template, reason: `it has ${counts}` };
  if (best.marks.length > 0)
    return {
      template,
      reason: `it has ${best.marks.join(" and ")} of ${template.id}`,
    };
  return {
    template: undefined,
    reason: `it has at most ${counts}`,
    nearest: { id: template.id, lacking },
  };
}

interface Resemblance {
  template: Template;
  total: number;
  lacking: string[];
  share: number;
  /** Share of the template's sections the doc has under the template's own headings. */
  ownShare: number;
  /** What else marks the doc as started from the template: `the header fields`, `the title form`. */
  marks: string[];
  score: number;
}

function resemblance(
  doc: DesignDoc,
  template: Template,
  selection: TemplateSelection,
): Resemblance {
  const match = matchSections(
    template.sections,
    doc.sections,
    selection.aliases,
  );
  const lacking = [...match].flatMap(([section, found]) =>
    found ? [] : [section.title],
  );
  const total = Math.max(match.size, 1);
  const share = (match.size - lacking.length) / total;
  const headings = new Set(
    flattenSections(doc.sections).flatMap(
      (section) => headingNames(section).names,
    ),
  );
  const own = [...match.keys()].filter((section) =>
    section.names.some((name) => headings.has(name)),
  );
  const ownShare = own.length / total;
  const marks = [
    ...(hasHeaderFields(doc, template) ? ["the header fields"] : []),
    ...(hasTitleForm(doc, template) ? ["the title form"] : []),
  ];
  return {
    template,
    total: match.size,
    lacking,
    share,
    ownShare,
    marks,
    score: share + ownShare + marks.length,
  };
}

/**
 * The doc has every header field the template asks for, under the template's own keys, and
 * two at least: many docs have a Status, or an Author and a Date; few all of `Owner`,
 * `Status` and `Created` unless they started from the template.
 */
function hasHeaderFields(doc: DesignDoc, template: Template): boolean {
  return (
    template.fields.length >= 2 &&
    template.fields.every((wanted) =>
      doc.fields.some((field) => field.normalizedKey === wanted.normalizedKey),
    )
  );
}

/** The doc's title keeps the words the template's title puts before its placeholder (`Design Document: [Name]`). */
function hasTitleForm(doc: DesignDoc, template: Template): boolean {
  const form = /^([^[<{]*?\S)\s*[[<{]/u.exec(template.title ?? "")?.[1];
  if (!form || !doc.title) return false;
  const title = doc.title.trim();
  return (
    title.toLowerCase().startsWith(form.toLowerCase()) &&
    normalizeText(title.slice(form.length)) !== ""
  );
}
