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

let builtins: [Template, ...Template[]] | undefined;

/** The built-in templates, read and parsed once per process; the default first. */
export function loadBuiltinTemplates(): [Template, ...Template[]] {
  const [first, ...rest] = BUILTIN_TEMPLATE_IDS;
  builtins ??= [readBuiltinTemplate(first), ...rest.map(readBuiltinTemplate)];
  return builtins;
}

/**
 * The default template, the first of `BUILTIN_TEMPLATE_IDS`: its Status vocabulary is the one
 * for templates that name none.
 */
export function defaultTemplate(): Template {
  return loadBuiltinTemplates()[0];
}

function readBuiltinTemplate(id: string): Template {
  return parseTemplate(id, readBuiltinTemplateSource(id));
}
