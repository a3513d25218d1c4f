import type { Probot } from "probot";
import { FakeGitHub } from "../fake-github/fake-github.js";
import type { GitHubModel } from "../fake-github/github-model.js";
import {
  APP_ID,
  createTestProbot,
  pullRequestEvent,
  rerunEvent,
  reviewEvent,
  pushEvent,
} from "./app.js";

/** The repository of the example payloads. */
export const REPO = "Codertocat/Hello-World";
/** The PR number of the example payloads. */
export const PR = 2;

type Event =
  | ReturnType<typeof pullRequestEvent>
  | ReturnType<typeof reviewEvent>
  | ReturnType<typeof rerunEvent>
  | ReturnType<typeof pushEvent>;

/** The App running in this process, and people acting on the PR GitHub holds. */
export interface PullRequestDriver {
  /** Every log line the App wrote. */
  logs: Record<string, unknown>[];
  /** Delivers a webhook event and waits for its run. */
  deliver(event: Event): Promise<void>;
  /** A `pull_request` event for the PR (by default #2) as the fake holds it now. */
  event(
    action: string,
    change?: (payload: Record<string, unknown>) => void,
    number?: number,
  ): Event;
  /** `sender` adds a label, and GitHub sends the `labeled` event; returns it. */
  label(name: string, sender?: string): Promise<Event>;
  /** `sender` removes a label; returns the `unlabeled` event. */
  unlabel(name: string, sender?: string): Promise<Event>;
  /** `user` submits a review; returns the `pull_request_review.submitted` event. */
  review(user: string, state: string): Promise<Event>;
  /** `author` pushes files to the PR; returns the `synchronize` event. */
  push(
    files: Record<string, string | Buffer | null>,
    author?: string,
  ): Promise<Event>;
}

/** The App running in this process against a stateful fake GitHub on loopback. */
export interface Scenario extends PullRequestDriver {
  github: FakeGitHub;
  /** GitHub's writes since the mark (access tokens left out). */
  writesSince(mark: number): { method: string; path: string }[];
  /** A mark in the request log. */
  mark(): number;
  stop(): Promise<void>;
}

/**
 * Starts the App in this process against a fresh fake GitHub, on testOctokit(production).
 */
export async function startScenario(
  options: { production?: boolean; maxRecheckPrs?: number } = {},
): Promise<Scenario> {
  const github = new FakeGitHub({ appId: APP_ID });
  const baseUrl = await github.start();
  const logs: Record<string, unknown>[] = [];
  const probot = await createTestProbot({ ...options, logs, baseUrl });
  return {
    github,
    ...drivePullRequest(github, probot, logs),
    mark: () => github.requests.length,
    writesSince: (mark) =>
      github.requests
        .slice(mark)
        .filter(
          (request) =>
            request.method !== "GET" &&
            !request.path.endsWith("/access_tokens"),
        )
        .map(({ method, path }) => ({ method, path })),
    stop: () => github.stop(),
  };
}

/** People acting on PR #2 of `github`, and the events GitHub sends `probot` for it. */
export function drivePullRequest(
  github: GitHubModel,
  probot: Probot,
  logs: Record<string, unknown>[],
): PullRequestDriver {
  const event: PullRequestDriver["event"] = (
    action,
    change = () => undefined,
    number = PR,
  ) =>
    pullRequestEvent(action, (payload) => {
      payload.number = number;
      Object.assign(payload.pull_request, { number });
      payload.pull_request.head.sha = github.headOf(REPO, number);
      change(payload as unknown as Record<string, unknown>);
    });
  const deliver = async (delivered: Event): Promise<void> => {
    await probot.receive(delivered as never);
  };
  const asUser = (sender: string) => (payload: Record<string, unknown>) => {
    payload.sender = { login: sender, type: "User" };
  };
  return {
    logs,
    deliver,
    event,
    async label(name, sender = "Codertocat") {
      github.addLabel(REPO, PR, name, sender);
      const labeled = event("labeled", (payload) => {
        asUser(sender)(payload);
        payload.label = { name };
      });
      await deliver(labeled);
      return labeled;
    },
    async unlabel(name, sender = "Codertocat") {
      github.removeLabel(REPO, PR, name, sender);
      const unlabeled = event("unlabeled", (payload) => {
        asUser(sender)(payload);
        payload.label = { name };
      });
      await deliver(unlabeled);
      return unlabeled;
    },
    async review(user, state) {
      github.addReview(REPO, PR, { user, state });
      const submitted = reviewEvent("submitted", (payload) => {
        payload.pull_request.head.sha = github.headOf(REPO, PR);
        payload.sender = { login: user, type: "User" };
      });
      await deliver(submitted);
      return submitted;
    },
    async push(files, author = "Codertocat") {
      github.push(REPO, PR, { files, author });
      const synchronize = event("synchronize", asUser(author));
      await deliver(synchronize);
      return synchronize;
    },
  };
}
