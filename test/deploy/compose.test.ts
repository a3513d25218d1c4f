// compose.yaml cannot be run here (no Docker engine): these read it and hold it to the
// settings the server really reads, and run its healthcheck against the built server.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import {
  afterAll,
  beforeAll,
  describe,
  expect,
  jest,
  test,
} from "@jest/globals";
import { parse } from "yaml";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { parseDockerfile, parseEnv } from "../helpers/dockerfile.js";
import {
  freePort,
  startServer,
  type RunningServer,
} from "../helpers/server.js";
import { exampleValues, knownSettings } from "../helpers/settings.js";

jest.setTimeout(30_000);

const run = promisify(execFile);
const read = (file: string): string =>
  readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

interface Service {
  image?: string;
  build?: string;
  deploy?: { replicas?: number };
  restart?: string;
  env_file?: string;
  environment?: Record<string, string>;
  secrets?: string[];
  stop_grace_period?: string;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  configs?: { source: string; target: string }[];
  command?: string[];
}
const compose = parse(read("compose.yaml")) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  configs: Record<string, { content: string }>;
};
const { bot, redis, lb } = compose.services as Record<string, Service>;
const imageEnv = Object.assign(
  {},
  ...parseDockerfile(read("Dockerfile"))
    .at(-1)!
    .instructions.filter((instruction) => instruction.keyword === "ENV")
    .map((instruction) => parseEnv(instruction.args)),
) as Record<string, string>;
const environment = bot?.environment ?? {};

test("the bot runs as several replicas of the image, restarted, with its settings from .env", () => {
  expect(bot?.build).toBe(".");
  expect(bot?.deploy?.replicas).toBeGreaterThanOrEqual(2);
  expect(bot?.restart).toBe("unless-stopped");
  expect(bot?.env_file).toBe(".env");
});

test("every variable it sets is one the server reads", () => {
  const known = knownSettings();
  expect(Object.keys(environment).filter((name) => !known.has(name))).toEqual(
    [],
  );
});

test("it sets what a copy of .env.example leaves empty but a container needs", () => {
  const example = exampleValues();
  // An empty line in the env file would override the image's ENV with "".
  for (const name of ["NODE_ENV", "HOST"]) expect(example.get(name)).toBe("");
  expect(environment).toMatchObject({
    NODE_ENV: "production",
    HOST: "0.0.0.0",
  });
  expect(environment.PORT).toBe(imageEnv.PORT);
});

test("the App's key comes from a secret file, at the path PRIVATE_KEY_PATH names", () => {
  const [secret] = bot?.secrets ?? [];
  expect(compose.secrets[secret!]?.file).toBeDefined();
  expect(environment.PRIVATE_KEY_PATH).toBe(`/run/secrets/${secret}`);
});

test("a stopped replica has longer than SHUTDOWN_TIMEOUT_MS to finish its work", () => {
  const shutdownMs = Number(
    environment.SHUTDOWN_TIMEOUT_MS ??
      exampleValues().get("SHUTDOWN_TIMEOUT_MS"),
  );
  const grace = /^(\d+)s$/u.exec(bot?.stop_grace_period ?? "");
  expect(Number(grace?.[1]) * 1000).toBeGreaterThan(shutdownMs);
});

test("Redis is the official image, healthy before the bot starts, at the bot's REDIS_URL", () => {
  expect(redis?.image).toMatch(/^redis:[\w.-]+$/u);
  expect(redis?.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
  expect(redis?.restart).toBe("unless-stopped");
  expect(bot?.depends_on).toEqual({ redis: { condition: "service_healthy" } });
  expect(environment.REDIS_URL).toBe("redis://redis:6379");
});

test("one published port, proxied to every replica on the bot's port, bodies up to MAX_WEBHOOK_BYTES", () => {
  expect(lb?.ports).toHaveLength(1);
  expect(bot?.ports).toBeUndefined();
  const config = lb?.configs?.[0];
  expect(config?.target).toBe("/etc/nginx/conf.d/default.conf");
  // Compose reads $$ as one $.
  const nginx = compose.configs[config!.source]!.content.replaceAll("$$", "$");
  const [, port] = /^\s*listen (\d+);/mu.exec(nginx) ?? [];
  expect(lb?.ports?.[0]).toMatch(new RegExp(`:${port}$`, "u"));
  expect(nginx).toContain(`http://bot:${environment.PORT}`);
  const [, megabytes] = /client_max_body_size (\d+)m;/u.exec(nginx) ?? [];
  expect(Number(megabytes) * 1024 * 1024).toBeGreaterThan(
    Number(exampleValues().get("MAX_WEBHOOK_BYTES")),
  );
});

describe("the bot's healthcheck", () => {
  let github: FakeGitHub;
  let server: RunningServer;
  const healthcheck = (port: number) => {
    const [kind, command, ...args] = bot?.healthcheck?.test ?? [];
    expect(kind).toBe("CMD");
    return run(command === "node" ? process.execPath : command!, args, {
      env: { PORT: String(port) },
    });
  };

  beforeAll(async () => {
    github = new FakeGitHub();
    server = await startServer(new URL(await github.start()).host);
  });

  afterAll(async () => {
    await server?.stop();
    await github?.stop();
  });

  test("passes while the server answers /ping", async () => {
    await healthcheck(Number(new URL(server.url).port));
  });

  test("fails where nothing answers", async () => {
    await expect(healthcheck(await freePort())).rejects.toThrow();
  });
});
