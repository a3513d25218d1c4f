import { createRequire } from "node:module";
import type * as YamlModule from "yaml";

let yaml: typeof YamlModule | undefined;

/**
 * The `yaml` package, loaded the first time a doc has front matter or a config file is read:
 * loading it costs about as much as loading the Markdown parser, and most docs and most CLI
 * runs need neither. Synchronous, so the parse stays a plain function.
 */
export function requireYaml(): typeof YamlModule {
  yaml ??= createRequire(import.meta.url)("yaml") as typeof YamlModule;
  return yaml;
}
