import nock from "nock";
import {
  createGitHubClient,
  type GitHubClient,
} from "../../src/github/client.js";
import { APP_ID, testOctokit } from "./app.js";

/** The repository the client tests' PR is in, as API paths name it. */
export const API_REPO = "/repos/Codertocat/Hello-World";

/**
 * The real client for PR #2 over an Octokit without retries or throttling, and a nock scope
 * for GitHub's API: the tests of the client's own mapping (paths, bodies, pages, statuses).
 */
export function nockedClient(): { client: GitHubClient; api: nock.Scope } {
  nock.disableNetConnect();
  const Octokit = testOctokit(false);
  const client = createGitHubClient(new Octokit({ auth: { token: "t" } }), {
    owner: "Codertocat",
    repo: "Hello-World",
    number: 2,
    appId: APP_ID,
  });
  return { client, api: nock("https://api.github.com") };
}
