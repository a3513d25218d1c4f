import { existsSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

/** A doc the command line names: the file, and its path as the user typed it. */
export interface FoundDoc {
  file: string;
  /**
   * The argument itself for a file; `<argument>/<path below it>` for a directory; for a glob,
   * the match relative to the working directory, or absolute if the glob is.
   */
  shown: string;
}

/**
 * Files for paths, directories (every .md under them) and globs, each file once, sorted.
 * tinyglobby is imported only for a directory or a glob: a run on files does without it.
 */
export async function findDocs(
  patterns: readonly string[],
  cwd: string,
): Promise<FoundDoc[]> {
  const found = new Map<string, FoundDoc>();
  const add = (file: string, shown: string): void => {
    if (!found.has(file)) found.set(file, { file, shown });
  };
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    const stats = existsSync(path) ? statSync(path) : undefined;
    if (stats?.isFile()) {
      add(path, pattern);
    } else if (stats?.isDirectory()) {
      const { glob } = await import("tinyglobby");
      const below = await glob("**/*.md", { cwd: path, onlyFiles: true });
      const prefix = pattern.endsWith("/") ? pattern : `${pattern}/`;
      below.forEach((file) => add(resolve(path, file), prefix + file));
    } else {
      const { glob } = await import("tinyglobby");
      const matches = await glob(pattern, {
        cwd,
        absolute: true,
        onlyFiles: true,
      });
      const shown = (file: string): string => {
        if (isAbsolute(pattern)) return file;
        const local = toPosix(relative(cwd, file));
        return pattern.startsWith("./") ? `./${local}` : local;
      };
      matches.forEach((match) => add(resolve(match), shown(match)));
    }
  }
  return [...found.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
}

/** The path with `/` between its parts, as Git and globs write it. */
export function toPosix(path: string): string {
  return path.split("\\").join("/");
}
