import { GitHubModel } from "../fake-github/github-model.js";
import { APP_ID, createTestProbot } from "./app.js";
import { createCallLog, type CallLog } from "./client-calls.js";
import {
  createFakeGitHubClient,
  createFakeRepoClient,
} from "./fake-github-client.js";
import { drivePullRequest, type PullRequestDriver } from "./scenario.js";

export { PR, REPO } from "./scenario.js";

/**
 * The App loaded into a Probot whose every GitHub call an in-memory GitHub answers: a test
 * sets up a state, delivers an event, and looks at the state after. No HTTP at all. The
 * client's calls are logged, for the few tests about what a run costs or leaves unwritten.
 */
export interface InMemoryScenario
  extends PullRequestDriver, Omit<CallLog, "record" | "join"> {
  github: GitHubModel;
  /** A mark in the call log. */
  mark(): number;
}

/**
 * Starts the App on a fresh in-memory GitHub, its bot `design-docs-bot[bot]`. With
 * `inRounds`, each logged call says in which sequential round trip it was made.
 */
export async function startInMemory({
  inRounds = false,
} = {}): Promise<InMemoryScenario> {
  const github = new GitHubModel({ appId: APP_ID });
  const log = createCallLog({ inRounds });
  const logs: Record<string, unknown>[] = [];
  const probot = await createTestProbot({
    logs,
    github: () => ({
      clientFor: (_octokit, ref) => createFakeGitHubClient(github, ref, log),
      repoClientFor: () => createFakeRepoClient(github, log),
      botLogin: async () => github.botLogin,
    }),
  });
  return {
    github,
    ...drivePullRequest(github, probot, logs),
    calls: log.calls,
    mark: () => log.calls.length,
    writesSince: log.writesSince,
    failNext: log.failNext,
    beforeNext: log.beforeNext,
  };
}
