import { readStatusCommit } from "./status-commit.js";

/** A submitted review, as far as approvals go. */
export interface ReviewRecord {
  user: string;
  state: string;
  submittedAt: string;
}

/** A commit on the PR as GitHub shows it: who it links the author to, whether it is signed. */
export interface CommitRecord {
  message: string;
  author: string | undefined;
  verified: boolean;
  committedAt: string;
}

/** A label added to or removed from the PR, as GitHub recorded it. */
export interface LabelRecord {
  action: "labeled" | "unlabeled";
  label: string;
  actor: string;
  actorIsBot: boolean;
  createdAt: string;
}

/** A person whose status label the bot wrote into a doc, and what it wrote. */
export interface StatusSetting {
  path: string;
  status: string;
  /** The doc's blob as the bot's commit wrote it. */
  blob: string;
  by: string;
}

/** Users whose latest deciding review approves; comments and pending reviews decide nothing. */
export function latestApprovals(reviews: readonly ReviewRecord[]): string[] {
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

/**
 * Who set a status by label, per doc the bot's own status commits wrote: GitHub's records
 * only. A commit counts when GitHub links it to the bot's account and has verified its
 * signature (which it does for the commits an app makes through the API, and nobody else
 * can make as the bot); the setter is the person who last added that status's label before
 * the commit, as GitHub's label events say. Nothing here comes from text a PR participant
 * can edit.
 */
export function findStatusSettings(
  commits: readonly CommitRecord[],
  events: readonly LabelRecord[],
  options: {
    botLogin: string;
    labelOf: (status: string) => string | undefined;
  },
): StatusSetting[] {
  const bot = options.botLogin.toLowerCase();
  return commits.flatMap((commit): StatusSetting[] => {
    if (!commit.verified || commit.author?.toLowerCase() !== bot) return [];
    const written = readStatusCommit(commit.message);
    const label = written && options.labelOf(written.status)?.toLowerCase();
    if (!written || label === undefined) return [];
    const committed = Date.parse(commit.committedAt);
    const setter = events
      .filter(
        (event) =>
          event.action === "labeled" &&
          !event.actorIsBot &&
          event.label.toLowerCase() === label &&
          Date.parse(event.createdAt) <= committed,
      )
      .at(-1);
    return setter ? [{ ...written, by: setter.actor }] : [];
  });
}

/** The person who last added `label` (GitHub's record), unless a bot did. */
export function lastLabeledBy(
  events: readonly LabelRecord[],
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
