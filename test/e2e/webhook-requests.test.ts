import { connect } from "node:net";
import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { pullRequestEvent } from "../helpers/app.js";
import {
  sendWebhook,
  startServer,
  webhookHeaders,
  type RunningServer,
} from "../helpers/server.js";

jest.setTimeout(60_000);

let github: FakeGitHub;
let server: RunningServer;
const MAX_BODY = 64 * 1024;

beforeAll(async () => {
  github = new FakeGitHub();
  server = await startServer(new URL(await github.start()).host, {
    MAX_WEBHOOK_BYTES: String(MAX_BODY),
  });
});

afterAll(async () => {
  await server?.stop();
  await github?.stop();
});

const event = pullRequestEvent("opened");
const body = JSON.stringify(event.payload);
const signed = webhookHeaders(event, body);

/** POSTs to the webhook path; returns the status, and checks GitHub was not called. */
async function post(
  headers: Record<string, string>,
  payload: string | ReadableStream<Uint8Array>,
): Promise<number> {
  const before = github.requests.length;
  const response = await fetch(`${server.url}/api/github/webhooks`, {
    method: "POST",
    headers,
    body: payload,
    // A stream is sent chunked, without a content-length.
    ...(typeof payload === "string" ? {} : { duplex: "half" }),
  });
  await response.text();
  expect(github.requests.slice(before)).toEqual([]);
  return response.status;
}

test.each([
  {
    name: "a wrong signature",
    headers: webhookHeaders(event, body, "not-the-secret"),
    status: 400,
  },
  {
    name: "no signature",
    headers: { ...signed, "x-hub-signature-256": "" },
    status: 400,
  },
  {
    name: "no event header",
    headers: Object.fromEntries(
      Object.entries(signed).filter(([key]) => key !== "x-github-event"),
    ),
    status: 400,
  },
  {
    name: "no delivery id",
    headers: Object.fromEntries(
      Object.entries(signed).filter(([key]) => key !== "x-github-delivery"),
    ),
    status: 400,
  },
  {
    name: "a form-encoded body",
    headers: {
      ...signed,
      "content-type": "application/x-www-form-urlencoded",
    },
    status: 415,
  },
])("$name gets $status and no API call", async ({ headers, status }) => {
  expect(await post(headers, body)).toBe(status);
});

test("malformed JSON, correctly signed, gets 400 and no API call", async () => {
  const broken = `${body.slice(0, -10)}`;
  expect(await post(webhookHeaders(event, broken), broken)).toBe(400);
});

test.each([
  {
    name: "a signed body of null",
    payload: "null",
    answer: "the body must be a JSON object, as GitHub sends",
  },
  {
    name: "a signed list",
    payload: "[1, 2]",
    answer: "the body must be a JSON object, as GitHub sends",
  },
  {
    name: "a signed pull_request payload without its head",
    payload: JSON.stringify({
      ...(event.payload as Record<string, unknown>),
      pull_request: {
        ...((event.payload as Record<string, unknown>).pull_request as object),
        head: undefined,
      },
    }),
    answer:
      '{"error":"BadPayload: a pull_request event must carry its repository, sender, pull_request.number and pull_request.head.sha"}',
  },
])("$name gets 400 with a plain reason, and no API call", async (row) => {
  const before = github.requests.length;
  const response = await fetch(`${server.url}/api/github/webhooks`, {
    method: "POST",
    headers: webhookHeaders(event, row.payload),
    body: row.payload,
  });
  expect([response.status, await response.text()]).toEqual([400, row.answer]);
  expect(github.requests.slice(before)).toEqual([]);
});

test("a delivery for a PR that no longer exists is answered 200: nothing to do", async () => {
  const gone = pullRequestEvent("synchronize", (payload) => {
    payload.number = 404;
    Object.assign(payload.pull_request, { number: 404 });
  });
  const before = github.requests.length;
  const response = await sendWebhook(server.url, {
    ...gone,
    id: "delivery-gone",
  });
  expect(response.status).toBe(200);
  // The reads under way when the file list's 404 ended the run still finish (the org's
  // config, the comments): wait for them, so they are not counted against the next test.
  const read = (prefix: string): boolean =>
    github.requests
      .slice(before)
      .some((request) => request.path.startsWith(prefix));
  while (
    !read("/repos/Codertocat/.github/") ||
    !read("/repos/Codertocat/Hello-World/issues/404/comments")
  )
    await new Promise((resolve) => setTimeout(resolve, 5));
  const line = await server.waitForLine('"deliveryId":"delivery-gone"');
  expect(JSON.parse(line)).toMatchObject({
    level: 30,
    msg: "Codertocat/Hello-World#404: gone (GitHub answered 404), nothing to do",
  });
});

test("a body over the cap gets 413 and is not kept, and no API call", async () => {
  const huge = JSON.stringify({
    ...(event.payload as object),
    padding: "x".repeat(MAX_BODY),
  });
  expect(await post(webhookHeaders(event, huge), huge)).toBe(413);
  const line = await server.waitForLine("Webhook refused: body too large");
  expect(JSON.parse(line)).toMatchObject({
    deliveryId: event.id,
    maxBodyBytes: MAX_BODY,
  });
});

test("a body over the cap without a content-length (chunked) gets 413 too", async () => {
  const chunk = Buffer.alloc(16 * 1024, "x");
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent > MAX_BODY) controller.close();
      else controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
  expect(await post(signed, stream)).toBe(413);
});

test("a client still sending a body over the cap reads its 413 and may go on sending; one that never stops is cut off", async () => {
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  const seen: string[] = [];
  const closed = new Promise<void>((resolve) => {
    socket.on("data", (data: Buffer) =>
      seen.push(data.toString().split("\r\n")[0] ?? ""),
    );
    socket.on("error", (error: NodeJS.ErrnoException) =>
      seen.push(`error ${error.code}`),
    );
    socket.on("close", () => {
      seen.push("closed");
      resolve();
    });
  });
  // It declares far more than it sends: after the 4 times the cap it does send, it stalls.
  socket.write(
    `POST /api/github/webhooks HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${100 * MAX_BODY}\r\n\r\n`,
  );
  const chunk = Buffer.alloc(MAX_BODY / 4, "x");
  for (let sent = 0; sent < 4 * MAX_BODY; sent += chunk.length) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    socket.write(chunk);
  }
  seen.push("sent");
  await closed;
  expect(seen).toEqual(["HTTP/1.1 413 Payload Too Large", "sent", "closed"]);
});

test("events and actions the bot does not handle are acknowledged quietly", async () => {
  const issues = {
    id: "delivery-issues",
    name: "issues",
    payload: { action: "opened", issue: { number: 1 } },
  };
  const assigned = pullRequestEvent("assigned");
  for (const unhandled of [issues, assigned]) {
    const before = github.requests.length;
    const response = await sendWebhook(server.url, unhandled);
    expect(response.status).toBe(200);
    expect(github.requests.slice(before)).toEqual([]);
  }
  expect(
    server.output.filter(
      (line) =>
        /"level":(40|50)/u.test(line) && line.includes("delivery-issues"),
    ),
  ).toEqual([]);
});

test("other paths and methods get 404", async () => {
  expect((await fetch(`${server.url}/`)).status).toBe(404);
  expect((await fetch(`${server.url}/api/github/webhooks`)).status).toBe(404);
  expect((await fetch(`${server.url}/probot`)).status).toBe(404);
});
