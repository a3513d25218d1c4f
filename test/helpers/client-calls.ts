import { STATUS_CODES } from "node:http";
import { RequestError } from "@octokit/request-error";
import type { GitHubClient } from "../../src/github/client.js";
import type { RepoClient } from "../../src/github/repo-client.js";
import { GitHubRefusal } from "../fake-github/github-model.js";

type Method = keyof GitHubClient | keyof RepoClient;

/** A call the handlers made of the in-memory client. */
export interface ClientCall {
  method: Method;
  args: unknown[];
  /** With `inRounds`, the round trip the call was made in, from 1. */
  round?: number | undefined;
}

/** The client's calls that change something on GitHub. */
const WRITES: ReadonlySet<Method> = new Set([
  "putFile",
  "createReview",
  "requestReviewers",
  "createComment",
  "updateComment",
  "deleteComment",
  "addLabels",
  "updateLabel",
  "removeLabel",
  "createCheckRun",
  "addAnnotations",
] as const);

/** The calls a client was asked, and what a test has happen to the next ones. */
export interface CallLog {
  /** Every call made, in order. */
  calls: ClientCall[];
  /** The calls since the `mark`-th that write to GitHub. */
  writesSince(mark: number): Method[];
  /** The next `times` calls of `method` fail with `error`, as GitHub's answer would. */
  failNext(method: Method, error: Error, times?: number): void;
  /** Runs `run` just before the next call of `method`: another person acting meanwhile. */
  beforeNext(method: Method, run: () => void): void;
  /** Records a call and runs what the test set up for it; a throw is the call's failure. */
  record(call: ClientCall): void;
  /**
   * With `inRounds`, holds a call until every call made meanwhile has joined it, as GitHub
   * would see requests sent at once; resolves with the round. Without, resolves at once.
   */
  join(): Promise<number | undefined>;
}

/**
 * An empty call log. `inRounds` counts round trips: calls made while no answer came back
 * share a round, and each is answered only once the round is complete (after the microtasks
 * they were made in), so a call made after an answer (or a worker's check) is a round later.
 */
export function createCallLog({ inRounds = false } = {}): CallLog {
  const calls: ClientCall[] = [];
  let round = 0;
  let answered: Promise<void> | undefined;
  const faults: { method: Method; error: Error; times: number }[] = [];
  const hooks: { method: Method; run: () => void }[] = [];
  return {
    calls,
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
    join() {
      if (!inRounds) return Promise.resolve(undefined);
      if (!answered) {
        round += 1;
        answered = new Promise((resolve) =>
          setTimeout(() => {
            answered = undefined;
            resolve();
          }, 0),
        );
      }
      const mine = round;
      return answered.then(() => mine);
    },
    record(call) {
      calls.push(call);
      const hook = hooks.findIndex((entry) => entry.method === call.method);
      if (hook >= 0) hooks.splice(hook, 1)[0]?.run();
      const fault = faults.find(
        (entry) => entry.method === call.method && entry.times > 0,
      );
      if (!fault) return;
      fault.times -= 1;
      throw fault.error;
    },
  };
}

/** An error as Octokit throws it for GitHub's answer `status` to `method path`. */
export function gitHubError(
  status: number,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" = "GET",
  path = "/",
): RequestError {
  return new RequestError(STATUS_CODES[status] ?? "injected", status, {
    request: { method, url: `https://api.github.com${path}`, headers: {} },
  });
}

/**
 * The client with each call recorded in `log` first; a refusal of the GitHub model becomes
 * the RequestError Octokit would throw.
 */
export function observed<T extends GitHubClient | RepoClient>(
  client: T,
  log: CallLog,
): T {
  const entries = Object.entries(client).map(([method, original]) => [
    method,
    async (...args: unknown[]) => {
      const call: ClientCall = { method: method as Method, args };
      log.record(call);
      call.round = await log.join();
      try {
        return await (original as (...args: unknown[]) => Promise<unknown>)(
          ...args,
        );
      } catch (error) {
        if (error instanceof GitHubRefusal)
          throw gitHubError(error.status, "POST", `/${method}`);
        throw error;
      }
    },
  ]);
  return Object.fromEntries(entries) as T;
}
