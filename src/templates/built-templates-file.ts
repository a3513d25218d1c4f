import { readFileSync } from "node:fs";
import type { StoredTemplate } from "./stored-template.js";

/**
 * The built-in templates as `npm run build` parsed them (scripts/build-templates.js), so no
 * process parses them at start. The path holds from src/ and lib/ alike; templates/*.md stay
 * the source, and a test fails when this file no longer matches them.
 */
export const BUILTIN_TEMPLATES_JSON = new URL(
  "../../lib/templates/builtin-templates.json",
  import.meta.url,
);

/**
 * The built templates, read from lib/. The Action's bundle, one file, carries them in itself
 * instead: scripts/build-action.js puts that in place of this module.
 */
export function readBuiltTemplatesFile(): StoredTemplate[] {
  return JSON.parse(
    readFileSync(BUILTIN_TEMPLATES_JSON, "utf8"),
  ) as StoredTemplate[];
}
