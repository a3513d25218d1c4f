import type { RuleContext } from "./rule-context.js";
import type { Check } from "./types.js";

/** A validation rule: an id, and what it finds in a doc read against its template. */
export interface Rule {
  id: string;
  check(context: RuleContext): Check[];
}

/** Appends the line to a message, the way every finding cites it: `… (line 37)`. */
function atLine(message: string, line: number | undefined): string {
  return line === undefined ? message : `${message} (line ${line})`;
}

/** The checklist line for a template section: `Section "Alternatives"`. */
export function sectionRequirement(title: string): string {
  return `Section "${title}"`;
}

/** A requirement the doc meets. */
export function met(ruleId: string, requirement: string, line?: number): Check {
  return {
    ruleId,
    requirement,
    met: true,
    ...(line === undefined ? {} : { line }),
  };
}

/** A requirement the doc does not meet; the message gets the line appended. */
export function unmet(
  ruleId: string,
  requirement: string,
  message: string,
  line?: number,
): Check {
  return {
    ruleId,
    requirement,
    met: false,
    message: atLine(message, line),
    ...(line === undefined ? {} : { line }),
  };
}

/** The checklist line for a header field: `Field "Owner"`. */
export function fieldRequirement(key: string): string {
  return `Field "${key}"`;
}

/** An unmet requirement whose message already cites its lines; `line` is where to annotate. */
export function unmetCited(
  ruleId: string,
  requirement: string,
  message: string,
  line: number,
): Check {
  return { ruleId, requirement, met: false, message, line };
}
