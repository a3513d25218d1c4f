import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import type { Octokit } from "@octokit/rest";
import { CONFIG_PATH } from "../config/parse-config.js";
import {
  appSlugOf,
  createGitHubClient,
  type BotIdentity,
} from "../github/client.js";
import { createDocCache } from "../github/read-docs.js";
import { createTokenOctokit } from "../github/token-octokit.js";
import { loadRepoConfig } from "../handlers/load-repo-config.js";
import type { RunHost, RunResult } from "../handlers/run-context.js";
import { runPullRequest } from "../handlers/run-pull-request.js";
import { renderJson } from "../report/render-json.js";
import {
  createWorkerPool,
  DEFAULT_TIME_BUDGET_MS,
} from "../workers/worker-pool.js";
import { InputError, readInputs, type ActionInputs } from "./inputs.js";
import { readEvent } from "./read-event.js";

/** What the step tells the workflow: `steps.<id>.outputs.*`. */
interface Outputs {
  /** The check's conclusion (`success`, `neutral`, `failure`), or `skipped`. */
  outcome: string;
  /** The PR's status label, if any. */
  status: string;
  docs: number;
  /** The JSON report's path (the CLI's `--format json`), when docs were checked. */
  report: string;
}

const USER_AGENT = "design-docs-bot-action";

/**
 * The step: reads its inputs and event as Actions gives them, runs the App's pass over the PR
 * with the step's token, and says the verdict four ways: the comment and labels on the PR (as
 * the App), the job summary, an annotation per finding, and the exit code `fail-on` asks for.
 * `script` is the file a doc worker runs: the bundle itself. Resolves to the exit code.
 */
export async function runAction(
  env: NodeJS.ProcessEnv,
  script: URL,
): Promise<number> {
  try {
    return await checkPullRequest(env, script);
  } catch (error) {
    core.setFailed(
      error instanceof InputError
        ? `Design Docs Bot: ${error.message}`
        : `Design Docs Bot could not check this pull request: ${describe(error)}`,
    );
    return 1;
  }
}

async function checkPullRequest(
  env: NodeJS.ProcessEnv,
  script: URL,
): Promise<number> {
  const inputs = readInputs();
  const name = env.GITHUB_EVENT_NAME;
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!name || !eventPath)
    throw new InputError(
      "GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this step runs in a GitHub Actions workflow",
    );
  const read = readEvent(name, JSON.parse(readFileSync(eventPath, "utf8")));
  if (!read.run) {
    core.notice(read.notice);
    setOutputs({ outcome: "skipped", status: "", docs: 0, report: "" });
    return 0;
  }
  const octokit = createTokenOctokit({
    token: inputs.token,
    baseUrl: env.GITHUB_API_URL || "https://api.github.com",
    userAgent: USER_AGENT,
    // Each request, and GitHub's expected 404s (no config file), only in a debug log.
    log: {
      debug: core.debug,
      info: core.debug,
      warn: core.warning,
      error: core.debug,
    },
  });
  const identity = { login: await tokenLogin(octokit) };
  if (inputs.checkRun && appSlugOf(identity.login) === undefined)
    throw new InputError(
      `check-run: true needs a GitHub App's token (the workflow's, or an App installation's): ${identity.login}'s token cannot write check runs`,
    );
  const lines: string[] = [];
  if (read.readOnly)
    lines.push(
      `This pull request comes from a fork, and on this event the workflow's token can only read: the checklist is here and in the annotations, and no comment or label was written. ${
        name === "pull_request_review"
          ? "A review's workflow always gets such a token for a fork's PR: the comment and labels catch up at the PR's next `pull_request_target` event."
          : "To post them, run this step on `pull_request_target` (see the README: that workflow is safe with Design Docs Bot, which never checks out or runs the pull request's code)."
      }`,
    );
  const unchecked = new Set<string>();
  const workers = createWorkerPool({
    timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
    workers: 1,
    script,
  });
  try {
    const host = hostFor(octokit, identity, inputs, read, {
      workers,
      uncheckedTeam: (team, user) =>
        unchecked.add(
          `@${user} could not be checked against ${team} (a team in a status rule's setBy): a workflow's token cannot read team membership, so @${user} counts as not allowed by it.`,
        ),
    });
    const result = await runPullRequest(host, read.target, read.event);
    // The repo has no config file of its own; its owner's, if any, may be out of reach.
    const asides: string[] = [];
    if ((await host.config)?.sources.length === 0)
      asides.push(
        `This repository has no ${inputs.config}, and ${read.target.owner}/.github's ${CONFIG_PATH}, if there is one, is out of this token's reach unless that repository is public: the built-in settings are used.`,
      );
    lines.push(...unchecked);
    return await report(result, inputs, { lines, asides }, env);
  } finally {
    await workers.close();
  }
}

/**
 * The login of the token's account, which wrote the comments and check runs that are the
 * bot's own: `github-actions[bot]` for the workflow's token. GraphQL's viewer answers for every
 * kind of token; REST's `/user` refuses an App's.
 */
async function tokenLogin(octokit: Octokit): Promise<string> {
  const { viewer } = await octokit.graphql<{ viewer: { login: string } }>(
    "query { viewer { login } }",
  );
  return viewer.login;
}

function hostFor(
  octokit: Octokit,
  identity: BotIdentity & { login: string },
  inputs: ActionInputs,
  read: Extract<ReturnType<typeof readEvent>, { run: true }>,
  parts: Pick<RunHost, "workers" | "uncheckedTeam">,
): RunHost {
  const { target } = read;
  const client = createGitHubClient(octokit, {
    owner: target.owner,
    repo: target.repo,
    number: target.number,
    identity,
  });
  const configSource = { path: inputs.config, reach: "repository" as const };
  return {
    client,
    cache: createDocCache(),
    identity,
    botLogin: () => Promise.resolve(identity.login),
    today: new Date().toISOString().slice(0, 10),
    configSource,
    readOnly: read.readOnly,
    ...parts,
    // The job is the check; the check run too only when asked for, and the config allows it.
    config: loadRepoConfig(client, parts.workers, target, configSource).then(
      (loaded) => ({
        ...loaded,
        config: {
          ...loaded.config,
          checkRun: inputs.checkRun ? loaded.config.checkRun : false,
        },
      }),
    ),
  };
}

/**
 * Writes the summary, the annotations and the outputs; the exit code `fail-on` asks for.
 * `lines` are said in the summary and as warnings, `asides` in the summary only.
 */
async function report(
  result: RunResult,
  inputs: ActionInputs,
  { lines, asides }: { lines: readonly string[]; asides: readonly string[] },
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { report: shown } = result;
  const outcome = shown?.conclusion ?? "skipped";
  // The checklist has its heading; a run that checked nothing says why in one.
  const body = [
    ...[...lines, ...asides].map((line) => `> ${line}`),
    shown ? shown.summary : `### Design docs: ${result.outcome}`,
  ].join("\n\n");
  // Only to the summary file: printed, a doc's own lines could pass for workflow commands.
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(body, true).write();
  for (const annotation of shown?.annotations ?? []) {
    const properties = {
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line,
      title: annotation.title,
    };
    if (annotation.annotation_level === "failure")
      core.error(annotation.message, properties);
    else core.warning(annotation.message, properties);
  }
  for (const line of lines) core.warning(line);
  let reportPath = "";
  if (result.reports && result.reports.length > 0) {
    reportPath = join(env.RUNNER_TEMP || tmpdir(), "design-docs-report.json");
    writeFileSync(reportPath, renderJson(result.reports));
  }
  setOutputs({
    outcome,
    status: result.status ?? "",
    docs: result.docs,
    report: reportPath,
  });
  core.info(
    `${result.docs} design doc(s), ${outcome}, ${result.writes.length > 0 ? result.writes.join(", ") : "nothing written"}`,
  );
  return outcome === "failure" && inputs.failOn === "failure" ? 1 : 0;
}

function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs))
    core.setOutput(name, value);
}

function describe(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  return typeof status === "number"
    ? `GitHub answered ${status}: ${message}`
    : message;
}
