import { statusesOf, type StatusDefinition } from "../validate/options.js";
import {
  DEFAULT_STATUS_RULE,
  parseSetter,
  type Setter,
  type StatusRule,
} from "./status-rules.js";
import {
  rejectUnknownKeys,
  isRecord,
  readBoolean,
  readStrings,
  type Fail,
} from "./read-values.js";

/** How a status shows as a PR label. */
export interface LabelStyle {
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string;
}

/** The `statuses` key: the vocabulary for validation and the label settings per status. */
export interface StatusSettings {
  /** The repo's own vocabulary, least advanced first; undefined keeps the templates'. */
  statuses: StatusDefinition[] | undefined;
  /** Label settings given per status name; the rest default. */
  labels: Record<string, Partial<LabelStyle>>;
  /** Who may set each status named with `setBy` or `requireApprovals`; the rest default. */
  rules: Record<string, StatusRule>;
  /** Whose reviews are requested when a doc on the PR reaches each status named here. */
  reviewers: Record<string, Setter[]>;
}

const STATUS_KEYS = [
  "aliases",
  "strict",
  "label",
  "color",
  "description",
  "setBy",
  "requireApprovals",
  "reviewers",
];

/** Reads `statuses`: a list of names, or a map of each name to its settings. */
export function readStatuses(value: unknown, fail: Fail): StatusSettings {
  const labels: Record<string, Partial<LabelStyle>> = {};
  const rules: Record<string, StatusRule> = {};
  const reviewers: Record<string, Setter[]> = {};
  if (value === undefined)
    return { statuses: undefined, labels, rules, reviewers };
  if (Array.isArray(value)) {
    const names = readStrings(value, "statuses", fail);
    return { statuses: names && statusesOf(names), labels, rules, reviewers };
  }
  if (!isRecord(value) || Object.keys(value).length === 0) {
    fail(
      "statuses",
      "must list the statuses, least advanced first, or map each to its settings",
    );
    return { statuses: undefined, labels, rules, reviewers };
  }
  const statuses = Object.entries(value).map(([name, settings]) => {
    const [defaults] = statusesOf([name]) as [StatusDefinition];
    if (settings === null || settings === undefined) return defaults;
    const key = `statuses.${name}`;
    if (!isRecord(settings)) {
      fail(key, `must be a mapping with ${STATUS_KEYS.join(", ")}`);
      return defaults;
    }
    rejectUnknownKeys(settings, STATUS_KEYS, `${key}.`, fail);
    const style = readLabelStyle(settings, key, fail);
    if (Object.keys(style).length > 0)
      Object.defineProperty(labels, name, { value: style, enumerable: true });
    const rule = readRule(settings, key, fail);
    if (rule)
      Object.defineProperty(rules, name, { value: rule, enumerable: true });
    const asked = readSetters(settings.reviewers, `${key}.reviewers`, fail);
    if (asked)
      Object.defineProperty(reviewers, name, {
        value: asked,
        enumerable: true,
      });
    return {
      name,
      aliases:
        readStrings(settings.aliases, `${key}.aliases`, fail) ??
        defaults.aliases,
      strict:
        readBoolean(settings.strict, `${key}.strict`, fail) ?? defaults.strict,
    };
  });
  return { statuses, labels, rules, reviewers };
}

function readRule(
  settings: Record<string, unknown>,
  key: string,
  fail: Fail,
): StatusRule | undefined {
  const { setBy, requireApprovals } = settings;
  if (setBy === undefined && requireApprovals === undefined) return undefined;
  const setters = readSetters(setBy, `${key}.setBy`, fail);
  let approvals = DEFAULT_STATUS_RULE.requireApprovals;
  if (requireApprovals !== undefined) {
    if (
      typeof requireApprovals === "number" &&
      Number.isInteger(requireApprovals) &&
      requireApprovals >= 0 &&
      requireApprovals <= 10
    )
      approvals = requireApprovals;
    else fail(`${key}.requireApprovals`, "must be a whole number from 0 to 10");
  }
  return { setBy: setters, requireApprovals: approvals };
}

/** Users (`alice`) and teams (`@org/team`), each checked. */
function readSetters(
  value: unknown,
  key: string,
  fail: Fail,
): Setter[] | undefined {
  return readStrings(value, key, fail)?.flatMap((text): Setter[] => {
    const setter = parseSetter(text);
    if (setter) return [setter];
    fail(key, `"${text}" is neither a user (alice) nor a team (@org/team)`);
    return [];
  });
}

function readLabelStyle(
  settings: Record<string, unknown>,
  key: string,
  fail: Fail,
): Partial<LabelStyle> {
  const style: Partial<LabelStyle> = {};
  const { label, color, description } = settings;
  if (label !== undefined) {
    if (typeof label === "string" && label.trim() !== "" && label.length <= 50)
      style.name = label.trim();
    else fail(`${key}.label`, "must be a label name of 1 to 50 characters");
  }
  if (color !== undefined) {
    const hex = typeof color === "string" ? color.replace(/^#/u, "") : "";
    if (/^[0-9a-f]{6}$/iu.test(hex)) style.color = hex.toLowerCase();
    else fail(`${key}.color`, 'must be six hex digits, like "0e8a16"');
  }
  if (description !== undefined) {
    if (typeof description === "string" && description.length <= 100)
      style.description = description;
    else fail(`${key}.description`, "must be text of at most 100 characters");
  }
  return style;
}
