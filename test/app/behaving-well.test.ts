import { readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";
import { readServerSettings } from "../../src/serve/server-settings.js";
import { pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import { gitHubError } from "../helpers/client-calls.js";
import { startInMemory } from "../helpers/in-memory-scenario.js";
import { PR, REPO, startScenario } from "../helpers/scenario.js";

const DOC = fixture("docs/filled-design-doc.md");

test("each handled event logs one line with its delivery id, repo, PR, outcome, API calls and duration", async () => {
  // On GitHub's API on loopback: the calls counted are Octokit's requests.
  const scenario = await startScenario();
  scenario.github.setPullRequest(REPO, PR, { files: { "src/a.ts": "x\n" } });
  await scenario.deliver(scenario.event("synchronize"));
  await scenario.stop();
  const lines = scenario.logs.filter(
    (line) => line.deliveryId === "delivery-synchronize",
  );
  expect(lines).toEqual([
    expect.objectContaining({
      level: 30,
      deliveryId: "delivery-synchronize",
      repo: "Codertocat/Hello-World",
      pr: 2,
      action: "synchronize",
      docs: 0,
      outcome: "no design docs",
      writes: [],
      // an installation token, the config in the repo and in the org, files, comments
      apiCalls: 5,
      durationMs: expect.any(Number),
      msg: "Codertocat/Hello-World#2: 0 design doc(s), no design docs, nothing written",
    }),
  ]);
});

test("a failed run is logged with the delivery id, said on the PR, and does not stop the app", async () => {
  const scenario = await startInMemory();
  scenario.github.setPullRequest(REPO, PR, {
    files: { "docs/design/a.md": DOC },
  });
  const path = `/repos/${REPO}/pulls/2/files`;
  scenario.failNext("listChangedFiles", gitHubError(502, "GET", path));
  await expect(scenario.deliver(scenario.event("synchronize"))).rejects.toThrow(
    "Bad Gateway",
  );
  expect(scenario.logs).toContainEqual(
    expect.objectContaining({
      level: 50,
      deliveryId: "delivery-synchronize",
      msg: "Codertocat/Hello-World#2: run failed",
    }),
  );
  expect(scenario.github.pullRequestState(REPO, PR).checkRuns).toEqual([
    expect.objectContaining({
      conclusion: "failure",
      output: expect.objectContaining({
        title: "Could not finish checking",
        summary: expect.stringContaining(
          `Design Docs Bot could not finish checking this pull request: GitHub answered 502 to \`GET ${path}\`.`,
        ),
      }),
    }),
  ]);
  // The next event is run as usual.
  await scenario.deliver(scenario.event("synchronize"));
  expect(
    scenario.github.pullRequestState(REPO, PR).checkRuns.at(-1),
  ).toMatchObject({ conclusion: "success" });
});

test("a PR that is gone (404) is nothing to do: logged with the delivery id, and the delivery succeeds", async () => {
  const scenario = await startInMemory();
  // The in-memory GitHub holds no PR #2.
  await scenario.deliver(pullRequestEvent("synchronize"));
  expect(scenario.logs).toContainEqual(
    expect.objectContaining({
      level: 30,
      deliveryId: "delivery-synchronize",
      msg: "Codertocat/Hello-World#2: gone (GitHub answered 404), nothing to do",
    }),
  );
  expect(scenario.writesSince(0)).toEqual([]);
});

test("the server refuses to start on settings it cannot use, and says which", () => {
  const problem = (env: NodeJS.ProcessEnv): string | undefined => {
    const read = readServerSettings(env);
    return "problem" in read ? read.problem : undefined;
  };
  expect(problem({ NODE_ENV: "production", APP_ID: "1" })).toMatch(
    /^WEBHOOK_SECRET is not set/u,
  );
  expect(
    problem({ NODE_ENV: "production", APP_ID: "1", WEBHOOK_SECRET: "s" }),
  ).toBeUndefined();
  expect(problem({ APP_ID: "1" })).toBeUndefined();
  expect(problem({ APP_ID: "my-app", WEBHOOK_SECRET: "s" })).toBe(
    'APP_ID must be your GitHub App\'s numeric id, not "my-app".',
  );
  // Without an app, only the setup page runs, and never where others can reach it.
  expect(problem({ HOST: "0.0.0.0" })).toMatch(
    /^APP_ID is not set, so only the setup page would run.*not on HOST=0\.0\.0\.0/u,
  );
  expect(problem({ NODE_ENV: "production", WEBHOOK_SECRET: "s" })).toMatch(
    /^APP_ID is not set\. Set APP_ID, PRIVATE_KEY/u,
  );
  expect(
    problem({
      NODE_ENV: "production",
      APP_ID: "1",
      WEBHOOK_SECRET: "s",
      WEBHOOK_PROXY_URL: "https://smee.io/x",
    }),
  ).toMatch(/^WEBHOOK_PROXY_URL is for local development only/u);
  expect(problem({ APP_ID: "1", MAX_WEBHOOK_BYTES: "1e9" })).toBe(
    'MAX_WEBHOOK_BYTES must be a whole number from 1024 to 26214400, not "1e9".',
  );
  expect(problem({ APP_ID: "1", PARSE_TIME_BUDGET_MS: "0" })).toBe(
    'PARSE_TIME_BUDGET_MS must be a whole number from 100 to 60000, not "0".',
  );
  expect(
    problem({
      APP_ID: "1",
      HEADERS_TIMEOUT_MS: "20000",
      REQUEST_TIMEOUT_MS: "5000",
    }),
  ).toBe(
    "HEADERS_TIMEOUT_MS (20000) must not be longer than REQUEST_TIMEOUT_MS (5000): the headers are part of the request.",
  );
  expect(problem({ APP_ID: "1", GITHUB_TIMEOUT_MS: "10s" })).toBe(
    'GITHUB_TIMEOUT_MS must be a whole number from 1000 to 120000, not "10s".',
  );
});

test("the server's defaults: localhost:3000, a 1 MiB body cap, 10 s for headers and 30 s for a request, 256 connections, 10 s to drain, 20 s per doc, 10 s per GitHub request, 200 PRs re-checked per push, writes 1 s and notifications 3 s apart, no Redis, a 30 s lock lease and 8 s lock wait", () => {
  expect(readServerSettings({ APP_ID: "1" })).toEqual({
    settings: {
      setup: false,
      host: "localhost",
      port: 3000,
      webhookPath: "/api/github/webhooks",
      webhookProxy: undefined,
      maxBodyBytes: 1048576,
      headersTimeoutMs: 10000,
      requestTimeoutMs: 30000,
      maxConnections: 256,
      shutdownTimeoutMs: 10000,
      parseTimeBudgetMs: 20000,
      githubTimeoutMs: 10000,
      maxRecheckPrs: 200,
      writeIntervalMs: 1000,
      notificationIntervalMs: 3000,
      redisUrl: undefined,
      lockLeaseMs: 30000,
      lockWaitMs: 8000,
      metricsToken: undefined,
      production: false,
    },
  });
  expect(
    readServerSettings({ APP_ID: "1", REDIS_URL: "redis://redis:6379" }),
  ).toMatchObject({ settings: { redisUrl: "redis://redis:6379" } });
  expect(readServerSettings({ APP_ID: "1", LOCK_LEASE_MS: "10" })).toEqual({
    problem:
      'LOCK_LEASE_MS must be a whole number from 1000 to 600000, not "10".',
  });
  expect(readServerSettings({})).toMatchObject({ settings: { setup: true } });
  expect(readServerSettings({ APP_ID: "1", METRICS_TOKEN: "t" })).toMatchObject(
    { settings: { metricsToken: "t" } },
  );
});

test("npm start runs the built server as it is: npm ci has built it, and a start does not rebuild", () => {
  const pkg = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { scripts: Record<string, string> };
  expect(pkg.scripts.start).toBe("node lib/server.js");
  expect(pkg.scripts.prepare).toBe("npm run build");
});
