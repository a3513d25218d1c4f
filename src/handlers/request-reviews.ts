import { statusOf, type GitHubClient } from "../github/client.js";
import type { AskedReviews } from "../report/comment-state.js";
import type { ReviewRequest } from "../report/plan-reviews.js";

/** What requesting the planned reviews came to. */
export interface ReviewsRequested {
  /** Per status, what the comment is to remember: who was asked, whom GitHub refused. */
  asked: Record<string, AskedReviews>;
  /** Whether any request was made. */
  requested: boolean;
  /** Why the requests could not be made (GitHub failed, not refused): asked again next time. */
  failure: string | undefined;
}

/**
 * Requests the planned reviews, every status's in one request. GitHub refuses the whole
 * request (422) when one person in it cannot be asked, so then each is asked alone, and only
 * those refused are left out. A failure of GitHub's (a 5xx, a timeout) is not a refusal:
 * nothing is remembered, the run goes on, and the next event asks again. A status with
 * nobody left to ask costs no request.
 */
export async function requestReviews(
  client: GitHubClient,
  requests: readonly ReviewRequest[],
): Promise<ReviewsRequested> {
  const users = [...new Set(requests.flatMap((request) => request.users))];
  const teams = [...new Set(requests.flatMap((request) => request.teams))];
  if (users.length + teams.length === 0)
    return {
      asked: remember(requests, new Map()),
      requested: false,
      failure: undefined,
    };
  try {
    const refusals = new Map<string, string>();
    const answer = await client.requestReviewers(users, teams);
    if (answer && users.length + teams.length === 1)
      refusals.set(users[0] ?? teams[0] ?? "", answer.refused);
    else if (answer) {
      for (const user of users) {
        const alone = await client.requestReviewers([user], []);
        if (alone) refusals.set(user, alone.refused);
      }
      for (const team of teams) {
        const alone = await client.requestReviewers([], [team]);
        if (alone) refusals.set(team, alone.refused);
      }
    }
    return {
      asked: remember(requests, refusals),
      requested: true,
      failure: undefined,
    };
  } catch (error) {
    const status = statusOf(error);
    return {
      asked: {},
      requested: true,
      failure:
        status === undefined
          ? "GitHub did not answer"
          : `GitHub answered ${status}`,
    };
  }
}

/** Per status, who was asked and whom GitHub refused (by user login or team slug). */
function remember(
  requests: readonly ReviewRequest[],
  refusals: ReadonlyMap<string, string>,
): Record<string, AskedReviews> {
  return Object.fromEntries(
    requests.map((request) => {
      // `names` lists the users, then the teams as the config names them.
      const keys = [...request.users, ...request.teams];
      const refused = request.names.filter((_name, index) =>
        refusals.has(keys[index] ?? ""),
      );
      const reason = keys.map((key) => refusals.get(key)).find(Boolean);
      return [
        request.status,
        {
          asked: request.names.filter((name) => !refused.includes(name)),
          refused:
            refused.length > 0 && reason !== undefined
              ? { names: refused, reason }
              : undefined,
        },
      ];
    }),
  );
}
