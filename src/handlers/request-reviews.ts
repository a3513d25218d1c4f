import type { GitHubClient } from "../github/client.js";
import type { AskedReviews } from "../report/comment-state.js";
import type { ReviewRequest } from "../report/plan-reviews.js";

/**
 * Requests the planned reviews, every status's in one request, and says per status what the
 * comment is to remember: who was asked, or what GitHub said when it refused. A status with
 * nobody left to ask costs no request.
 */
export async function requestReviews(
  client: GitHubClient,
  requests: readonly ReviewRequest[],
): Promise<{ asked: Record<string, AskedReviews>; requested: boolean }> {
  const users = [...new Set(requests.flatMap((request) => request.users))];
  const teams = [...new Set(requests.flatMap((request) => request.teams))];
  const requested = users.length + teams.length > 0;
  const answer = requested
    ? await client.requestReviewers(users, teams)
    : undefined;
  return {
    asked: Object.fromEntries(
      requests.map((request) => [
        request.status,
        { asked: request.names, refused: answer?.refused },
      ]),
    ),
    requested,
  };
}
