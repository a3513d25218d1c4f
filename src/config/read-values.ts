/** Records an error against a config key; returns undefined so callers can fall back. */
export type Fail = (key: string, message: string) => undefined;

/** A plain mapping, as YAML gives one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty string or a non-empty list of them. */
export function readStrings(
  value: unknown,
  key: string,
  fail: Fail,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && value !== "") return [value];
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === "string" && item !== "")
  ) {
    return value as string[];
  }
  return fail(key, "must be a non-empty string or a list of them");
}

/** One of a fixed set of words. */
export function readChoice<T extends string>(
  value: unknown,
  key: string,
  choices: readonly T[],
  fail: Fail,
): T | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value === "string" &&
    (choices as readonly string[]).includes(value)
  )
    return value as T;
  return fail(key, `must be one of ${choices.join(", ")}`);
}

/** true or false. */
export function readBoolean(
  value: unknown,
  key: string,
  fail: Fail,
): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  return fail(key, "must be true or false");
}

/** An error for every key of `data` outside `known`: a misspelt key must not pass unnoticed. */
export function rejectUnknownKeys(
  data: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
  fail: Fail,
): void {
  for (const key of Object.keys(data)) {
    if (!known.includes(key))
      fail(
        `${prefix}${key}`,
        `unknown key; known keys are ${known.join(", ")}`,
      );
  }
}
