import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";

/**
 * The line of a config file a key of its errors names (`statuses.WIP.color`): that of the
 * deepest key of the path the file has, so a wrong value points at its key and an unknown
 * key at itself. Undefined for an error of the whole file (`(file)`, `(root)`), or where the
 * file is not YAML: its message says where.
 */
export function locateConfigKey(text: string, key: string): number | undefined {
  if (key.startsWith("(")) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, logLevel: "silent" });
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const segment of key.split(".")) {
    if (!isMap(node)) break;
    const pair = node.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === segment,
    );
    if (!pair) break;
    const start = (pair.key as Node).range?.[0];
    if (start !== undefined) line = lineCounter.linePos(start).line;
    node = pair.value;
  }
  return line;
}
