import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { startServer, type RunningServer } from "../helpers/server.js";

// Clients that send slowly, or open many connections, cannot make the server hold memory:
// a request must arrive whole in time, and only so many connections are open at once.
jest.setTimeout(60_000);

const MAX_CONNECTIONS = 50;
const REQUEST_TIMEOUT_MS = 2000;
let github: FakeGitHub;
let server: RunningServer;

beforeAll(async () => {
  github = new FakeGitHub();
  server = await startServer(new URL(await github.start()).host, {
    HEADERS_TIMEOUT_MS: "1000",
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    MAX_CONNECTIONS: String(MAX_CONNECTIONS),
  });
});

afterAll(async () => {
  await server?.stop();
  await github?.stop();
});

/** A raw connection: what it was answered (first line), and when it was closed. */
function open(): {
  socket: Socket;
  answer: Promise<{ status: string | undefined }>;
} {
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  let status: string | undefined;
  socket.on("data", (data: Buffer) => {
    status ??= data.toString().split("\r\n")[0];
  });
  socket.on("error", () => undefined);
  const answer = new Promise<{ status: string | undefined }>((resolve) =>
    socket.on("close", () => resolve({ status })),
  );
  return { socket, answer };
}

const HEAD = (length: number) =>
  `POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

/** The server process's resident memory, in MB. */
function rssMb(): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0) / 1024;
}

test("a body sent too slowly is cut off with 408", async () => {
  const { socket, answer } = open();
  socket.write(`${HEAD(1000)}{"action":`);
  expect(await answer).toEqual({ status: "HTTP/1.1 408 Request Timeout" });
});

test("headers sent too slowly are cut off with 408", async () => {
  const { socket, answer } = open();
  socket.write("POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  expect(await answer).toEqual({ status: "HTTP/1.1 408 Request Timeout" });
});

test("200 clients each holding most of a 1 MiB body: only MAX_CONNECTIONS are taken, and the server's memory stays bounded", async () => {
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 20);
  const body = Buffer.alloc(900 * 1024, "x");
  const clients = Array.from({ length: 200 }, () => {
    const client = open();
    client.socket.write(HEAD(1024 * 1024));
    client.socket.write(body);
    return client;
  });
  const answers = await Promise.all(clients.map((client) => client.answer));
  clearInterval(sampler);
  const timedOut = answers.filter(
    (answer) => answer.status === "HTTP/1.1 408 Request Timeout",
  ).length;
  // Each connection taken was held until its time ran out; the rest were closed at once.
  expect(timedOut).toBeLessThanOrEqual(MAX_CONNECTIONS);
  expect(timedOut).toBeGreaterThan(0);
  expect(answers.filter((answer) => answer.status === undefined).length).toBe(
    200 - timedOut,
  );
  // 50 bodies of 0.9 MB held at once, with room for the runtime; 200 would be 180 MB.
  expect(peak - before).toBeLessThan(120);
  const ping = await fetch(`${server.url}/ping`);
  expect(ping.status).toBe(200);
});
