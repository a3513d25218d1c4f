import { normalizeText } from "../markdown/plain-text.js";
import type { DesignDoc } from "../markdown/types.js";
import { findField } from "./field-names.js";
import type { StatusDefinition } from "./options.js";

/** The doc's Status as written, and what it means in the vocabulary. */
export interface StatusReading {
  /** As written, markup stripped; undefined when the doc has no Status field. */
  raw: string | undefined;
  line: number | undefined;
  /** The vocabulary value it means, when it means exactly one. */
  value: string | undefined;
  /** Why there is no value: no field, an unedited list of options, or an unknown word. */
  problem: "missing" | "options" | "unknown" | undefined;
  /** The nearest vocabulary value, for an unknown word. */
  suggestion: string | undefined;
}

const MAX_SUGGESTION_INPUT = 60;
const ALTERNATIVES = /\s*(?:\||\/|\bor\b)\s*/u;

/**
 * Finds the doc's Status (front matter, bold or plain header line, header table) and reads it
 * against the vocabulary: case-insensitive, aliases understood, dates, versions and remarks
 * after the status ignored (`Implemented (Swift 5.9)`, `Speculative, revision 0.2`).
 */
export function readStatus(
  doc: DesignDoc,
  statuses: readonly StatusDefinition[],
): StatusReading {
  const field = findField(doc, "status");
  const none = { value: undefined, suggestion: undefined };
  if (!field || field.value === "") {
    return {
      raw: field?.value,
      line: field?.line,
      ...none,
      problem: "missing",
    };
  }
  const reading = { raw: field.value, line: field.line };
  if (isOptionList(field.value, statuses))
    return { ...reading, ...none, problem: "options" };
  const value = lookUp(headOf(field.value), statuses);
  if (value)
    return { ...reading, value, problem: undefined, suggestion: undefined };
  return {
    ...reading,
    value: undefined,
    problem: "unknown",
    suggestion: nearest(headOf(field.value), statuses),
  };
}

/** The status word(s) before any remark: `Accepted (2021-01-02), v2` → `accepted`. */
function headOf(raw: string): string {
  const head = raw.split(/[,;(—–]| - /u)[0] ?? "";
  return normalizeText(head)
    .split(" ")
    .filter((word) => !/\d/u.test(word))
    .join(" ");
}

function lookUp(
  words: string,
  statuses: readonly StatusDefinition[],
): string | undefined {
  return statuses.find((status) => namesOf(status).includes(words))?.name;
}

function namesOf(status: StatusDefinition): string[] {
  return [status.name, ...status.aliases].map(normalizeText);
}

/** `a|b|c`, `A / B`, `a or b`, or several known statuses in a comma list: the options, unpicked. */
function isOptionList(
  raw: string,
  statuses: readonly StatusDefinition[],
): boolean {
  const text = raw.replace(/[{}]/gu, "");
  if (text.split(ALTERNATIVES).filter(Boolean).length > 1) return true;
  const known = text
    .split(",")
    .filter((part) => lookUp(normalizeText(part), statuses));
  return known.length > 1;
}

function nearest(
  words: string,
  statuses: readonly StatusDefinition[],
): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const status of statuses) {
    for (const name of namesOf(status)) {
      const distance = editDistance(words, name);
      if (!best || distance < best.distance)
        best = { name: status.name, distance };
    }
  }
  if (words.length > MAX_SUGGESTION_INPUT) return undefined;
  const limit = Math.max(2, Math.floor(words.length / 3));
  return best && best.distance <= limit ? best.name : undefined;
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution =
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min(
          substitution,
          (previous[j] ?? 0) + 1,
          (current[j - 1] ?? 0) + 1,
        ),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
