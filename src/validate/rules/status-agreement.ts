import type { StatusSource } from "../read-status.js";
import { fieldRequirement, unmetCited, type Rule } from "../rule.js";

const WHERE: Readonly<Record<StatusSource["form"], string>> = {
  frontmatter: "in the front matter",
  bold: "in a header line",
  line: "in a header line",
  table: "in the header table",
};

/** A doc that gives its Status twice (front matter and body) gives the same one both times. */
export const statusAgreement: Rule = {
  id: "status-agreement",
  check(context) {
    const { disagreement } = context.status;
    if (!disagreement) return [];
    const [first, second] = [disagreement.counted, disagreement.other].sort(
      (a, b) => a.line - b.line,
    ) as [StatusSource, StatusSource];
    const at = (source: StatusSource): string =>
      `"${source.raw}" ${WHERE[source.form]} (line ${source.line})`;
    return [
      unmetCited(
        this.id,
        fieldRequirement("Status"),
        `Status is ${at(first)} but ${at(second)}; expected one Status, and until they agree the least advanced, ${disagreement.counted.value}, counts`,
        disagreement.counted.line,
      ),
    ];
  },
};
