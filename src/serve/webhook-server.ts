import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { mayReadMetrics } from "./metrics-access.js";
import { readReadiness, type ReadinessCheck } from "./readiness.js";

/** Probot's Node middleware: answers the request and resolves true, or resolves false. */
type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
) => boolean | void | Promise<boolean | void>;

interface Logger {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** How long a client may go on sending a body refused with 413. */
const LINGER_MS = 5000;

export interface WebhookServerOptions {
  /** Probot's webhook middleware: verifies the signature and runs the app. */
  middleware: Middleware;
  /** Where GitHub posts webhooks, e.g. `/api/github/webhooks`. */
  webhookPath: string;
  /** Larger request bodies get 413 before any signature check; the rest is dropped. */
  maxBodyBytes: number;
  /** How long a client may take to send its headers, and its whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Connections open at once; more are closed as they come (a failed delivery, to redeliver). */
  maxConnections: number;
  /**
   * Why deliveries cannot be handled right now (Redis unreachable), or undefined when they
   * can: meanwhile they are answered 503, to redeliver, and `/ping` still answers.
   */
  unavailable?: () => string | undefined;
  log: Logger;
  /** What `GET /metrics` serves: Prometheus text, and its content type. */
  metrics?: { read(): Promise<string>; contentType: string };
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`, 401 otherwise. */
  metricsToken?: string | undefined;
  /** Checks `/ready` runs besides draining, e.g. Redis reachable. */
  readinessChecks?: readonly ReadinessCheck[];
}

/** The HTTP server, and the switch that makes it refuse new deliveries while it drains. */
export interface WebhookServer {
  server: Server;
  /**
   * From now on: new deliveries get 503, `/ping` 503 "draining" and `/ready` 503
   * "not ready: draining: …"; it keeps listening.
   */
  drain(): void;
}

/**
 * Serves `GET /ping` (alive), `GET /ready` (ready for deliveries: 503 with the reason while
 * draining, or while another readiness check fails), `GET /metrics` and
 * `POST <webhookPath>`, and 404 otherwise. A webhook's body is read
 * here, up to `maxBodyBytes`, before Probot's middleware verifies and handles it: nobody can
 * make the server buffer an unbounded body, signed or not. Nor for long, nor on many
 * connections at once: a request must arrive whole within `requestTimeoutMs` (408 after),
 * and at most `maxConnections` are open, so the bodies held at any moment stay under
 * `maxConnections × maxBodyBytes`.
 */
export function createWebhookServer(
  options: WebhookServerOptions,
): WebhookServer {
  let draining = false;
  const readiness: ReadinessCheck[] = [
    {
      name: "draining",
      check: () => (draining ? "taking no new deliveries" : undefined),
    },
    ...(options.readinessChecks ?? []),
  ];
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      // Node looks for requests past their time this often (30 s by default).
      connectionsCheckingInterval: Math.max(
        100,
        Math.min(1000, options.headersTimeoutMs / 4),
      ),
    },
    (request, response) => {
      route(request, response).catch((error: unknown) => {
        options.log.error(
          { err: error, deliveryId: request.headers["x-github-delivery"] },
          "Request failed",
        );
        if (!response.headersSent) reply(response, 500, "internal error");
        else response.end();
      });
    },
  );
  server.maxConnections = options.maxConnections;

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method === "GET" && path === "/ping") {
      if (draining) reply(response, 503, "draining");
      else reply(response, 200, "PONG");
      return;
    }
    if (request.method === "GET" && path === "/ready") {
      const reason = await readReadiness(readiness);
      if (reason === undefined) reply(response, 200, "ready");
      else reply(response, 503, `not ready: ${reason}`);
      return;
    }
    if (request.method === "GET" && path === "/metrics" && options.metrics) {
      if (!mayReadMetrics(request, options.metricsToken)) {
        response.setHeader("www-authenticate", 'Bearer realm="metrics"');
        reply(response, 401, "unauthorized");
        return;
      }
      const text = await options.metrics.read();
      response.writeHead(200, { "content-type": options.metrics.contentType });
      response.end(text);
      return;
    }
    if (path !== options.webhookPath || request.method !== "POST") {
      reply(response, 404, "not found");
      return;
    }
    const refusal = draining
      ? "stopping: deliver again later"
      : options.unavailable?.();
    if (refusal !== undefined) {
      response.setHeader("retry-after", "10");
      reply(response, 503, refusal);
      request.resume();
      return;
    }
    const body = await readBody(request, options.maxBodyBytes);
    if (body === undefined) {
      options.log.warn(
        {
          deliveryId: request.headers["x-github-delivery"],
          event: request.headers["x-github-event"],
          maxBodyBytes: options.maxBodyBytes,
        },
        "Webhook refused: body too large",
      );
      reply(
        response,
        413,
        `body larger than ${options.maxBodyBytes} bytes: refused`,
      );
      cutIfStillSending(request);
      return;
    }
    if (!holdsObject(body)) {
      reply(response, 400, "the body must be a JSON object, as GitHub sends");
      return;
    }
    // Probot's middleware reads a string body as is instead of reading the stream again.
    Object.assign(request, { body });
    if (!(await options.middleware(request, response)))
      reply(response, 404, "not found");
  }

  return {
    server,
    drain() {
      draining = true;
    },
  };
}

/**
 * Whether the body is a JSON object, or not JSON at all (which the middleware answers 400
 * itself). A body of `null`, a number or a list is no webhook, signed or not.
 */
function holdsObject(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return true;
  }
}

/** The body as text, or undefined when it is larger than `limit` bytes (the rest is dropped). */
function readBody(
  request: IncomingMessage,
  limit: number,
): Promise<string | undefined> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
  });
}

/**
 * Drops what a refused request still sends for up to `LINGER_MS`, then cuts the connection.
 * Closing at once would reset the connection under a client still sending, and the reset can
 * take the 413 with it before the client reads it.
 */
function cutIfStillSending(request: IncomingMessage): void {
  if (request.complete) return;
  const timer = setTimeout(() => request.socket.destroy(), LINGER_MS);
  timer.unref();
  const stop = (): void => clearTimeout(timer);
  request.once("end", stop);
  request.once("close", stop);
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}
