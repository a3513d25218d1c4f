import { unmet, type Rule } from "../rule.js";

/** Front matter, where there is some, can be read. */
export const frontMatter: Rule = {
  id: "front-matter",
  check(context) {
    return context.doc.problems.map((problem) =>
      unmet(this.id, "Front matter", problem.message, problem.line),
    );
  },
};
