import { normalizeText } from "../markdown/plain-text.js";
import type { DesignDoc, FieldForm, MetadataField } from "../markdown/types.js";
import { fieldMeans, findField } from "./field-names.js";
import { IMPLEMENTATION_WORDS, type StatusDefinition } from "./options.js";

/** One Status line of the doc, read against the vocabulary. */
export interface StatusSource {
  /** As written, markup stripped. */
  raw: string;
  line: number;
  form: FieldForm;
  /** The vocabulary value it means. */
  value: string;
}

/** The doc's Status as written, and what it means in the vocabulary. */
export interface StatusReading {
  /** As written, markup stripped; undefined when the doc has no Status field. */
  raw: string | undefined;
  line: number | undefined;
  /** The vocabulary value it means, when it means exactly one. */
  value: string | undefined;
  /**
   * Why there is no value: no field, an unedited list of options, a word that says how far
   * the implementation got (`Done`), or an unknown word.
   */
  problem: "missing" | "options" | "implementation" | "unknown" | undefined;
  /** The nearest vocabulary value, for an unknown or implementation word. */
  suggestion: string | undefined;
  /** What replaces the doc, as its Status names it (`Superseded by Token buckets v2`). */
  successor: string | undefined;
  /**
   * Two Status lines that mean different statuses (front matter `Approved`, body `Draft`).
   * The reading is the least advanced of them until they agree.
   */
  disagreement: { counted: StatusSource; other: StatusSource } | undefined;
}

const MAX_SUGGESTION_INPUT = 60;
const ALTERNATIVES = /\s*(?:\||\/|\bor\b)\s*/u;
/** `Superseded by …`, `Replaced by …`, `Obsoleted by …`: the status word, then what replaces it. */
const POINTER =
  /^(superseded|replaced|obsoleted|deprecated)\s+(?:by|with|in favou?r of)\b[\s:]*(.+)$/iu;
/** `Obsolete (see …)`, `Obsolete, see …`, `Deprecated - use … instead`. */
const SEE = /\b(?:see|by|use|in favou?r of)\s+(.+?)(?:\s+instead)?[\s).]*$/iu;
const POINTER_WORDS: Readonly<Record<string, string>> = {
  obsoleted: "obsolete",
};

/**
 * Finds the doc's Status (front matter, bold or plain header line, header table) and reads it
 * against the vocabulary: case-insensitive, aliases understood, dates, versions and remarks
 * after the status ignored (`Implemented (Swift 5.9)`, `Speculative, revision 0.2`), a
 * successor kept (`Superseded by …`). When two Status lines mean different statuses, the
 * least advanced counts.
 */
export function readStatus(
  doc: DesignDoc,
  statuses: readonly StatusDefinition[],
): StatusReading {
  const fields = doc.fields.filter(
    (field) => fieldMeans(field, "status") && field.value !== "",
  );
  const [first] = fields;
  const none = {
    value: undefined,
    suggestion: undefined,
    successor: undefined,
    disagreement: undefined,
  };
  if (!first) {
    const empty = findField(doc, "status");
    return {
      raw: empty?.value,
      line: empty?.line,
      ...none,
      problem: "missing",
    };
  }
  const readings = fields.map((field) => ({
    field,
    reading: readValue(field, statuses),
  }));
  const known = readings.filter((entry) => entry.reading.value !== undefined);
  const rank = (value: string | undefined): number =>
    statuses.findIndex((status) => status.name === value);
  const counted = [...known].sort(
    (a, b) => rank(a.reading.value) - rank(b.reading.value),
  )[0];
  const other = known.find(
    (entry) => entry.reading.value !== counted?.reading.value,
  );
  if (counted && other) {
    return {
      ...counted.reading,
      disagreement: {
        counted: sourceOf(counted.field, counted.reading),
        other: sourceOf(other.field, other.reading),
      },
    };
  }
  return (readings[0] as { reading: StatusReading }).reading;
}

function readValue(
  field: MetadataField,
  statuses: readonly StatusDefinition[],
): StatusReading {
  const reading = (
    value: string | undefined,
    rest: Pick<StatusReading, "problem" | "suggestion" | "successor">,
  ): StatusReading => ({
    raw: field.value,
    line: field.line,
    value,
    disagreement: undefined,
    ...rest,
  });
  const known = (value: string, successor: string | undefined) =>
    reading(value, { problem: undefined, suggestion: undefined, successor });
  const unknown = (
    problem: StatusReading["problem"],
    suggestion: string | undefined,
  ) => reading(undefined, { problem, suggestion, successor: undefined });

  const pointer = POINTER.exec(field.value.trim());
  if (pointer) {
    const word = (pointer[1] ?? "").toLowerCase();
    const value = lookUp(POINTER_WORDS[word] ?? word, statuses);
    if (value) return known(value, pointer[2]?.trim());
  }
  if (isOptionList(field.value, statuses)) return unknown("options", undefined);
  const head = headOf(field.value);
  const value = lookUp(head, statuses);
  if (value) return known(value, successorOf(field.value, value, statuses));
  if (IMPLEMENTATION_WORDS.includes(head))
    return unknown("implementation", lookUp("implemented", statuses));
  return unknown("unknown", nearest(head, statuses));
}

/** The successor an obsolete-like status names after its word: `Obsolete (see …)`. */
function successorOf(
  raw: string,
  value: string,
  statuses: readonly StatusDefinition[],
): string | undefined {
  if (value !== lookUp("superseded", statuses)) return undefined;
  const rest = raw.slice(raw.split(/[,;(—–]| - /u)[0]?.length ?? 0);
  return SEE.exec(rest)?.[1]?.trim() || undefined;
}

function sourceOf(field: MetadataField, reading: StatusReading): StatusSource {
  return {
    raw: field.value,
    line: field.line,
    form: field.form,
    value: reading.value as string,
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
function editDistance(a: string, b: string): number {
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
