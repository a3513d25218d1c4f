import { readFileSync } from "node:fs";
import { readBuiltTemplatesFile } from "./built-templates-file.js";
import { restoreTemplate, type StoredTemplate } from "./stored-template.js";
import type { Template } from "./types.js";

const TEMPLATE_DIR = new URL("../../templates/", import.meta.url);

/** The ids of the templates that ship with Design Docs Bot, first one the default. */
export const BUILTIN_TEMPLATE_IDS = ["design-doc", "design-review"] as const;

/** The Markdown of a built-in template, as shipped in `templates/`. */
export function readBuiltinTemplateSource(id: string): string {
  return readFileSync(new URL(`${id}.md`, TEMPLATE_DIR), "utf8");
}

let builtins: [Template, ...Template[]] | undefined;

/** The built-in templates, read once per process from their built form; the default first. */
export function loadBuiltinTemplates(): [Template, ...Template[]] {
  builtins ??= readBuiltTemplates();
  return builtins;
}

/**
 * The default template, the first of `BUILTIN_TEMPLATE_IDS`: its Status vocabulary is the one
 * for templates that name none.
 */
export function defaultTemplate(): Template {
  return loadBuiltinTemplates()[0];
}

function readBuiltTemplates(): [Template, ...Template[]] {
  let stored: StoredTemplate[];
  try {
    stored = readBuiltTemplatesFile();
  } catch (error) {
    throw new Error(
      `The built-in templates are not built (${(error as Error).message}); run npm run build`,
    );
  }
  const [first, ...rest] = BUILTIN_TEMPLATE_IDS.map((id) => {
    const template = stored.find((entry) => entry.id === id);
    if (!template)
      throw new Error(
        `Built-in template ${id} is not built; run npm run build`,
      );
    return restoreTemplate(template);
  });
  return [first as Template, ...rest];
}
