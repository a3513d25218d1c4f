import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import {
  RequestTimeoutError,
  createDesignDocsOctokit,
} from "../../src/github/octokit.js";
import { APP_ID, INSTALLATION_ID, PRIVATE_KEY } from "../helpers/app.js";

const pluginNames = (Octokit: typeof ProbotOctokit) =>
  (Octokit as unknown as { plugins: { name: string }[] }).plugins.map(
    (plugin) => plugin.name,
  );

test("Probot's throttle, retry and request logging are replaced by the request pipeline; its other plugins stay", () => {
  const probots = pluginNames(ProbotOctokit);
  const ours = pluginNames(createDesignDocsOctokit());
  expect(probots).toEqual(
    expect.arrayContaining(["throttling", "retry", "probotRequestLogging"]),
  );
  expect(ours).toEqual([
    ...probots.filter(
      (name) => !["throttling", "retry", "probotRequestLogging"].includes(name),
    ),
    "",
  ]);
});

describe("the deadline", () => {
  // Retries without back-off: each attempt gets its own deadline, four attempts in all.
  const Octokit = createDesignDocsOctokit({ timeoutMs: 200, secondMs: 0 });
  const warnings: string[] = [];
  const log = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message: string) => warnings.push(message),
    error: () => undefined,
  };
  const octokit = new Octokit({ auth: { token: "t" } as never, log });
  beforeEach(() => {
    nock.disableNetConnect();
    warnings.length = 0;
  });
  afterEach(() => nock.cleanAll());

  test("an answer in time comes back whole: status, headers, data and url", async () => {
    const api = nock("https://api.github.com")
      .get("/repos/o/r")
      .reply(200, { name: "r" }, { etag: '"e"' })
      .delete("/repos/o/r/labels/WIP")
      .reply(204);
    const answer = await octokit.request("GET /repos/o/r");
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBe('"e"');
    expect(answer.url).toBe("https://api.github.com/repos/o/r");
    expect(answer.data).toEqual({ name: "r" });
    const empty = await octokit.request("DELETE /repos/o/r/labels/WIP");
    expect(empty.status).toBe(204);
    expect(api.pendingMocks()).toEqual([]);
  });

  test.each(["no answer", "a body cut short"])(
    "%s by the deadline, every attempt, is a 500 whose cause is a RequestTimeoutError",
    async (how) => {
      const api = nock("https://api.github.com");
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const slow = api.get("/slow");
        (how === "no answer" ? slow.delay(1000) : slow.delayBody(1000)).reply(
          200,
          { a: 1 },
        );
      }
      const answer = octokit.request("GET /slow");
      await expect(answer).rejects.toMatchObject({
        status: 500,
        message: "GitHub did not answer within 200 ms",
        request: { method: "GET", url: "https://api.github.com/slow" },
      });
      const cause = await answer.catch((error: Error) => error.cause);
      expect(cause).toBeInstanceOf(RequestTimeoutError);
      expect(api.pendingMocks()).toEqual([]);
    },
  );

  test("the caller's own abort is not taken for a timeout, nor retried", async () => {
    nock("https://api.github.com").get("/slow").delay(1000).reply(200, {});
    const caller = new AbortController();
    const answer = octokit.request("GET /slow", {
      request: { signal: caller.signal },
    });
    setImmediate(() => caller.abort());
    const error = await answer.then(
      () => undefined,
      (error: Error) => error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.cause).not.toBeInstanceOf(RequestTimeoutError);
    expect(warnings).toEqual([]);
  });

  test("the installation token request has the deadline too, and is retried like any other", async () => {
    const probot = new Probot({
      appId: APP_ID,
      privateKey: PRIVATE_KEY,
      Octokit: createDesignDocsOctokit({ timeoutMs: 200, secondMs: 0 }),
    });
    const api = nock("https://api.github.com")
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .delay(1000)
      .reply(201, { token: "late", permissions: {} })
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .reply(201, { token: "t", permissions: {} })
      .get("/repos/o/r")
      .matchHeader("authorization", "token t")
      .reply(200, {});
    const installation = await probot.auth(INSTALLATION_ID);
    await installation.request("GET /repos/o/r");
    expect(api.pendingMocks()).toEqual([]);
  });
});
