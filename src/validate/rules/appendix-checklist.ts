import { normalizeText } from "../../markdown/plain-text.js";
import { matchChecklistItem } from "../../templates/match-checklist-item.js";
import type { TemplateSection } from "../../templates/types.js";
import type { RuleContext } from "../rule-context.js";
import { met, sectionRequirement, unmet, type Rule } from "../rule.js";
import type { SectionState } from "../types.js";

const DESCRIBE: Readonly<Record<SectionState, string>> = {
  missing: "is missing",
  empty: "is empty",
  comments: "holds only HTML comments",
  "stand-in": "holds only a stand-in for its text",
  placeholder: "is still the template's placeholder text",
  "not-applicable": "says it does not apply",
  written: "is written",
};

/**
 * A ticked appendix item vouches for a section: that section must really be written. When the
 * section has a finding of its own, the item's finding points to it, so a reader sees one
 * cause behind the two lines.
 */
export const appendixChecklist: Rule = {
  id: "appendix-checklist",
  check(context) {
    const list = context.templateSections.find((section) => section.checklist);
    const found = list && context.match.get(list);
    if (!found) return [];
    return context.doc.tasks
      .filter(
        (task) =>
          task.checked && task.line > found.line && task.line <= found.endLine,
      )
      .flatMap((task) => {
        const target = sectionFor(task.text, context);
        if (!target) return [];
        const requirement = `Checklist item "${task.text}"`;
        const state = context.stateOf(target);
        if (state === "written" || state === "not-applicable")
          return [met(this.id, requirement, task.line)];
        const see = hasOwnFinding(target, state, context)
          ? ` (see ${sectionRequirement(target.title)} above)`
          : "";
        return [
          unmet(
            this.id,
            requirement,
            `Checklist item "${task.text}" is ticked, but section "${target.title}" ${DESCRIBE[state]}${see}; expected the section written or the item unticked`,
            task.line,
          ),
        ];
      });
  },
};

/**
 * Whether the section rules report the section under its own `Section "…"` line: every state
 * this rule flags (missing, empty, comments, a stand-in, placeholder) is reported, except an
 * optional section left out.
 */
function hasOwnFinding(
  section: TemplateSection,
  state: SectionState,
  context: RuleContext,
): boolean {
  return state !== "missing" || !context.isOptional(section);
}

/** The template's own item when the doc kept its wording, else the best-matching section. */
function sectionFor(
  text: string,
  context: RuleContext,
): TemplateSection | undefined {
  const item = context.template.checklist.find(
    (entry) => normalizeText(entry.text) === normalizeText(text),
  );
  const targets = context.templateSections.filter(
    (section) => !section.checklist,
  );
  return item ? item.section : matchChecklistItem(text, targets);
}
