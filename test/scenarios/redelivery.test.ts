import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { rerunEvent, reviewEvent } from "../helpers/app.js";
import { fixture } from "../helpers/engine.js";
import { PR, REPO, startScenario, type Scenario } from "../helpers/scenario.js";

// GitHub redelivers a webhook when asked to, or when it saw no answer in time. A redelivery
// of any event the App takes finds the PR current and writes nothing.

const IN_REVIEW = fixture("docs/filled-design-doc.md");
const APPROVED = IN_REVIEW.replace(
  "**Status:** In Review",
  "**Status:** Approved",
);
const CONFIGS = {
  "no restricted status": undefined,
  "Approved restricted to lead": [
    "statuses:",
    "  WIP:",
    "  In Review:",
    "  Approved: { setBy: [lead], requireApprovals: 1 }",
    "  Obsolete:",
  ].join("\n"),
};

type Step = (scenario: Scenario) => Promise<Parameters<Scenario["deliver"]>[0]>;

/** A `pull_request` event of this action for the PR as it is, delivered once. */
function delivered(action: string): Step {
  return async (s) => {
    const event = s.event(action);
    await s.deliver(event);
    return event;
  };
}

/** Each event the App takes, brought about as it would be on GitHub, then delivered once. */
const EVENTS: Record<string, Step> = {
  opened: delivered("opened"),
  reopened: delivered("reopened"),
  synchronize: (s) => s.push({ "docs/design/a.md": `${APPROVED}\nMore.\n` }),
  edited: delivered("edited"),
  ready_for_review: delivered("ready_for_review"),
  converted_to_draft: delivered("converted_to_draft"),
  "labeled by someone allowed (a status commit)": async (s) => {
    s.github.setPermission(REPO, "lead", "write");
    s.github.setPullRequest(REPO, PR, {
      base: { "docs/design/a.md": IN_REVIEW },
      files: { "docs/design/a.md": `${IN_REVIEW}\nMore.\n` },
    });
    await s.label("Approved", "lead");
    expect(s.github.headText(REPO, PR, "docs/design/a.md")).toContain(
      "**Status:** Approved",
    );
    return s.event("labeled", (payload) => {
      payload.sender = { login: "lead", type: "User" };
      payload.label = { name: "Approved" };
    });
  },
  "labeled by someone not allowed (taken off)": async (s) => {
    s.github.setPermission(REPO, "mallory", "read");
    return s.label("Obsolete", "mallory");
  },
  "labeled on a fork's PR (a suggestion)": async (s) => {
    s.github.setPermission(REPO, "lead", "write");
    s.github.setPullRequest(REPO, PR, {
      base: { "docs/design/a.md": IN_REVIEW },
      files: { "docs/design/a.md": `${IN_REVIEW}\nMore.\n` },
      fork: true,
    });
    return s.label("Approved", "lead");
  },
  unlabeled: async (s) => {
    await s.deliver(s.event("opened"));
    return s.unlabel("In Review", "Codertocat");
  },
  "review submitted": (s) => s.review("lead", "APPROVED"),
  "review dismissed": async (s) => {
    const { id } = s.github.addReview(REPO, PR, {
      user: "lead",
      state: "APPROVED",
    });
    s.github.dismissReview(REPO, id);
    const event = reviewEvent("dismissed", (payload) => {
      payload.pull_request.head.sha = s.github.headOf(REPO, PR);
    });
    await s.deliver(event);
    return event;
  },
  "check re-run": async (s) => {
    await s.deliver(s.event("opened"));
    const [latest] = s.github.pullRequestState(REPO, PR).checkRuns.slice(-1);
    const event = rerunEvent((checkRun) => {
      Object.assign(checkRun, {
        id: latest?.id,
        head_sha: s.github.headOf(REPO, PR),
      });
    });
    await s.deliver(event);
    return event;
  },
};

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(async () => {
  await scenario.stop();
});

describe.each(Object.entries(CONFIGS))("with %s", (_name, config) => {
  test.each(Object.keys(EVENTS))(
    "%s, delivered again, writes nothing",
    async (name) => {
      if (config)
        scenario.github.repo(REPO).files.set(".github/design-docs.yml", config);
      scenario.github.setPullRequest(REPO, PR, {
        base: { "docs/design/a.md": IN_REVIEW },
        files: { "docs/design/a.md": APPROVED },
      });
      const event = await (EVENTS[name] as Step)(scenario);
      const mark = scenario.mark();
      await scenario.deliver(event);
      expect(scenario.writesSince(mark)).toEqual([]);
    },
  );
});
