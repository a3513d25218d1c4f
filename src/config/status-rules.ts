/** Someone who may set a status: a user, or every member of a team. */
export type Setter =
  { kind: "user"; login: string } | { kind: "team"; org: string; slug: string };

/** Who may set a status, and what moving a doc into it takes. */
export interface StatusRule {
  /** Users and teams allowed; undefined: anyone with write, maintain or admin access. */
  setBy: Setter[] | undefined;
  /** Approving reviews from allowed people a doc needs to move into the status by an edit. */
  requireApprovals: number;
}

/** The rule when the config says nothing about a status. */
export const DEFAULT_STATUS_RULE: StatusRule = {
  setBy: undefined,
  requireApprovals: 0,
};

/** Repository roles that may set any status by default. */
export const WRITER_ROLES: readonly string[] = ["write", "maintain", "admin"];

/** Reads `alice`, `@alice`, `@org/team` or `org/team`; undefined when it is neither. */
export function parseSetter(text: string): Setter | undefined {
  const match =
    /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?:\/([A-Za-z0-9._-]+))?$/u.exec(
      text.trim(),
    );
  if (!match) return undefined;
  const [, first = "", slug] = match;
  return slug === undefined
    ? { kind: "user", login: first }
    : { kind: "team", org: first, slug };
}

/**
 * Whether moving a doc into this status by editing it needs approving reviews: when the
 * config restricts who may set it, or asks for approvals.
 */
export function isRestricted(rule: StatusRule): boolean {
  return rule.setBy !== undefined || rule.requireApprovals > 0;
}

/** Who may set a status, for messages: `@org/architects or @alice`. Mentions are left inert by the renderer. */
export function describeSetters(rule: StatusRule): string {
  if (rule.setBy === undefined)
    return "people with write, maintain or admin access to the repository";
  return rule.setBy
    .map((setter) =>
      setter.kind === "user"
        ? `@${setter.login}`
        : `@${setter.org}/${setter.slug}`,
    )
    .join(" or ");
}
