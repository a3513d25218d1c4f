import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import { GENERATED_HOSTILE_DOCS } from "../helpers/hostile.js";
import {
  sendWebhook,
  startServer,
  type RunningServer,
} from "../helpers/server.js";

// A real server process, and GitHub's one write a second per installation: allow time.
jest.setTimeout(60_000);

const REPO = "Codertocat/Hello-World";
let github: FakeGitHub;
let server: RunningServer;

beforeAll(async () => {
  github = new FakeGitHub();
  const base = await github.start();
  // A short budget, so the pathological doc below is given up on in 2 s, not the default's 20.
  server = await startServer(new URL(base).host, {
    PARSE_TIME_BUDGET_MS: "2000",
  });
});

afterAll(async () => {
  await server?.stop();
  await github?.stop();
});

test("the server answers /ping", async () => {
  const response = await fetch(`${server.url}/ping`);
  expect(response.status).toBe(200);
  expect(await response.text()).toBe("PONG");
});

test("a webhook with a bad signature is refused with a 4xx and causes no API call", async () => {
  const before = github.requests.length;
  const response = await sendWebhook(
    server.url,
    pullRequestEvent("opened"),
    "not-the-secret",
  );
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(github.requests.length).toBe(before);
});

test("a signed pull_request webhook ends with one comment, the status label and a check run", async () => {
  github.setPullRequest(REPO, 2, {
    headSha: HEAD_SHA,
    files: {
      "docs/design/audit-export.md": fixture("docs/filled-design-doc.md"),
      "README.md": "# Hello\n",
    },
  });
  const response = await sendWebhook(server.url, pullRequestEvent("opened"));
  expect(response.status).toBe(200);
  const state = github.pullRequestState(REPO, 2);
  expect(state.comments).toHaveLength(1);
  expect(state.comments[0]?.body.split("\n").slice(0, 2)).toEqual([
    "<!-- design-docs-bot: checklist -->",
    "### ✅ Design docs: 1 design doc checked: every requirement met",
  ]);
  expect(state.labels).toEqual(["In Review"]);
  expect(github.repo(REPO).labels.get("in review")).toEqual({
    name: "In Review",
    color: "1d76db",
    description: "Design doc: ready for review",
  });
  expect(state.checkRuns).toEqual([
    expect.objectContaining({ name: "Design docs", conclusion: "success" }),
  ]);
  // The log line may reach us just after the HTTP answer does.
  const line = await server.waitForLine('"deliveryId":"delivery-opened"');
  expect(JSON.parse(line)).toMatchObject({
    repo: "Codertocat/Hello-World",
    pr: 2,
    docs: 1,
    outcome: "success",
    writes: ["check run", "comment created", "labels"],
  });
});

test("the same webhook delivered again makes reads only", async () => {
  const before = github.requests.length;
  const response = await sendWebhook(server.url, pullRequestEvent("opened"));
  expect(response.status).toBe(200);
  const methods = github.requests
    .slice(before)
    .map((request) => request.method);
  expect(methods.length).toBeGreaterThan(0);
  expect(methods.filter((method) => method !== "GET")).toEqual([]);
  expect(github.pullRequestState(REPO, 2).comments).toHaveLength(1);
});

test("while a worker spends its 2 s on a pathological doc, /ping keeps answering, and the PR is told", async () => {
  github.setPullRequest(REPO, 3, {
    headSha: "c".repeat(40),
    files: {
      "docs/design/brackets.md": GENERATED_HOSTILE_DOCS["nested-brackets.md"](),
    },
  });
  const event = pullRequestEvent("opened", (payload) => {
    payload.number = 3;
    Object.assign(payload.pull_request, { number: 3 });
    payload.pull_request.head.sha = "c".repeat(40);
  });
  const before = github.requests.length;
  let delivered = false;
  const delivery = sendWebhook(server.url, {
    ...event,
    id: "delivery-brackets",
  }).then((response) => {
    delivered = true;
    return response;
  });
  // Once the doc's blob has been read, the worker is on it.
  while (
    !github.requests
      .slice(before)
      .some((request) => request.path.includes("/git/blobs/"))
  )
    await new Promise((resolve) => setTimeout(resolve, 5));
  const pings: number[] = [];
  while (!delivered) {
    const started = performance.now();
    const response = await fetch(`${server.url}/ping`);
    expect(await response.text()).toBe("PONG");
    pings.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect((await delivery).status).toBe(200);
  // The parse takes the whole budget: a blocked event loop would answer no ping in it.
  expect(pings.length).toBeGreaterThan(20);
  const sorted = [...pings].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(100);
  expect(sorted.at(-1)).toBeLessThan(1000);
  expect(github.pullRequestState(REPO, 3).comments[0]?.body).toContain(
    "- [ ] The doc is too complex to check in 2 s \\(PARSE\\_TIME\\_BUDGET\\_MS on the bot's server\\); split or simplify it",
  );
});
