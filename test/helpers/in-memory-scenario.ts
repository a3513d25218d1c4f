import type { GitHubClient } from "../../src/github/client.js";
import { GitHubModel } from "../fake-github/github-model.js";
import { APP_ID, createTestProbot } from "./app.js";
import {
  WRITES,
  createFakeGitHubClient,
  type ClientCall,
} from "./fake-github-client.js";
import { drivePullRequest, type PullRequestDriver } from "./scenario.js";

export { PR, REPO } from "./scenario.js";

type Method = keyof GitHubClient;

/**
 * The App loaded into a Probot whose every GitHub call an in-memory GitHub answers: a test
 * sets up a state, delivers an event, and looks at the state after. No HTTP at all.
 */
export interface InMemoryScenario extends PullRequestDriver {
  github: GitHubModel;
  /** Every call the handlers made of their client, in order. */
  calls: ClientCall[];
  /** A mark in the call log. */
  mark(): number;
  /** The client's calls since the mark that write to GitHub. */
  writesSince(mark: number): Method[];
  /** The next `times` calls of `method` fail with `error`, as GitHub's answer would. */
  failNext(method: Method, error: Error, times?: number): void;
  /** Runs `run` just before the next call of `method`: another person acting meanwhile. */
  beforeNext(method: Method, run: () => void): void;
}

/** Starts the App on a fresh in-memory GitHub, its bot `design-docs-bot[bot]`. */
export async function startInMemory(): Promise<InMemoryScenario> {
  const github = new GitHubModel({ appId: APP_ID });
  const calls: ClientCall[] = [];
  const faults: { method: Method; error: Error; times: number }[] = [];
  const hooks: { method: Method; run: () => void }[] = [];
  const before = (method: Method): void => {
    const hook = hooks.findIndex((entry) => entry.method === method);
    if (hook >= 0) hooks.splice(hook, 1)[0]?.run();
    const fault = faults.find(
      (entry) => entry.method === method && entry.times > 0,
    );
    if (!fault) return;
    fault.times -= 1;
    throw fault.error;
  };
  const logs: Record<string, unknown>[] = [];
  const probot = await createTestProbot({
    logs,
    github: () => ({
      clientFor: (_octokit, ref) =>
        createFakeGitHubClient(github, ref, { calls, before }),
      botLogin: async () => github.botLogin,
    }),
  });
  return {
    github,
    calls,
    ...drivePullRequest(github, probot, logs),
    mark: () => calls.length,
    writesSince: (mark) =>
      calls
        .slice(mark)
        .map((call) => call.method)
        .filter((method) => WRITES.has(method)),
    failNext(method, error, times = 1) {
      faults.push({ method, error, times });
    },
    beforeNext(method, run) {
      hooks.push({ method, run });
    },
  };
}
