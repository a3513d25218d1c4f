import type {
  LabelEvent,
  PullRequestCommit,
  Review,
} from "../github/client.js";
import { readStatusCommit } from "./status-commit.js";

/** A person whose status label the bot wrote into a doc, and what it wrote. */
export interface StatusSetting {
  path: string;
  status: string;
  /** The doc's blob as the bot's commit wrote it. */
  blob: string;
  by: string;
}

/**
 * Users whose latest deciding review approves; comments and pending reviews decide nothing.
 * With `atHead`, only an approval given on that head counts (a push makes it stale).
 */
export function latestApprovals(
  reviews: readonly Review[],
  atHead?: string,
): string[] {
  const latest = new Map<string, Review>();
  for (const review of [...reviews].sort((a, b) =>
    a.submittedAt < b.submittedAt ? -1 : 1,
  )) {
    if (review.state === "COMMENTED" || review.state === "PENDING") continue;
    latest.set(review.user, review);
  }
  return [...latest.values()]
    .filter(
      (review) =>
        review.state === "APPROVED" &&
        (atHead === undefined || review.commitId === atHead),
    )
    .map((review) => review.user);
}

/**
 * Who set a status by label, per doc the bot's own status commits wrote: GitHub's records
 * only. A commit is the bot's when GitHub links both its author and its committer to the
 * bot's account and has verified its signature: GitHub signs the commits an app makes
 * through the API, a signature vouches for the committer, and nobody else can commit as
 * the bot. Its trailers say which doc and blob it wrote, and which label event it carried
 * out; that event must be on this PR's own record (a commit brought over from another PR
 * names an event this one does not have), adding this status's label, by a person, who is
 * the setter. Nothing here comes from text a PR participant can edit, nor from a date.
 */
export function findStatusSettings(
  commits: readonly PullRequestCommit[],
  events: readonly LabelEvent[],
  options: {
    botLogin: string;
    labelOf: (status: string) => string | undefined;
  },
): StatusSetting[] {
  const bot = options.botLogin.toLowerCase();
  return commits.flatMap((commit): StatusSetting[] => {
    if (
      !commit.verified ||
      commit.author?.toLowerCase() !== bot ||
      commit.committer?.toLowerCase() !== bot
    )
      return [];
    const written = readStatusCommit(commit.message);
    const label = written && options.labelOf(written.status)?.toLowerCase();
    if (!written || label === undefined) return [];
    const setter = events.find(
      (event) =>
        event.id === written.labelEvent &&
        event.action === "labeled" &&
        !event.actorIsBot &&
        event.label.toLowerCase() === label,
    );
    return setter
      ? [
          {
            path: written.path,
            status: written.status,
            blob: written.blob,
            by: setter.actor,
          },
        ]
      : [];
  });
}

/** The label event of `actor` adding `label` last: the one a status commit carries out. */
export function lastLabelEventOf(
  events: readonly LabelEvent[],
  label: string,
  actor: string,
): LabelEvent | undefined {
  return events
    .filter(
      (event) =>
        event.action === "labeled" &&
        event.label.toLowerCase() === label.toLowerCase() &&
        event.actor.toLowerCase() === actor.toLowerCase(),
    )
    .at(-1);
}

/** The person who last added `label` (GitHub's record), unless a bot did. */
export function lastLabeledBy(
  events: readonly LabelEvent[],
  label: string,
): string | undefined {
  const latest = events
    .filter(
      (event) =>
        event.action === "labeled" &&
        event.label.toLowerCase() === label.toLowerCase(),
    )
    .at(-1);
  return latest && !latest.actorIsBot ? latest.actor : undefined;
}
