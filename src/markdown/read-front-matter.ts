import type { Yaml } from "mdast";
import type { Alias, Document } from "yaml";
import type { FrontMatterList, MetadataField, ParseProblem } from "./types.js";
import { normalizeHeading } from "./normalize-heading.js";
import { requireYaml } from "./require-yaml.js";

/** What the front matter block holds, and what was wrong with it. */
export interface FrontMatter {
  values: Record<string, string>;
  fields: MetadataField[];
  lists: FrontMatterList[];
  problems: ParseProblem[];
}

/**
 * Reads a YAML front matter block with `yaml`, the parser the config is read with. Every
 * scalar stays the string it was written as (the failsafe schema), so `created: 2021-04-11`
 * is not turned into a Date. Each field's line is its key's own line. A block that is not
 * valid YAML, or not a mapping, becomes a problem, never an exception.
 */
export function readFrontMatter(node: Yaml | undefined): FrontMatter {
  const empty: FrontMatter = {
    values: {},
    fields: [],
    lists: [],
    problems: [],
  };
  if (!node) return empty;
  const { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } =
    requireYaml();
  // The block's text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number =>
    firstLine + lineCounter.linePos(offset).line - 1;
  let doc: Document;
  let walked: Walked;
  try {
    doc = parseDocument(node.value, {
      schema: "failsafe",
      lineCounter,
      // The position goes in the problem's own line; the message stays one readable line.
      prettyErrors: false,
      // yaml compares each key with every key before it: seconds for a few thousand keys.
      uniqueKeys: false,
      logLevel: "error",
    });
    walked = walk(doc);
  } catch (error) {
    // yaml reports what it finds as errors; this is for what it did not foresee.
    return invalid(String(error), firstLine);
  }
  const [error] = doc.errors;
  if (error) return invalid(error.message, lineOf(error.pos[0]));
  if (walked.problem)
    return invalid(walked.problem.message, lineOf(walked.problem.offset));
  const { targets } = walked;
  const root = doc.contents;
  if (root === null) return empty;
  if (!isMap(root)) {
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
  // Only a scalar is a field, and an alias is followed one step, never expanded: an alias
  // bomb costs nothing here, and `<<` is a key like any other (the failsafe schema has no
  // merge keys).
  const text = (item: unknown): string | undefined => {
    if (isAlias(item)) return text(targets.get(item));
    if (item === null) return "";
    return isScalar(item) && typeof item.value === "string"
      ? item.value
      : undefined;
  };
  const values: Record<string, string> = {};
  const fields: MetadataField[] = [];
  const lists: FrontMatterList[] = [];
  for (const pair of root.items) {
    const key = pair.key === null ? undefined : text(pair.key);
    if (key === undefined) continue;
    const start =
      isScalar(pair.key) || isAlias(pair.key) ? pair.key.range : undefined;
    const line = start ? lineOf(start[0]) : firstLine;
    // A list is read where it is written, not through an alias: the same one step as a scalar.
    if (isSeq(pair.value)) {
      const items = pair.value.items
        .map((item) => text(item)?.trim())
        .filter((item): item is string => item !== undefined);
      lists.push({ key, normalizedKey: normalizeHeading(key), items, line });
      continue;
    }
    const raw = text(pair.value);
    if (raw === undefined) continue;
    const value = raw.trim();
    // Defined, not assigned, so a `__proto__` key is data and not the object's prototype.
    Object.defineProperty(values, key, {
      value,
      enumerable: true,
      writable: true,
    });
    fields.push({
      key,
      normalizedKey: normalizeHeading(key),
      value,
      form: "frontmatter",
      line,
      links: [],
    });
  }
  return { values, fields, lists, problems: [] };
}

function invalid(message: string, line: number): FrontMatter {
  return {
    values: {},
    fields: [],
    lists: [],
    problems: [
      {
        message: `Front matter is not valid YAML: ${message.split("\n")[0] ?? message}`,
        line,
      },
    ],
  };
}

/** What one walk of a document finds. */
interface Walked {
  /** The node each alias names: the last node anchored with its name before it. */
  targets: Map<Alias, unknown>;
  /** The first repeated key or alias without an anchor, where it starts. */
  problem?: { message: string; offset: number };
}

/**
 * Walks the document once, in order, for what yaml leaves to `toJS` (aliases) or checks in
 * quadratic time (repeated keys). `Alias.resolve` would walk the whole document per alias.
 */
function walk(doc: Document): Walked {
  const { isAlias, isMap, isScalar, visit } = requireYaml();
  const latest = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  let problem: Walked["problem"];
  const report = (
    message: string,
    range: readonly number[] | null | undefined,
  ) => (problem ??= { message, offset: range?.[0] ?? 0 });
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        targets.set(node, target);
        if (target === undefined)
          report(
            `Unresolved alias (the anchor must be set before the alias): ${node.source}`,
            node.range,
          );
        return;
      }
      if (node.anchor !== undefined) latest.set(node.anchor, node);
      if (!isMap(node)) return;
      // The keys yaml would call the same: scalars of the same value.
      const keys = new Set<unknown>();
      for (const { key } of node.items) {
        if (!isScalar(key)) continue;
        if (keys.has(key.value)) report("Map keys must be unique", key.range);
        keys.add(key.value);
      }
    },
  });
  return problem ? { targets, problem } : { targets };
}
