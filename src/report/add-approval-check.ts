import { describeSetters, type StatusRule } from "../config/status-rules.js";
import { outcomeOf, type DocReport } from "../validate/check-design-doc.js";
import { met, unmet } from "../validate/rule.js";

/** A doc whose Status moved into a restricted status (or was created in one). */
export interface StatusMove {
  path: string;
  status: string;
  /** Its Status at the base; undefined for a doc new to the checked paths. */
  before: string | undefined;
  rule: StatusRule;
  /** People allowed to set the status who approved the move: reviewers and label setters. */
  approvedBy: readonly string[];
}

/** How many approvals a move into a status with this rule takes. */
export function approvalsNeeded(rule: StatusRule): number {
  return Math.max(1, rule.requireApprovals);
}

/**
 * Adds the requirement that a restricted move is approved: met once enough allowed people
 * approved it, else a failure naming who may approve and how many have.
 */
export function addApprovalCheck(
  report: DocReport,
  move: StatusMove,
): DocReport {
  const needed = approvalsNeeded(move.rule);
  const approvals = new Set(move.approvedBy.map((user) => user.toLowerCase()))
    .size;
  const who = describeSetters(move.rule);
  const requirement = `Status "${move.status}" approved by ${who}`;
  const check =
    approvals >= needed
      ? met("status-approval", requirement, report.status.line)
      : {
          ...unmet(
            "status-approval",
            requirement,
            `Status ${move.before ? `moved from "${move.before}" to` : "set to"} "${move.status}"; that needs ${needed} approving review${needed === 1 ? "" : "s"} from ${who}, ${approvals} so far`,
            report.status.line,
          ),
          severity: "failure" as const,
        };
  const checks = [...report.checks, check];
  return { ...report, checks, outcome: outcomeOf(checks) };
}
