/**
 * `record[key]` when the record itself holds `key`, else undefined. Keys come from docs,
 * configs and labels: a status named `constructor` or `__proto__` must not reach
 * Object.prototype.
 */
export function ownValue<T>(
  record: Readonly<Record<string, T>>,
  key: string | undefined,
): T | undefined {
  return key !== undefined && Object.hasOwn(record, key)
    ? record[key]
    : undefined;
}
