import { fixture } from "./engine.js";
import {
  PR,
  REPO,
  startInMemory,
  type InMemoryScenario,
} from "./in-memory-scenario.js";

// The PR the status-by-label tests start from: one doc, In Review at the base and the head,
// its label on. CRLF line endings, to show that a status commit keeps every other byte.

export { PR, REPO };
export const DOC = "docs/design/a.md";
export const IN_REVIEW = fixture("docs/filled-design-doc.md").replace(
  /\n/gu,
  "\r\n",
);
export const APPROVED = IN_REVIEW.replace(
  "**Status:** In Review",
  "**Status:** Approved",
);

/** The in-memory GitHub holding the PR, and what tests look at after an event. */
export interface StatusLabelPr {
  scenario: InMemoryScenario;
  /** The PR's comments, labels, check runs on its head and the bot's reviews. */
  state(): ReturnType<InMemoryScenario["github"]["pullRequestState"]>;
  /** The checklist comment's body. */
  comment(): string;
  /** The commits on the PR that the bot made. */
  botCommits(): ReturnType<InMemoryScenario["github"]["commitsOf"]>;
}

/** Opens the PR (from a fork with `fork`) on a fresh in-memory GitHub. */
export async function openStatusLabelPr(
  options: { fork?: boolean } = {},
): Promise<StatusLabelPr> {
  const scenario = await startInMemory();
  const { github } = scenario;
  github.setPullRequest(REPO, PR, {
    base: { [DOC]: IN_REVIEW },
    files: { [DOC]: `${IN_REVIEW}More.\r\n` },
    labels: ["In Review"],
    fork: options.fork === true,
  });
  const state = () => github.pullRequestState(REPO, PR);
  return {
    scenario,
    state,
    comment: () => state().comments[0]?.body ?? "",
    botCommits: () =>
      github
        .commitsOf(REPO, PR)
        .filter((commit) => commit.author.login === github.botLogin),
  };
}
