import { readFileSync } from "node:fs";
import { ownValue } from "../validate/own-value.js";
import type { CliIO } from "./cli-io.js";
import { COMMAND_USAGE, USAGE, UsageError } from "./usage.js";

type Command = (args: string[], io: CliIO) => Promise<number>;

/**
 * Each command's module, imported when that command runs: `new` does not load the checker,
 * `check` does not load `new` or `index`, and `--help` loads none.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import("./check-command.js")).checkCommand,
  new: async () => (await import("./new-command.js")).newCommand,
  index: async () => (await import("./index-command.js")).indexCommand,
};

/** Runs `design-docs` with its arguments; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (
    name === undefined ||
    name === "help" ||
    name === "--help" ||
    name === "-h"
  ) {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = ownValue(COMMANDS, name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout.write(ownValue(COMMAND_USAGE, name) ?? USAGE);
      return 0;
    }
    const run = await command();
    return await run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError) && !isArgumentError(error)) throw error;
    io.stderr.write(`design-docs: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}

/** The errors `util.parseArgs` throws for unknown or malformed options, told by their code. */
function isArgumentError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  );
}

/** The package's version, from the package.json beside src/ and lib/. */
function version(): string {
  const pkg = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { version?: unknown };
  return String(pkg.version);
}
