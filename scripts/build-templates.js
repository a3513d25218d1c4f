// npm run build, after tsc: parses the built-in templates (templates/*.md) once, with the
// compiled parser, into lib/templates/builtin-templates.json, which the CLI and the server
// read at start instead of parsing the Markdown.
import { writeFileSync } from "node:fs";
import {
  BUILTIN_TEMPLATE_IDS,
  readBuiltinTemplateSource,
} from "../lib/templates/builtin-templates.js";
import { BUILTIN_TEMPLATES_JSON } from "../lib/templates/built-templates-file.js";
import { parseTemplate } from "../lib/templates/parse-template.js";
import { storeTemplate } from "../lib/templates/stored-template.js";

const stored = BUILTIN_TEMPLATE_IDS.map((id) =>
  storeTemplate(parseTemplate(id, readBuiltinTemplateSource(id))),
);
writeFileSync(BUILTIN_TEMPLATES_JSON, `${JSON.stringify(stored)}\n`);
console.log(
  `Built ${BUILTIN_TEMPLATE_IDS.join(", ")} into ${BUILTIN_TEMPLATES_JSON.pathname}`,
);
