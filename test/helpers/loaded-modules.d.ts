/** The project's root, as a file: URL ending in `/`. */
export declare const ROOT: string;
/** What a traced node process printed, and every module it loaded (file: and node: URLs). */
export interface TracedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  modules: string[];
}
/** Runs `node ...args` in the project's root; what it printed and every module it loaded. */
export declare function loadedModules(args: readonly string[]): TracedRun;
/** The packages among module URLs, each once, sorted: `mdast-util-from-markdown`, `@scope/x`. */
export declare function packagesOf(modules: readonly string[]): string[];
