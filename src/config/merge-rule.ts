import type { StatusDefinition } from "../validate/options.js";
import {
  isRecord,
  readStrings,
  rejectUnknownKeys,
  type Fail,
} from "./read-values.js";

/** The `merge` key: the statuses a changed design doc may be merged in. */
export interface MergeRule {
  /** As the config names them; `resolveMergeStatuses` reads them against the vocabulary. */
  statuses: string[];
}

/** Reads `merge: { statuses: [...] }`; absent, any status may merge. */
export function readMerge(value: unknown, fail: Fail): MergeRule | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value))
    return fail(
      "merge",
      "must be a mapping, e.g. merge: { statuses: [Approved] }",
    );
  rejectUnknownKeys(value, ["statuses"], "merge.", fail);
  if (value.statuses === undefined)
    return fail(
      "merge.statuses",
      "must list the statuses a design doc may be merged in",
    );
  const statuses = readStrings(value.statuses, "merge.statuses", fail);
  return statuses && { statuses };
}

/**
 * The merge rule's statuses as the vocabulary names them (a name or an alias, any case), and
 * an error for each it does not know: a misspelt status would block every merge.
 */
export function resolveMergeStatuses(
  rule: MergeRule,
  vocabulary: readonly StatusDefinition[],
): { statuses: string[]; errors: { key: string; message: string }[] } {
  const statuses: string[] = [];
  const errors: { key: string; message: string }[] = [];
  for (const name of rule.statuses) {
    const known = vocabulary.find((status) =>
      [status.name, ...status.aliases].some(
        (word) => word.toLowerCase() === name.toLowerCase(),
      ),
    );
    if (known) statuses.push(known.name);
    else
      errors.push({
        key: "merge.statuses",
        message: `"${name}" is not a status here; the statuses are ${vocabulary.map((status) => status.name).join(", ")}`,
      });
  }
  return { statuses, errors };
}
