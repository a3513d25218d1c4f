import type { DesignDoc } from "../markdown/types.js";
import type { Template } from "../templates/types.js";
import type { ValidateOptions } from "./options.js";
import { createRuleContext, type RuleContext } from "./rule-context.js";
import type { Rule } from "./rule.js";
import { appendixChecklist } from "./rules/appendix-checklist.js";
import { createdDate } from "./rules/created-date.js";
import { fieldMissing } from "./rules/field-missing.js";
import { frontMatter } from "./rules/front-matter.js";
import { sectionEmpty } from "./rules/section-empty.js";
import { sectionMissing } from "./rules/section-missing.js";
import { sectionOrder } from "./rules/section-order.js";
import { sectionParent } from "./rules/section-parent.js";
import { sectionNotApplicable } from "./rules/section-not-applicable.js";
import { sectionPlaceholder } from "./rules/section-placeholder.js";
import { sectionStandIn } from "./rules/section-stand-in.js";
import { statusAgreement } from "./rules/status-agreement.js";
import { statusValue } from "./rules/status-value.js";
import { titlePlaceholder } from "./rules/title-placeholder.js";
import type { Check, Finding, Severity } from "./types.js";

/** Every rule, in the order their requirements appear in the checklist. */
const RULES: readonly Rule[] = [
  frontMatter,
  titlePlaceholder,
  fieldMissing,
  statusValue,
  statusAgreement,
  createdDate,
  sectionMissing,
  sectionEmpty,
  sectionStandIn,
  sectionPlaceholder,
  sectionNotApplicable,
  sectionParent,
  sectionOrder,
  appendixChecklist,
];

/** The ids of every validation rule: fixed strings, safe to count findings by. */
export const VALIDATION_RULE_IDS: readonly string[] = RULES.map(
  (rule) => rule.id,
);

/** Rules whose findings never fail a doc, whatever its Status. */
const ADVISORY_RULES: ReadonlySet<string> = new Set([
  sectionOrder.id,
  sectionNotApplicable.id,
]);

/** The doc read against its template: the checklist, and the Status as the rules understood it. */
export interface Validation {
  checks: Check[];
  findings: Finding[];
  context: RuleContext;
}

/**
 * Checks a doc against a template. Returns one check per requirement (several rules speaking
 * of one requirement are merged, the first unmet message kept) and the unmet ones as findings.
 * While the doc's Status is a lenient one (WIP by default), findings are warnings.
 */
export function validate(
  doc: DesignDoc,
  template: Template,
  options: ValidateOptions,
): Validation {
  const context = createRuleContext(doc, template, options);
  const severity = severityFor(context);
  const checks = mergeChecks(RULES.flatMap((rule) => rule.check(context))).map(
    (check) =>
      check.met
        ? check
        : {
            ...check,
            severity: ADVISORY_RULES.has(check.ruleId) ? "warning" : severity,
          },
  );
  return { checks, findings: checks.filter(isFinding), context };
}

function severityFor(context: RuleContext): Severity {
  const status = context.statuses.find(
    (entry) => entry.name === context.status.value,
  );
  return status && !status.strict ? "warning" : "failure";
}

/** One check per requirement, in first-seen order; unmet if any rule found it unmet. */
function mergeChecks(checks: readonly Check[]): Check[] {
  const merged = new Map<string, Check>();
  for (const check of checks) {
    const seen = merged.get(check.requirement);
    if (!seen || (seen.met && !check.met)) merged.set(check.requirement, check);
  }
  return [...merged.values()];
}

/** Whether a check is an unmet requirement. */
export function isFinding(check: Check): check is Finding {
  return (
    !check.met && check.message !== undefined && check.severity !== undefined
  );
}
