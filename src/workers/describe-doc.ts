import { parseDesignDoc } from "../markdown/parse-design-doc.js";
import {
  checkDesignDoc,
  type DocReport,
  type Engine,
} from "../validate/check-design-doc.js";
import { findField } from "../validate/field-names.js";

/** A doc's report, and the header an index lists it by. */
export interface DescribedDoc {
  report: DocReport;
  /** The first heading's text; undefined when the doc has none. */
  title: string | undefined;
  owner: string | undefined;
  created: string | undefined;
}

/** Checks one doc and reads its title, Owner and Created (`Author` and `Date` count). */
export function describeDesignDoc(
  path: string,
  markdown: string,
  engine: Engine,
): DescribedDoc {
  const doc = parseDesignDoc(markdown);
  const value = (key: string): string | undefined =>
    findField(doc, key)?.value || undefined;
  return {
    report: checkDesignDoc(path, markdown, engine),
    title: doc.title || undefined,
    owner: value("owner"),
    created: value("created"),
  };
}
