import type { TemplateSection } from "../../templates/types.js";
import type { RuleContext } from "../rule-context.js";
import { met, unmetCited, type Rule } from "../rule.js";
import { misplacedSections } from "./section-parent.js";

const REQUIREMENT = "Sections in the template's order";

/**
 * Sections come in the template's order. Each section that moved gets its own line, saying
 * where the template wants it; out of order is only ever a warning.
 */
export const sectionOrder: Rule = {
  id: "section-order",
  check(context) {
    const moved = movedSections(context);
    if (moved.length === 0) return [met(this.id, REQUIREMENT)];
    return moved.map(({ section, anchor, before }) => {
      const line = lineOf(section, context);
      return unmetCited(
        this.id,
        orderRequirement(section.title),
        `Section "${section.title}" (line ${line}) should come ${before ? "before" : "after"} "${anchor.title}" (line ${lineOf(anchor, context)})`,
        line,
      );
    });
  },
};

/** The checklist line for one section out of order: `Order of section "Usage"`. */
function orderRequirement(title: string): string {
  return `Order of section "${title}"`;
}

interface Move {
  section: TemplateSection;
  /** The in-order sibling it belongs next to. */
  anchor: TemplateSection;
  /** Whether it belongs just before the anchor (else just after it). */
  before: boolean;
}

/**
 * The fewest sections that, moved, put the doc in the template's order, in template order.
 * Siblings are compared with siblings, and a section moves with its subsections (so a moved
 * "Usage" is one line, not one for each of its subsections too), which is why a section
 * weighs as many sections as it carries. A section the doc nests under the wrong parent is
 * section-parent's to report, and is left out here.
 */
function movedSections(context: RuleContext): Move[] {
  const misplaced = misplacedSections(context);
  const present = context.templateSections.filter(
    (section) => context.match.get(section) && !misplaced.has(section),
  );
  const groups = new Map<TemplateSection | undefined, TemplateSection[]>();
  const weight = new Map<TemplateSection, number>();
  for (const section of present) {
    const ancestors = matchedAncestors(section, context);
    const group = groups.get(ancestors[0]) ?? [];
    groups.set(ancestors[0], [...group, section]);
    weight.set(section, 1);
    // An ancestor the doc has elsewhere does not carry its subsections with it.
    for (const ancestor of ancestors) {
      if (misplaced.has(ancestor)) break;
      weight.set(ancestor, (weight.get(ancestor) ?? 0) + 1);
    }
  }
  const moves = new Map<TemplateSection, Move>();
  for (const siblings of groups.values()) {
    const lines = siblings.map((section) => lineOf(section, context));
    const weights = siblings.map((section) => weight.get(section) ?? 1);
    const kept = heaviestIncreasing(lines, weights);
    siblings.forEach((section, index) => {
      if (kept.has(index)) return;
      const next = siblings.find(
        (_, after) => after > index && kept.has(after),
      );
      const previous = siblings.findLast(
        (_, earlier) => earlier < index && kept.has(earlier),
      );
      const anchor = next ?? previous;
      if (anchor) moves.set(section, { section, anchor, before: !!next });
    });
  }
  return present.flatMap((section) => moves.get(section) ?? []);
}

/** The template ancestors the doc has, nearest first. */
function matchedAncestors(
  section: TemplateSection,
  context: RuleContext,
): TemplateSection[] {
  const ancestors: TemplateSection[] = [];
  for (
    let current = context.parentOf.get(section);
    current;
    current = context.parentOf.get(current)
  ) {
    if (context.match.get(current)) ancestors.push(current);
  }
  return ancestors;
}

/**
 * The indices of the increasing subsequence of `values` with the greatest total weight. Ties
 * keep the earlier sections in place, as the earliest candidate wins each step.
 */
function heaviestIncreasing(
  values: readonly number[],
  weights: readonly number[],
): Set<number> {
  const best: number[] = [];
  const from: (number | undefined)[] = [];
  values.forEach((value, index) => {
    let total = 0;
    let previous: number | undefined;
    for (let earlier = 0; earlier < index; earlier++) {
      const candidate = best[earlier] ?? 0;
      if ((values[earlier] ?? Infinity) < value && candidate > total) {
        total = candidate;
        previous = earlier;
      }
    }
    best.push(total + (weights[index] ?? 1));
    from.push(previous);
  });
  let end: number | undefined;
  best.forEach((total, index) => {
    if (end === undefined || total > (best[end] ?? 0)) end = index;
  });
  const kept = new Set<number>();
  for (let index = end; index !== undefined; index = from[index])
    kept.add(index);
  return kept;
}

function lineOf(section: TemplateSection, context: RuleContext): number {
  return context.match.get(section)?.line ?? 0;
}
