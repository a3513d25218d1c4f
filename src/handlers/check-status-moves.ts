import type { DocChecker } from "../check/doc-checker.js";
import { ownValue } from "../config/own-value.js";
import {
  describeSetters,
  isRestricted,
  type StatusRule,
} from "../config/status-rules.js";
import type {
  ChangedFile,
  GitHubClient,
  PullRequestState,
} from "../github/client.js";
import type { PermissionCheck } from "../github/check-permission.js";
import type { CommentState } from "../report/comment-state.js";
import { outcomeOf, type DocReport } from "../validate/check-design-doc.js";
import type { StatusDefinition } from "../validate/options.js";
import { met, unmet } from "../validate/rule.js";

/** What checking status moves needs besides the reports. */
export interface StatusMoveContext {
  client: GitHubClient;
  pr: PullRequestState;
  rules: Readonly<Record<string, StatusRule>>;
  vocabulary: readonly StatusDefinition[];
  mayUserSet: PermissionCheck;
  state: CommentState;
  checker: DocChecker;
}

/**
 * Adds a requirement to each doc whose Status moved into a restricted status (one the config
 * names `setBy` or `requireApprovals` for), or was created in one: enough approving reviews
 * from people allowed to set it. A person who set the status by label counts as one.
 */
export async function checkStatusMoves(
  files: readonly ChangedFile[],
  reports: readonly DocReport[],
  context: StatusMoveContext,
): Promise<DocReport[]> {
  let approvers: Promise<string[]> | undefined;
  const approving = (): Promise<string[]> => {
    approvers ??= context.client.listReviews().then(latestApprovals);
    return approvers;
  };
  return Promise.all(
    reports.map(async (report, index) => {
      const status = report.status.value;
      const rule = ownValue(context.rules, status);
      if (!status || !rule || !isRestricted(rule)) return report;
      const file = files[index];
      if (!file) return report;
      const before = await statusAtBase(file, context);
      if (before === status) return report;
      const allowed = await allowedAmong(await approving(), rule, context);
      if (context.state.setBy?.status === status)
        allowed.add(context.state.setBy.by.toLowerCase());
      const needed = Math.max(1, rule.requireApprovals);
      const requirement = `Status "${status}" approved by ${describeSetters(rule)}`;
      const check =
        allowed.size >= needed
          ? met("status-approval", requirement, report.status.line)
          : {
              ...unmet(
                "status-approval",
                requirement,
                `Status ${before ? `moved from "${before}" to` : "set to"} "${status}"; that needs ${needed} approving review${needed === 1 ? "" : "s"} from ${describeSetters(rule)}, ${allowed.size} so far`,
                report.status.line,
              ),
              severity: "failure" as const,
            };
      const checks = [...report.checks, check];
      return { ...report, checks, outcome: outcomeOf(checks) };
    }),
  );
}

async function statusAtBase(
  file: ChangedFile,
  context: StatusMoveContext,
): Promise<string | undefined> {
  if (file.status === "added") return undefined;
  const base = await context.client.getFileAt(
    file.previousPath ?? file.path,
    context.pr.baseSha,
  );
  if (base?.text === undefined) return undefined;
  // A base doc too complex to read counts as having no Status: the move still needs approval.
  const status = await context.checker.run(
    "status",
    base.text,
    context.vocabulary,
  );
  return status.ok ? status.value : undefined;
}

/** Users whose latest deciding review approves. */
function latestApprovals(
  reviews: readonly { user: string; state: string; submittedAt: string }[],
): string[] {
  const latest = new Map<string, string>();
  for (const review of [...reviews].sort((a, b) =>
    a.submittedAt < b.submittedAt ? -1 : 1,
  )) {
    if (review.state === "COMMENTED" || review.state === "PENDING") continue;
    latest.set(review.user, review.state);
  }
  return [...latest]
    .filter(([, state]) => state === "APPROVED")
    .map(([user]) => user);
}

async function allowedAmong(
  users: readonly string[],
  rule: StatusRule,
  context: StatusMoveContext,
): Promise<Set<string>> {
  const allowed = await Promise.all(
    users.map(async (user) =>
      (await context.mayUserSet(user, rule)) ? [user] : [],
    ),
  );
  return new Set(allowed.flat().map((user) => user.toLowerCase()));
}
