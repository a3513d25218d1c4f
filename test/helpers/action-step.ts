import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

/** The committed bundle action.yml runs. */
export const BUNDLE = new URL("../../dist/index.mjs", import.meta.url);

/** What one run of the step left: its exit code, output, job summary and outputs. */
export interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The job summary the step appended, "" when none. */
  summary: string;
  outputs: Record<string, string>;
  /** The workflow commands it printed (`::error file=…::…`), one per line. */
  commands: string[];
}

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

/**
 * Runs the committed bundle as a runner does: `node dist/index.mjs` with the runner's
 * environment (the event file, the inputs as `INPUT_<NAME>` with action.yml's defaults, the
 * API URL of the fake GitHub on loopback, summary and output files in a temporary folder,
 * an empty workspace) and nothing of this process's own environment but PATH.
 */
export async function runStep(options: {
  apiUrl: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  /** The checked-out workspace, if the workflow checked anything out. */
  workspace?: string;
  /** Modules to load first (`node --import`). */
  imports?: string[];
}): Promise<StepRun> {
  const folder = mkdtempSync(join(tmpdir(), "design-docs-step-"));
  const eventPath = join(folder, "event.json");
  writeFileSync(eventPath, JSON.stringify(options.payload));
  const summaryPath = join(folder, "summary.md");
  const outputPath = join(folder, "output");
  writeFileSync(summaryPath, "");
  writeFileSync(outputPath, "");
  const action = parse(
    readFileSync(new URL("../../action.yml", import.meta.url), "utf8"),
  ) as ActionYml;
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs))
    inputs[`INPUT_${name.toUpperCase()}`] =
      options.inputs?.[name] ??
      // The runner fills in `${{ github.token }}`: the workflow's token.
      (input.default === "${{ github.token }}"
        ? "workflow-token"
        : (input.default ?? ""));
  const child = spawn(
    process.execPath,
    [
      ...(options.imports ?? []).flatMap((url) => ["--import", url]),
      BUNDLE.pathname,
    ],
    {
      cwd: options.workspace ?? folder,
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: options.eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: "Codertocat/Hello-World",
        GITHUB_API_URL: options.apiUrl,
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_OUTPUT: outputPath,
        GITHUB_WORKSPACE: options.workspace ?? folder,
        RUNNER_TEMP: folder,
        ...inputs,
      },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) =>
    child.on("close", resolve),
  );
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(summaryPath, "utf8"),
    outputs: readOutputs(readFileSync(outputPath, "utf8")),
    commands: stdout.split("\n").filter((line) => line.startsWith("::")),
  };
}

/** `name<<delimiter`, the value's lines, `delimiter`: the file GITHUB_OUTPUT names. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<]+)<<(.+)$/u.exec(lines[index] ?? "");
    if (!match) continue;
    const [, name = "", delimiter] = match;
    const end = lines.indexOf(delimiter ?? "", index + 1);
    outputs[name] = lines.slice(index + 1, end).join("\n");
    index = end;
  }
  return outputs;
}
