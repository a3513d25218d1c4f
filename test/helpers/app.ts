import { generateKeyPairSync } from "node:crypto";
import { afterAll } from "@jest/globals";
import { Writable } from "node:stream";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  createDesignDocsOctokit,
} from "../../src/github/octokit.js";
import { createApp, type AppOptions } from "../../src/index.js";
import { COMMENT_MARKER } from "../../src/report/plan-comment.js";
import {
  DEFAULT_TIME_BUDGET_MS,
  createWorkerPool,
  type WorkerPool,
} from "../../src/workers/worker-pool.js";
import { TODAY } from "./engine.js";

/** The app id the tests run as; comments marked as written by it are the bot's. */
export const APP_ID = 1;
/** The installation the tests add to the payloads (the examples lack one). */
export const INSTALLATION_ID = 2;
/** The head sha of every example pull request payload. */
export const HEAD_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

/** The private key the tests' App signs with. */
export const PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
}).privateKey.export({ type: "pkcs1", format: "pem" }) as string;

/**
 * The Octokit class tests give Probot. By default retries and throttling are off;
 * `production` is the Octokit the server runs with (write spacing, retries, rate-limit
 * handling, a deadline of `timeoutMs` on each request), with every wait shortened: writes
 * are not spaced apart, and a second of `retry-after` or back-off is 1 ms.
 * Functions, not objects: Probot passes its own throttle options to the class, and an object
 * default would be shallow-merged under them.
 */
export function testOctokit(
  production: boolean,
  timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
): typeof ProbotOctokit {
  return production
    ? createDesignDocsOctokit({
        timeoutMs,
        writeIntervalMs: 0,
        notificationIntervalMs: 0,
        secondMs: 1,
      })
    : ProbotOctokit.defaults((instance: Record<string, unknown>) => ({
        ...instance,
        retry: { enabled: false },
        throttle: { ...(instance.throttle as object), enabled: false },
      }));
}

/** A log stream that keeps each JSON line Probot writes, parsed, in `logs`. */
function logInto(logs: Record<string, unknown>[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
}

let sharedWorkers: WorkerPool | undefined;

/**
 * One worker pool, at the App's default budget, for every app a test file starts: its warm
 * worker loads once per file rather than once per test, and is closed when the file ends.
 */
export function testWorkers(): WorkerPool {
  sharedWorkers ??= createWorkerPool({ timeBudgetMs: DEFAULT_TIME_BUDGET_MS });
  return sharedWorkers;
}

afterAll(async () => {
  await sharedWorkers?.close();
  sharedWorkers = undefined;
});

/**
 * A Probot with the app loaded, on testOctokit(production); `production` also gives every
 * request the server's deadline. `baseUrl` points it at a fake GitHub on loopback; `github`
 * answers every GitHub call in memory instead, and then any HTTP request fails the test.
 * Its docs are checked on the test file's shared pool unless `workers` names another.
 */
export async function createTestProbot(
  options: {
    production?: boolean;
    logs?: Record<string, unknown>[];
    githubTimeoutMs?: number;
    baseUrl?: string;
    github?: AppOptions["github"];
    maxRecheckPrs?: number;
    /** By default the test file's shared pool, testWorkers(). */
    workers?: WorkerPool;
  } = {},
): Promise<Probot> {
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    log: pino({ level: "debug" }, logInto(options.logs ?? [])),
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    ...(options.github && { request: { fetch: noHttp } }),
    Octokit: testOctokit(
      options.production === true,
      options.githubTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    ),
  });
  await probot.load(
    createApp({
      appId: APP_ID,
      today: () => TODAY,
      workers: options.workers ?? testWorkers(),
      ...(options.github && { github: options.github }),
      ...(options.maxRecheckPrs !== undefined && {
        maxRecheckPrs: options.maxRecheckPrs,
      }),
    }),
  );
  return probot;
}

function noHttp(input: unknown): Promise<Response> {
  return Promise.reject(
    new Error(`an in-memory test made an HTTP request: ${String(input)}`),
  );
}

type PullRequestExample = {
  action: string;
  label?: { name: string };
  installation?: { id: number; node_id: string };
  sender: { login: string; type: string };
  pull_request: { draft: boolean; head: { sha: string } };
  [key: string]: unknown;
};

/** A real `pull_request` payload from @octokit/webhooks-examples, with an installation. */
export function pullRequestEvent(
  action: string,
  change: (payload: PullRequestExample) => void = () => undefined,
): { id: string; name: "pull_request"; payload: never } {
  return webhookEvent("pull_request", action, change);
}

/** A real `pull_request_review` payload, with an installation. */
export function reviewEvent(
  action: string,
  change: (payload: PullRequestExample) => void = () => undefined,
): { id: string; name: "pull_request_review"; payload: never } {
  return webhookEvent("pull_request_review", action, change);
}

type RerunCheckRun = {
  name: string;
  app: { id: number } | null;
  pull_requests: unknown[];
};

/**
 * A real `check_run.rerequested` payload, moved to the pull request examples' repository: a
 * re-run of this app's `Design docs` check on PR 2's head. `change` edits its check run.
 */
export function rerunEvent(
  change: (checkRun: RerunCheckRun) => void = () => undefined,
): { id: string; name: "check_run"; payload: never } {
  const event = webhookEvent("check_run", "rerequested", () => undefined);
  const payload = event.payload as {
    repository: unknown;
    check_run: RerunCheckRun & Record<string, unknown>;
  };
  const { repository, pull_request } = pullRequestEvent("opened")
    .payload as unknown as {
    repository: { id: number; url: string; name: string };
    pull_request: {
      id: number;
      url: string;
      number: number;
      head: { ref: string; sha: string };
      base: { ref: string; sha: string };
    };
  };
  const repo = {
    id: repository.id,
    url: repository.url,
    name: repository.name,
  };
  payload.repository = repository;
  Object.assign(payload.check_run, {
    name: "Design docs",
    head_sha: HEAD_SHA,
    app: { ...(payload.check_run.app as object), id: APP_ID },
    pull_requests: [
      {
        id: pull_request.id,
        url: pull_request.url,
        number: pull_request.number,
        head: { ref: pull_request.head.ref, sha: pull_request.head.sha, repo },
        base: { ref: pull_request.base.ref, sha: pull_request.base.sha, repo },
      },
    ],
  });
  change(payload.check_run);
  return event;
}

function webhookEvent<Name extends string>(
  name: Name,
  action: string,
  change: (payload: PullRequestExample) => void,
): { id: string; name: Name; payload: never } {
  const group = (
    examples as unknown as {
      name: string;
      examples: PullRequestExample[];
    }[]
  ).find((entry) => entry.name === name);
  const example = group?.examples.find((entry) => entry.action === action);
  const edited =
    name === "pull_request" && action === "edited"
      ? group?.examples.find((entry) => entry.action === "opened")
      : undefined;
  if (!example && !edited) throw new Error(`no ${name}.${action} example`);
  const payload = structuredClone((example ?? edited) as PullRequestExample);
  if (edited) {
    // The examples hold no `edited` event; it is an `opened` payload with the change named.
    payload.action = "edited";
    payload.changes = { body: { from: "" } };
  }
  payload.installation = {
    id: INSTALLATION_ID,
    node_id: "MDIzOkluc3RhbGxhdGlvbjI=",
  };
  change(payload);
  return { id: `delivery-${action}`, name, payload: payload as never };
}

/**
 * A real `push` payload (a push to the default branch of Codertocat/Hello-World), with an
 * installation, its one commit modifying `files`; `change` edits it further.
 */
export function pushEvent(
  files: string[],
  change: (payload: PushExample) => void = () => undefined,
): { id: string; name: "push"; payload: never } {
  const group = (
    examples as unknown as { name: string; examples: PushExample[] }[]
  ).find((entry) => entry.name === "push");
  const example = group?.examples.find(
    (entry) => entry.ref === `refs/heads/${entry.repository.default_branch}`,
  );
  if (!example) throw new Error("no push example to a default branch");
  const payload = structuredClone(example);
  payload.installation = {
    id: INSTALLATION_ID,
    node_id: "MDIzOkluc3RhbGxhdGlvbjI=",
  };
  for (const commit of [...payload.commits, payload.head_commit ?? {}])
    Object.assign(commit, { added: [], removed: [], modified: files });
  change(payload);
  return {
    id: `delivery-push-${files.join(",")}`,
    name: "push",
    payload: payload as never,
  };
}

type PushExample = {
  ref: string;
  installation?: { id: number; node_id: string };
  repository: { name: string; full_name: string; default_branch: string };
  commits: Record<string, unknown>[];
  head_commit: Record<string, unknown> | null;
  [key: string]: unknown;
};

/** A checklist comment body as the bot writes it. */
export function marked(checklist: string): string {
  return `${COMMENT_MARKER}\n${checklist}`;
}
