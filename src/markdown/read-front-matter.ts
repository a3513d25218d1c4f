import yaml from "js-yaml";
import type { Yaml } from "mdast";
import type { MetadataField, ParseProblem } from "./types.js";
import { normalizeHeading } from "./normalize-heading.js";

/** What the front matter block holds, and what was wrong with it. */
export interface FrontMatter {
  values: Record<string, string>;
  fields: MetadataField[];
  problems: ParseProblem[];
}

/**
 * Reads a YAML front matter block. Every scalar stays the string it was written as (the
 * failsafe schema), so `created: 2021-04-11` is not turned into a Date. A block that is not
 * valid YAML, or not a mapping, becomes a problem, never an exception.
 */
export function readFrontMatter(node: Yaml | undefined): FrontMatter {
  const empty: FrontMatter = { values: {}, fields: [], problems: [] };
  if (!node) return empty;
  const firstLine = (node.position?.start.line ?? 1) + 1;
  let data: unknown;
  try {
    data = yaml.load(node.value, { schema: yaml.FAILSAFE_SCHEMA });
  } catch (error) {
    const mark = error instanceof yaml.YAMLException ? error.mark : undefined;
    const reason =
      error instanceof yaml.YAMLException ? error.reason : String(error);
    return {
      ...empty,
      problems: [
        {
          message: `Front matter is not valid YAML: ${reason}`,
          line: firstLine + (mark?.line ?? 0),
        },
      ],
    };
  }
  if (data === null || data === undefined) return empty;
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      ...empty,
      problems: [
        {
          message: "Front matter is not a mapping of keys to values",
          line: firstLine,
        },
      ],
    };
  }
  return readMapping(
    data as Record<string, unknown>,
    node.value.split(/\r?\n|\r/u),
    firstLine,
  );
}

function readMapping(
  data: Record<string, unknown>,
  lines: readonly string[],
  firstLine: number,
): FrontMatter {
  const values: Record<string, string> = {};
  const fields: MetadataField[] = [];
  for (const [key, raw] of Object.entries(data)) {
    const value =
      raw === null ? "" : typeof raw === "string" ? raw.trim() : undefined;
    if (value === undefined) continue;
    Object.defineProperty(values, key, {
      value,
      enumerable: true,
      writable: true,
    });
    const index = lines.findIndex(
      (line) => line.startsWith(`${key}:`) || line.includes(`${key}:`),
    );
    fields.push({
      key,
      normalizedKey: normalizeHeading(key),
      value,
      form: "frontmatter",
      line: firstLine + Math.max(index, 0),
    });
  }
  return { values, fields, problems: [] };
}
