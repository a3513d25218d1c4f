import { type ChildProcess } from "node:child_process";
/** The webhook secret the test server is started with. */
export declare const WEBHOOK_SECRET = "e2e-webhook-secret";
/** A running Design Docs Bot server and everything it printed. */
export interface RunningServer {
  url: string;
  output: string[];
  process: ChildProcess;
  /** The App's private key the server was given (PEM). */
  privateKey: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Resolves with the first line containing `text`, once the server prints it. */
  waitForLine(text: string): Promise<string>;
  stop(): Promise<number | null>;
}
/** A TCP port nothing listens on right now. */
export declare function freePort(): Promise<number>;
/**
 * Starts `lib/server.js` in production mode against a GitHub API at `githubHost`
 * (`127.0.0.1:PORT`, plain HTTP), in an empty working directory so no `.env` is read.
 */
export declare function startServer(
  githubHost: string,
  env?: Record<string, string>,
): Promise<RunningServer>;
/** Starts `lib/server.js` with no app yet (Probot's setup page) in `cwd`. */
export declare function startSetupServer(
  cwd: string,
): Promise<Omit<RunningServer, "privateKey">>;
/** The headers GitHub sends with a webhook, signed with `secret`. */
export declare function webhookHeaders(
  event: {
    id: string;
    name: string;
  },
  body: string | Buffer,
  secret?: string,
): Record<string, string>;
/** POSTs a webhook the way GitHub does: JSON body, event headers, HMAC signature. */
export declare function sendWebhook(
  url: string,
  event: {
    id: string;
    name: string;
    payload: unknown;
  },
  secret?: string,
): Promise<Response>;
