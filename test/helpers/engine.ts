import { readFileSync } from "node:fs";
import { parseConfig } from "../../src/config/parse-config.js";
import { createEngine } from "../../src/config/create-engine.js";
import {
  BUILTIN_TEMPLATE_IDS,
  defaultTemplate,
  loadBuiltinTemplates,
} from "../../src/templates/builtin-templates.js";
import type { Template } from "../../src/templates/types.js";
import {
  checkDesignDoc,
  type DocReport,
  type Engine,
} from "../../src/validate/check-design-doc.js";

/** The date every test runs on, so "not in the future" never depends on the clock. */
export const TODAY = "2026-11-23";

/** An engine as a repo with this config (parsed YAML) would get; the config must be valid. */
export function engineFor(rawConfig: unknown = {}): Engine {
  const { config, errors } = parseConfig(rawConfig, BUILTIN_TEMPLATE_IDS);
  if (errors.length > 0)
    throw new Error(`bad test config: ${JSON.stringify(errors)}`);
  const builtins = loadBuiltinTemplates();
  const templates = config.templates.map(
    (id) => builtins.find((t) => t.id === id) as Template,
  );
  return createEngine(config, templates, defaultTemplate(), TODAY);
}

/** Reads a file under test/fixtures/. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8");
}

/** Checks a fixture doc with the default engine. */
export function checkFixture(
  path: string,
  engine: Engine = engineFor(),
): DocReport {
  return checkDesignDoc(path, fixture(path), engine);
}

/** The unmet checks of a report, as `rule: message` lines, easy to read in a failing test. */
export function unmetLines(report: DocReport): string[] {
  return report.checks
    .filter((check) => !check.met)
    .map((check) => `${check.ruleId}: ${check.message}`);
}
