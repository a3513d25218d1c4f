// The Dockerfile's steps, carried out without Docker (none runs here): its stages laid out
// in temporary directories from a clean copy of the build context, then its CMD started
// with its ENV, as a user that cannot write to the image's files, against the fake GitHub.
// A file the image lacks, or a dependency only the dev install has, fails a test here.
import { spawn, execFile, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  chownSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { HEAD_SHA, PRIVATE_KEY, pullRequestEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import { stageImage, type StagedImage } from "../helpers/image.js";
import { freePort, sendWebhook, WEBHOOK_SECRET } from "../helpers/server.js";

// Two installs and a build from a clean copy: some 20 s on two cores.
jest.setTimeout(120_000);

const CONTEXT = new URL("../../", import.meta.url).pathname;
const REPO = "Codertocat/Hello-World";
const run = promisify(execFile);
/** Root here is root in no image: the app runs as `nobody`, as the image's USER. */
const AS_USER =
  process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

let root: string;
let image: StagedImage;
let before: Map<string, string>;
let github: FakeGitHub;
let server: {
  url: string;
  output: string[];
  child: ChildProcess;
  port: number;
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "design-docs-image-"));
  chmodSync(root, 0o755);
  image = await stageImage(
    CONTEXT,
    readFileSync(join(CONTEXT, "Dockerfile"), "utf8"),
    root,
  );
  // The image's files belong to root and its USER cannot write them; here, nobody can.
  await run("chmod", ["-R", "a-w", image.dir]);
  before = snapshot(image.dir);
  github = new FakeGitHub();
  const base = await github.start();
  server = await startCmd({
    PATH: process.env.PATH ?? "",
    ...image.env,
    // The container listens on every interface; the test stays on loopback.
    HOST: "127.0.0.1",
    PORT: String(await freePort()),
    APP_ID: "1",
    PRIVATE_KEY,
    WEBHOOK_SECRET,
    GHE_HOST: new URL(base).host,
    GHE_PROTOCOL: "http",
  });
});

afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill("SIGTERM");
  await github?.stop();
  if (root) {
    await run("chmod", ["-R", "u+w", root]);
    rmSync(root, { recursive: true, force: true });
  }
});

test("the image runs in production, listening beyond loopback, as a user that is not root", () => {
  expect(image.env).toMatchObject({ NODE_ENV: "production", HOST: "0.0.0.0" });
  expect(image.user).toBeDefined();
  expect(image.user).not.toMatch(/^(root|0)(:|$)/u);
  expect(image.cmd[0]).toBe("node");
});

test("the image answers /ping, and its HEALTHCHECK passes", async () => {
  const response = await fetch(`${server.url}/ping`);
  expect(await response.text()).toBe("PONG");
  expect(image.healthcheck).toBeDefined();
  await run("sh", ["-c", image.healthcheck!], {
    env: { PATH: process.env.PATH ?? "", PORT: String(server.port) },
  });
});

test("a signed pull_request delivery ends with the checklist comment, the label and a check run", async () => {
  github.setPullRequest(REPO, 2, {
    headSha: HEAD_SHA,
    files: {
      "docs/design/audit-export.md": fixture("docs/filled-design-doc.md"),
    },
  });
  const response = await sendWebhook(server.url, pullRequestEvent("opened"));
  expect(response.status).toBe(200);
  const state = github.pullRequestState(REPO, 2);
  expect(state.comments.map((comment) => comment.body.split("\n")[1])).toEqual([
    "### ✅ Design docs: 1 design doc checked: every requirement met",
  ]);
  expect(state.labels).toEqual(["In Review"]);
  expect(state.checkRuns).toEqual([
    expect.objectContaining({ name: "Design docs", conclusion: "success" }),
  ]);
});

test("the image's command line writes a doc from its template and checks one", async () => {
  const work = mkdtempSync(join(root, "work-"));
  if (AS_USER) chownSync(work, AS_USER.uid, AS_USER.gid);
  const cli = (...args: string[]) =>
    run(process.execPath, [join(image.dir, "bin/design-docs.js"), ...args], {
      cwd: work,
      env: { PATH: process.env.PATH ?? "", ...image.env },
      ...AS_USER,
    });
  expect((await cli("new", "docs/design/new.md")).stdout).toBe(
    "Wrote docs/design/new.md from template design-doc\n",
  );
  // Its first lines come from templates/design-doc.md, Status from the template's vocabulary.
  expect(
    readFileSync(join(work, "docs/design/new.md"), "utf8").split("\n", 4),
  ).toEqual([
    "# Design Document Template",
    expect.any(String),
    "",
    "**Status:** WIP",
  ]);
  writeFileSync(join(work, "filled.md"), fixture("docs/filled-design-doc.md"));
  expect((await cli("check", "filled.md")).stdout).toContain(
    "1 design doc checked: every requirement met",
  );
});

test("the running app wrote nothing inside the image's directory", async () => {
  server.child.kill("SIGTERM");
  await new Promise((resolve) => server.child.once("exit", resolve));
  expect(server.output.filter((line) => /EACCES|EROFS/u.test(line))).toEqual(
    [],
  );
  expect(snapshot(image.dir)).toEqual(before);
});

/** Every path under `dir`, with its size and modification time. */
function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const stat = statSync(full);
      entries.set(full, `${stat.size} ${stat.mtimeMs}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return entries;
}

/** Starts the image's CMD in its directory, as its user, once it says it listens. */
async function startCmd(env: Record<string, string>) {
  const [command, ...args] = image.cmd;
  const child = spawn(command === "node" ? process.execPath : command!, args, {
    cwd: image.dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    ...AS_USER,
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output.push(...chunk.toString().split("\n").filter(Boolean));
      if (output.some((line) => line.includes("Listening on"))) resolve();
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) =>
      reject(
        new Error(`the image's CMD exited with ${code}:\n${output.join("\n")}`),
      ),
    );
  });
  return {
    url: `http://127.0.0.1:${env.PORT}`,
    output,
    child,
    port: Number(env.PORT),
  };
}
