import { requireYaml } from "../markdown/require-yaml.js";
import type { ConfigError } from "./parse-config.js";

/**
 * The mapping a config file's text holds, or why it holds none. Read the way Probot reads
 * config (the `yaml` package, YAML 1.2, at most 100 aliases), so a file means the same
 * whether it is a repo's own or one it extends.
 */
export function readConfigText(
  text: string,
): { raw: unknown } | { error: ConfigError } {
  let raw: unknown;
  try {
    raw = requireYaml().parse(text, { logLevel: "error" }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      error: {
        key: "(file)",
        message: `not valid YAML: ${message.split("\n")[0] ?? message}`,
      },
    };
  }
  return typeof raw === "string"
    ? {
        error: {
          key: "(file)",
          message: "the file must be a mapping of keys to values",
        },
      }
    : { raw };
}
