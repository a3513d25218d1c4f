/** One Dockerfile instruction, its continuation lines joined, with the line it starts on. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** One `FROM` and the instructions after it, up to the next `FROM`. */
export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** A `COPY`: its sources, where they go, and the stage they come from (the context if none). */
export interface Copy {
  from: string | undefined;
  sources: string[];
  destination: string;
}

/**
 * The stages of a Dockerfile, in order. Only what this project's Dockerfile uses is read:
 * comments, `\` continuations, `FROM image [AS name]`; anything else it does not know, a
 * parser directive or a heredoc, is an error rather than a silent misreading.
 */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of readInstructions(text)) {
    if (instruction.keyword === "FROM") {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/iu.exec(instruction.args);
      if (!match)
        throw new Error(`line ${instruction.line}: FROM ${instruction.args}`);
      stages.push({ image: match[1]!, name: match[2], instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage)
        throw new Error(`line ${instruction.line}: an instruction before FROM`);
      if (instruction.args.includes("<<"))
        throw new Error(`line ${instruction.line}: heredocs are not read here`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

function readInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: Instruction | undefined;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trimEnd();
    if (/^\s*#/u.test(line) || (pending === undefined && line.trim() === ""))
      return;
    const continued = line.endsWith("\\");
    const body = continued ? line.slice(0, -1) : line;
    if (pending) pending.args += ` ${body.trim()}`;
    else {
      const match = /^\s*([A-Za-z]+)\s+(.*)$/u.exec(body);
      if (!match) throw new Error(`line ${index + 1}: ${line}`);
      pending = {
        keyword: match[1]!.toUpperCase(),
        args: match[2]!.trim(),
        line: index + 1,
      };
    }
    if (!continued) {
      pending.args = pending.args.replace(/\s+/gu, " ").trim();
      instructions.push(pending);
      pending = undefined;
    }
  });
  if (pending) instructions.push(pending);
  return instructions;
}

/** A `COPY`'s `--from`, sources and destination (shell form or JSON form). */
export function parseCopy(args: string): Copy {
  const words = args.startsWith("[")
    ? (JSON.parse(args) as string[])
    : args.split(" ");
  let from: string | undefined;
  const paths: string[] = [];
  for (const word of words) {
    const flag = /^--([a-z-]+)=(.*)$/u.exec(word);
    if (flag?.[1] === "from") from = flag[2];
    else if (flag)
      throw new Error(`COPY ${args}: --${flag[1]} is not read here`);
    else paths.push(word);
  }
  const destination = paths.pop();
  if (destination === undefined || paths.length === 0)
    throw new Error(`COPY ${args}: needs a source and a destination`);
  return { from, sources: paths, destination };
}

/** The variables an `ENV` sets: `KEY=value ...` (values may be quoted) or `KEY value`. */
export function parseEnv(args: string): Record<string, string> {
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+([^=]*)$/u.exec(args);
  if (legacy) return { [legacy[1]!]: legacy[2]! };
  const env: Record<string, string> = {};
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)\s*/gy;
  let match: RegExpExecArray | null;
  while ((match = pair.exec(args)) !== null) {
    const value = match[2]!;
    env[match[1]!] = /^["']/u.test(value)
      ? value.slice(1, -1).replace(/\\(.)/gu, "$1")
      : value;
    if (pair.lastIndex === args.length) return env;
  }
  throw new Error(`ENV ${args}: not KEY=value pairs`);
}

/** A `CMD` in exec form, `["node", "lib/server.js"]`; the shell form is refused. */
export function parseExecForm(args: string): string[] {
  if (!args.startsWith("["))
    throw new Error(`CMD ${args}: only the exec form ["...", ...] is read`);
  return JSON.parse(args) as string[];
}
