import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
} from "node:fs";
import { basename, dirname, join, posix, relative } from "node:path";
import { promisify } from "node:util";
import picomatch from "picomatch";
import {
  parseCopy,
  parseDockerfile,
  parseEnv,
  parseExecForm,
  type Instruction,
} from "./dockerfile.js";

const run = promisify(execFile);

/** The last stage of a Dockerfile, laid out in a directory as the image's WORKDIR. */
export interface StagedImage {
  /** The directory standing for the image's WORKDIR. */
  dir: string;
  env: Record<string, string>;
  user: string | undefined;
  cmd: string[];
  /** The HEALTHCHECK's command, for `sh -c`. */
  healthcheck: string | undefined;
}

/**
 * Carries out a Dockerfile's stages without Docker, each in its own directory under `root`:
 * COPY from `context` (less what .dockerignore leaves out) or from an earlier stage, RUN
 * the commands this project's Dockerfile uses (anything else is an error: teach it here),
 * and returns the last stage with its ENV, USER and CMD.
 *
 * `npm ci <flags>` cannot reach the registry here, and the npm cache may not hold every
 * package, so it copies the context's own install (checked against the stage's lockfile
 * first) and runs `npm prune <flags> --offline`: the same tree `npm ci` would lay out, with
 * `--omit=dev` as the Dockerfile says.
 */
export async function stageImage(
  context: string,
  dockerfile: string,
  root: string,
): Promise<StagedImage> {
  const ignored = readDockerignore(context);
  const dirs = new Map<string, { dir: string; workdir: string }>();
  let image: StagedImage | undefined;
  for (const [index, stage] of parseDockerfile(dockerfile).entries()) {
    const dir = join(root, stage.name ?? `stage-${index}`);
    mkdirSync(dir);
    image = { dir, env: {}, user: undefined, cmd: [], healthcheck: undefined };
    let workdir: string | undefined;
    for (const instruction of stage.instructions) {
      const { keyword, args } = instruction;
      if (keyword === "WORKDIR") {
        if (workdir !== undefined || !args.startsWith("/"))
          throw unread(instruction, "one absolute WORKDIR per stage");
        workdir = args;
      } else if (keyword === "COPY") {
        if (workdir === undefined) throw unread(instruction, "WORKDIR first");
        const copy = parseCopy(args);
        const from = copy.from === undefined ? undefined : dirs.get(copy.from);
        if (copy.from !== undefined && !from)
          throw unread(instruction, `no stage ${copy.from}`);
        for (const source of copy.sources) {
          const path = from
            ? join(from.dir, posix.relative(from.workdir, source))
            : join(context, source);
          copyInto(
            path,
            join(dir, copy.destination),
            copy.destination.endsWith("/") || copy.sources.length > 1,
            (file) => !from && ignored(relative(context, file)),
          );
        }
      } else if (keyword === "RUN") {
        for (const command of args.split(" && "))
          await runCommand(command.trim(), dir, context, instruction);
      } else if (keyword === "ENV") Object.assign(image.env, parseEnv(args));
      else if (keyword === "USER") image.user = args;
      else if (keyword === "CMD") image.cmd = parseExecForm(args);
      else if (keyword === "HEALTHCHECK")
        image.healthcheck = /\bCMD (.*)$/u.exec(args)?.[1];
      else if (keyword !== "EXPOSE") throw unread(instruction, "");
    }
    if (stage.name !== undefined)
      dirs.set(stage.name, { dir, workdir: workdir ?? "/" });
  }
  if (!image) throw new Error("the Dockerfile has no FROM");
  return image;
}

function unread(instruction: Instruction, why: string): Error {
  return new Error(
    `Dockerfile line ${instruction.line}: ${instruction.keyword} ${instruction.args} is not carried out by test/helpers/image.ts${why ? ` (${why})` : ""}`,
  );
}

/** Copies a file, or a directory's contents, as COPY does, less what `skip` says. */
function copyInto(
  source: string,
  destination: string,
  intoDir: boolean,
  skip: (file: string) => boolean,
): void {
  if (!existsSync(source) || skip(source))
    throw new Error(`COPY: ${source} is not in the build context`);
  if (statSync(source).isDirectory())
    return copyTree(source, destination, skip);
  const target = intoDir ? join(destination, basename(source)) : destination;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
}

function copyTree(
  source: string,
  destination: string,
  skip: (file: string) => boolean,
): void {
  mkdirSync(destination, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    if (skip(from)) continue;
    const to = join(destination, entry.name);
    if (entry.isDirectory()) copyTree(from, to, skip);
    else copyFileSync(from, to);
  }
}

/** A test of a context-relative path against .dockerignore's patterns (or a folder above it). */
function readDockerignore(context: string): (path: string) => boolean {
  const file = join(context, ".dockerignore");
  const patterns = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"))
    : [];
  if (patterns.some((pattern) => pattern.startsWith("!")))
    throw new Error(".dockerignore: exceptions (!) are not read here");
  const matches = picomatch(patterns, { dot: true });
  return (path) =>
    path
      .split("/")
      .some((_, end, parts) => matches(parts.slice(0, end + 1).join("/")));
}

/** One command of a RUN, the way it would run in the image, without the network. */
async function runCommand(
  command: string,
  dir: string,
  context: string,
  instruction: Instruction,
): Promise<void> {
  const npm =
    /^npm (ci|run [\w:-]+|cache clean --force)((?: --[\w=-]+)*)$/u.exec(
      command,
    );
  if (!npm) throw unread(instruction, `unknown command "${command}"`);
  // Cleaning the image's npm cache would clean this machine's: it saves image size only.
  if (npm[1] === "cache clean --force") return;
  const flags = npm[2]!.trim().split(" ").filter(Boolean);
  if (npm[1] === "ci") {
    checkInstallMatchesLock(context, dir);
    await run("cp", ["-R", join(context, "node_modules"), dir]);
    await npmIn(dir, ["prune", ...flags, "--offline"]);
  } else await npmIn(dir, [...npm[1]!.split(" "), ...flags]);
}

async function npmIn(dir: string, args: string[]): Promise<void> {
  const { NODE_OPTIONS: _jest, ...env } = process.env;
  try {
    await run("npm", args, {
      cwd: dir,
      env: {
        ...env,
        npm_config_offline: "true",
        // Should anything still try the registry, it meets a closed port on loopback.
        npm_config_registry: "http://127.0.0.1:9/",
        npm_config_audit: "false",
        npm_config_fund: "false",
        npm_config_update_notifier: "false",
      },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(" ")} failed:\n${stdout}\n${stderr}`);
  }
}

/**
 * The context's node_modules is what its lockfile says (as `npm ci` left it), so that a
 * copy of it, pruned, is what `npm ci` in the image would install.
 */
function checkInstallMatchesLock(context: string, dir: string): void {
  type Packages = Record<
    string,
    { version?: string; optional?: boolean; peer?: boolean }
  >;
  const read = (file: string): Packages =>
    (JSON.parse(readFileSync(file, "utf8")) as { packages: Packages }).packages;
  const locked = read(join(dir, "package-lock.json"));
  const installed = read(join(context, "node_modules", ".package-lock.json"));
  const differences = [
    ...Object.entries(locked)
      .filter(([path]) => path !== "")
      .filter(([path, entry]) =>
        installed[path]
          ? installed[path].version !== entry.version
          : !entry.optional && !entry.peer,
      )
      .map(([path]) => path),
    ...Object.keys(installed).filter((path) => !(path in locked)),
  ];
  if (differences.length > 0)
    throw new Error(
      `node_modules is not what package-lock.json says (${differences.slice(0, 5).join(", ")}): run npm ci`,
    );
}
