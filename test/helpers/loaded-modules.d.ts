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
/**
 * The source modules behind module URLs: a file of the CLI's bundle (lib/bundle/) stands for
 * the modules its metafile says it holds; any other URL stands for itself.
 */
export declare function sourceModulesOf(modules: readonly string[]): string[];
/** The packages among module URLs, each once, sorted: `mdast-util-from-markdown`, `@scope/x`. */
export declare function packagesOf(modules: readonly string[]): string[];
