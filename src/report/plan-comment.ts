import {
  isOwnComment,
  type BotIdentity,
  type ExistingComment,
} from "../github/client.js";

/** The hidden line that marks the checklist comment. */
export const COMMENT_MARKER = "<!-- design-docs-bot: checklist -->";

/** What to do to the PR's comments so exactly one checklist comment says `body`. */
export interface CommentPlan {
  create: string | undefined;
  update: { id: number; body: string } | undefined;
  /** Duplicate checklist comments left by concurrent runs. */
  remove: number[];
}

/** The full comment body: the marker, then the checklist. */
export function commentBody(checklist: string): string {
  return `${COMMENT_MARKER}\n${checklist}`;
}

/**
 * The checklist comments among a PR's comments: marked, and written by this app (a user who
 * pastes the marker does not make a comment ours). Oldest first.
 */
export function findChecklistComments(
  comments: readonly ExistingComment[],
  identity: BotIdentity,
): ExistingComment[] {
  return comments
    .filter(
      (comment) =>
        isOwnComment(comment, identity) &&
        comment.body.startsWith(COMMENT_MARKER),
    )
    .sort((a, b) =>
      a.createdAt === b.createdAt
        ? a.id - b.id
        : a.createdAt < b.createdAt
          ? -1
          : 1,
    );
}

/**
 * Plans the checklist comment: keep the oldest, remove the rest, and write `body` only when it
 * differs. With `body` undefined, nothing is created, but an existing comment is kept as is.
 */
export function planComment(
  ours: readonly ExistingComment[],
  body: string | undefined,
): CommentPlan {
  const [kept, ...extra] = ours;
  const remove = extra.map((comment) => comment.id);
  if (body === undefined)
    return { create: undefined, update: undefined, remove };
  if (!kept) return { create: body, update: undefined, remove };
  return {
    create: undefined,
    update: kept.body === body ? undefined : { id: kept.id, body },
    remove,
  };
}
