import { parseDesignDoc } from "../markdown/parse-design-doc.js";
import { describeDesignDoc, type DescribedDoc } from "./describe-doc.js";
import { parseTemplate } from "../templates/parse-template.js";
import type { Template } from "../templates/types.js";
import {
  checkDesignDoc,
  type DocReport,
  type Engine,
} from "../validate/check-design-doc.js";
import type { StatusDefinition } from "../validate/options.js";
import { readStatus } from "../validate/read-status.js";
import {
  setStatus,
  suggestStatus,
  type StatusSuggestion,
} from "../validate/set-status.js";

/**
 * Everything the App does that parses a doc or a repo's template. Each runs in a worker
 * thread within a time budget (see worker-pool.ts): some Markdown takes micromark seconds to
 * parse.
 */
export const DOC_TASKS = {
  /** The doc's report against the engine's templates. */
  check: (path: string, text: string, engine: Engine): DocReport =>
    checkDesignDoc(path, text, engine),
  /** The doc's report with its title, Owner and Created: an index's entry. */
  describe: (path: string, text: string, engine: Engine): DescribedDoc =>
    describeDesignDoc(path, text, engine),
  /** The Status value the doc gives, in the vocabulary's terms. */
  status: (
    text: string,
    vocabulary: readonly StatusDefinition[],
  ): string | undefined => readStatus(parseDesignDoc(text), vocabulary).value,
  /** The doc with its Status set, or undefined when it cannot be. */
  setStatus: (text: string, status: string): string | undefined =>
    setStatus(text, status),
  /** A template file from the repo, `ref` as the config names it. */
  template: (ref: string, source: string): Template =>
    parseTemplate(ref, source, ref),
  /** The line an author should change to set the Status. */
  suggestStatus: (text: string, status: string): StatusSuggestion | undefined =>
    suggestStatus(text, status),
};

export type DocTasks = typeof DOC_TASKS;
export type DocTaskName = keyof DocTasks;
