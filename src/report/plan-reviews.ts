import type { Setter } from "../config/status-rules.js";
import type { AskedReviews } from "./comment-state.js";
import { neutralize } from "./neutralize.js";

/** Reviews to request because docs on the PR reached `status`. */
export interface ReviewRequest {
  status: string;
  users: string[];
  /** Slugs of the repository owner's teams. */
  teams: string[];
  /** Who is asked, as the config names them, for the comment to remember. */
  names: string[];
}

/** What deciding on review requests takes: the config, the PR and its reviews. */
export interface ReviewFacts {
  /** Per status, whose reviews the config asks for. */
  reviewers: Readonly<Record<string, readonly Setter[]>>;
  /** The statuses with reviewers a doc reached on this PR (at it now, not at the base). */
  statuses: readonly string[];
  /** What the comment remembers was asked already, per status. */
  asked: Readonly<Record<string, AskedReviews>>;
  owner: string;
  author: string;
  requestedUsers: readonly string[];
  requestedTeams: readonly string[];
  /** Users who reviewed the PR already. */
  reviewed: readonly string[];
}

/**
 * The reviews to request: for each status a doc reached that names reviewers and was not
 * asked for on this PR before, those not already requested or reviewing, never the author.
 * A status whose reviewers are all requested already is still planned (with nobody to ask),
 * so the comment remembers it and a later run asks nothing.
 */
export function planReviewRequests(facts: ReviewFacts): ReviewRequest[] {
  const same = (a: string) => (b: string) =>
    a.toLowerCase() === b.toLowerCase();
  const statuses = [...new Set(facts.statuses)].filter(
    (status) =>
      Object.hasOwn(facts.reviewers, status) &&
      !Object.hasOwn(facts.asked, status),
  );
  return statuses.map((status) => {
    const setters = facts.reviewers[status] ?? [];
    const users = setters
      .flatMap((setter) => (setter.kind === "user" ? [setter.login] : []))
      .filter(
        (login) =>
          !same(login)(facts.author) &&
          !facts.requestedUsers.some(same(login)) &&
          !facts.reviewed.some(same(login)),
      );
    const teams = setters.flatMap((setter) =>
      setter.kind === "team" &&
      same(setter.org)(facts.owner) &&
      !facts.requestedTeams.some(same(setter.slug))
        ? [setter]
        : [],
    );
    return {
      status,
      users,
      teams: teams.map((team) => team.slug),
      names: [...users, ...teams.map((team) => `@${team.org}/${team.slug}`)],
    };
  });
}

/**
 * The checklist's lines on reviewers: per status the comment remembers asking for, who was
 * asked, whom GitHub refused and why, and who of those allowed to set it has approved; and
 * why this run could not ask, when it could not (the next event asks again).
 */
export function describeReviews(
  asked: Readonly<Record<string, AskedReviews>>,
  approvedBy: Readonly<Record<string, readonly string[]>>,
  failure?: string,
): string[] {
  const who = (names: readonly string[]) =>
    names
      .map((name) => neutralize(name.startsWith("@") ? name : `@${name}`))
      .join(", ");
  const lines = Object.entries(asked).map(([status, entry]) => {
    const parts = [
      entry.asked.length > 0
        ? `reviews requested from ${who(entry.asked)}.`
        : entry.refused
          ? ""
          : "nobody left to ask (each was requested already, is reviewing, or is the author).",
      entry.refused
        ? `GitHub refused to ask ${who(entry.refused.names)}: ${neutralize(entry.refused.reason).replace(/\.?$/u, ".")}`
        : "",
    ].filter((part) => part !== "");
    const approvers = approvedBy[status] ?? [];
    return `Reviewers for **${neutralize(status)}**: ${parts.join(" ")} Approved by ${approvers.length > 0 ? who(approvers) : "nobody yet"}.`;
  });
  return failure
    ? [
        ...lines,
        `Could not request reviews: ${neutralize(failure)}. The next event asks again.`,
      ]
    : lines;
}
