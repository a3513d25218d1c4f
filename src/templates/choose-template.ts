import picomatch from "picomatch";
import type { DesignDoc } from "../markdown/types.js";
import { matchSections } from "../validate/match-sections.js";
import type { Template } from "./types.js";

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

/** The template a doc follows and why; no template when none can be told. */
export type TemplateChoice =
  | { template: Template; reason: string }
  | { template: undefined; reason: string };

/** Share of a template's sections a doc must have before it counts as following the template. */
const MIN_STRUCTURAL_MATCH = 0.6;

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
  if (selection.forced) return byId(selection.forced, templates, "chosen on the command line");
  const named = doc.frontMatter.template;
  if (named) return byId(named, templates, `named in the front matter (template: ${named})`);
  const mapping = selection.mappings.find((entry) => picomatch(entry.pattern, { dot: true })(path));
  if (mapping) return byId(mapping.template, templates, `the path matches ${mapping.pattern}`);
  return bestStructuralMatch(doc, templates, selection);
}

function byId(id: string, templates: readonly Template[], why: string): TemplateChoice {
  const template = templates.find((candidate) => candidate.id === id);
  if (template) return { template, reason: why };
  const known = templates.map((candidate) => candidate.id).join(", ");
  return { template: undefined, reason: `template "${id}" (${why}) is not one of: ${known}` };
}

function bestStructuralMatch(
  doc: DesignDoc,
  templates: readonly Template[],
  selection: TemplateSelection,
): TemplateChoice {
  let best: { template: Template; found: number; total: number } | undefined;
  for (const template of templates) {
    const match = matchSections(template.sections, doc.sections, selection.aliases);
    const found = [...match.values()].filter(Boolean).length;
    if (!best || found / match.size > best.found / best.total) {
      best = { template, found, total: match.size };
    }
  }
  if (!best) return { template: undefined, reason: "no template is configured" };
  const counts = `${best.found} of ${best.total} sections of ${best.template.id}`;
  return best.found / best.total >= MIN_STRUCTURAL_MATCH
    ? { template: best.template, reason: `it has ${counts}` }
    : { template: undefined, reason: `it has at most ${counts}` };
}
