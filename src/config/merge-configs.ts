import { isRecord } from "./read-values.js";

/**
 * One config from a chain of files, the most basic first (the file the others extend), each
 * later file over the ones before: mappings merge key by key, and any other value, a list
 * included, replaces the one before. So a repo that names its own `paths` gets those paths,
 * not the organisation's with its own appended. `_extends` says where a file came from and is
 * left out. Every mapping is rebuilt, so nothing read from YAML reaches a prototype.
 */
export function mergeConfigs(files: readonly unknown[]): unknown {
  return files.reduce<unknown>(
    (merged, file) => mergeValue(merged, file),
    undefined,
  );
}

function mergeValue(base: unknown, over: unknown): unknown {
  if (!isRecord(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = {};
  const put = (key: string, value: unknown): void => {
    Object.defineProperty(merged, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  for (const layer of isRecord(base) ? [base, over] : [over])
    for (const [key, value] of Object.entries(layer)) {
      // Keys naming Object.prototype's members (`__proto__`, `constructor`) are dropped, as
      // Probot's merge drops them: no config key is spelled like one.
      if (key === "_extends" || key in Object.prototype) continue;
      put(
        key,
        mergeValue(Object.hasOwn(merged, key) ? merged[key] : undefined, value),
      );
    }
  return merged;
}
