import { readFileSync } from "node:fs";
import { parseTemplate } from "./parse-template.js";
import type { Template } from "./types.js";

const TEMPLATE_DIR = new URL("../../templates/", import.meta.url);

/** The ids of the templates that ship with Design Docs Bot, first one the default. */
export const BUILTIN_TEMPLATE_IDS = ["design-doc", "design-review"] as const;

/** The Markdown of a built-in template, as shipped in `templates/`. */
export function readBuiltinTemplateSource(id: string): string {
  return readFileSync(new URL(`${id}.md`, TEMPLATE_DIR), "utf8");
}

let builtins: Template[] | undefined;

/** The built-in templates, read and parsed once per process. */
export function loadBuiltinTemplates(): Template[] {
  builtins ??= BUILTIN_TEMPLATE_IDS.map((id) =>
    parseTemplate(id, readBuiltinTemplateSource(id)),
  );
  return builtins;
}
