import type { Template } from "../templates/types.js";
import type { Engine } from "../validate/check-design-doc.js";
import { statusesOf } from "../validate/options.js";
import type { Config } from "./parse-config.js";

/**
 * The engine a config asks for. `templates` holds the templates the config names, already
 * read; `defaultStatuses` come from the product's default template.
 */
export function createEngine(
  config: Config,
  templates: Template[],
  defaultTemplate: Template,
  today: string,
): Engine {
  return {
    templates,
    selection: { mappings: config.mappings, aliases: config.aliases },
    options: {
      aliases: config.aliases,
      optionalSections: config.optionalSections,
      statuses: config.statuses,
      defaultStatuses: statusesOf(defaultTemplate.statuses),
      today,
    },
  };
}
