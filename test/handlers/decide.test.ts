import { describe, expect, test } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import { statusLabelsOf } from "../../src/config/status-labels.js";
import { DEFAULT_STATUS_RULE } from "../../src/config/status-rules.js";
import type { ExistingComment } from "../../src/github/client.js";
import {
  decide,
  decideAfterWrites,
  type Decision,
  type ReportPlan,
} from "../../src/handlers/decide.js";
import { vocabularyOf } from "../../src/handlers/load-repo-config.js";
import {
  reportsOn,
  type DocFile,
} from "../../src/handlers/read-doc-reports.js";
import type { RunEvent } from "../../src/handlers/run-context.js";
import type {
  LabelFacts,
  PullRequestSnapshot,
  StatusesWritten,
} from "../../src/handlers/snapshot.js";
import { encodeState } from "../../src/report/comment-state.js";
import { commentBody } from "../../src/report/plan-comment.js";
import type { RunPlan } from "../../src/report/plan-run.js";
import {
  BUILTIN_TEMPLATE_IDS,
  loadBuiltinTemplates,
} from "../../src/templates/builtin-templates.js";
import { checkDesignDoc } from "../../src/validate/check-design-doc.js";
import { engineFor, fixture } from "../helpers/engine.js";

// The decision on a PR is a pure function of what was gathered and the event: each case sets
// up a snapshot, decides, and looks at what the PR would be made to show.

const APP_ID = 1;
const DOC = "docs/design/a.md";
const FILLED = fixture("docs/filled-design-doc.md");
const withStatus = (status: string): string =>
  FILLED.replace("**Status:** In Review", `**Status:** ${status}`);

interface Given {
  docs?: Record<string, string>;
  config?: Record<string, unknown>;
  labels?: string[];
  comments?: ExistingComment[];
  checkRuns?: PullRequestSnapshot["checkRuns"];
  label?: Partial<LabelFacts> & { name: string };
  fork?: boolean;
  approvedBy?: string[];
  reviewing?: PullRequestSnapshot["reviewing"];
  proposed?: PullRequestSnapshot["proposed"];
}

/** A snapshot of PR #2 at head `h1`, its docs checked by the engine the App would build. */
function snapshotOf(given: Given = {}): PullRequestSnapshot {
  const raw = given.config ?? {};
  const { config, errors } = parseConfig(raw, BUILTIN_TEMPLATE_IDS);
  const vocabulary = vocabularyOf(config, loadBuiltinTemplates());
  const statusLabels = statusLabelsOf(
    vocabulary.map((status) => status.name),
    config.labels,
  );
  const texts = given.docs ?? { [DOC]: FILLED };
  const docs: DocFile[] = Object.keys(texts).map((path) => ({
    path,
    status: "modified",
    sha: `blob-${path}`,
    previousPath: undefined,
    patch: undefined,
  }));
  const reports =
    errors.length > 0
      ? []
      : docs.map((doc) =>
          checkDesignDoc(doc.path, texts[doc.path] ?? "", engineFor(raw)),
        );
  const statusLabel = given.label
    ? statusLabels.find((label) => label.name === given.label?.name)
    : undefined;
  const ours = given.comments ?? [];
  return {
    config,
    errors,
    vocabulary,
    statusLabels,
    pr: {
      headSha: "h1",
      headRef: "design",
      headInRepo: given.fork !== true,
      baseSha: "b1",
      draft: false,
      open: true,
      labels: given.labels ?? [],
      changedFiles: docs.length,
      owner: "Codertocat",
      author: "Codertocat",
      requestedReviewers: [],
      requestedTeams: [],
    },
    docs,
    reports,
    ours,
    reported: ours.length > 0,
    state: { pending: undefined },
    checkRuns: given.checkRuns ?? [],
    truncated: undefined,
    configNotes: [],
    proposed: given.proposed,
    approvals: {
      moves: given.approvedBy
        ? reports
            .filter((report) => report.status.value === "Approved")
            .map((report) => ({
              path: report.path,
              status: "Approved",
              before: "In Review",
              rule: config.rules["Approved"] ?? DEFAULT_STATUS_RULE,
              approvedBy: given.approvedBy ?? [],
            }))
        : [],
      pending: undefined,
    },
    reviewing: given.reviewing,
    label: statusLabel && {
      label: statusLabel,
      action: "labeled",
      sender: "Codertocat",
      senderMaySet: true,
      seen: docs.map((doc) => doc.path),
      labelEvent: 7,
      ...given.label,
    },
  };
}

const CHANGE: RunEvent = { kind: "change" };

function planOf(decision: Decision): ReportPlan {
  if (!("plan" in decision)) throw new Error("expected a plan");
  return decision.plan;
}

/** The snapshot GitHub would give once the plan is applied: its comment, labels, check run. */
function applied(snapshot: PullRequestSnapshot, plan: RunPlan) {
  const body = plan.comment.create ?? plan.comment.update?.body;
  const comments: ExistingComment[] =
    body === undefined
      ? snapshot.ours
      : [
          {
            id: 1,
            body,
            createdAt: "2026-11-23T00:00:00Z",
            appId: APP_ID,
            author: "design-docs-bot[bot]",
          },
        ];
  return {
    ...snapshot,
    ours: comments,
    reported: true,
    pr: {
      ...snapshot.pr,
      labels: [
        ...snapshot.pr.labels.filter(
          (name) => !plan.labels.remove.includes(name),
        ),
        ...plan.labels.add,
      ],
    },
    checkRuns: plan.checkRun
      ? [
          {
            id: 10,
            completed: true,
            conclusion: plan.checkRun.conclusion,
            title: plan.checkRun.title,
            summary: plan.checkRun.summary,
          },
        ]
      : snapshot.checkRuns,
    label: undefined,
  };
}

const lines = (plan: RunPlan): string[] =>
  (plan.comment.create ?? plan.comment.update?.body ?? "").split("\n");

describe("a PR the bot has not reported on", () => {
  test.each([
    {
      name: "a filled doc: comment, its status label, a passing check run",
      given: {},
      labels: { add: ["In Review"], remove: [] },
      conclusion: "success",
    },
    {
      name: "an Approved doc replaces the stale label, leaving others alone",
      given: {
        docs: { [DOC]: withStatus("Approved") },
        labels: ["bug", "WIP"],
      },
      labels: { add: ["Approved"], remove: ["WIP"] },
      conclusion: "success",
    },
    {
      name: "a doc with no Status: no status label, a failing check run",
      given: { docs: { [DOC]: FILLED.replace("**Status:** In Review\n", "") } },
      labels: { add: [], remove: [] },
      conclusion: "failure",
    },
    {
      name: "an invalid config: its errors, and no label change",
      given: { config: { mode: "loud" }, labels: ["WIP"] },
      labels: { add: [], remove: [] },
      conclusion: "failure",
    },
  ])("$name", ({ given, labels, conclusion }) => {
    const snapshot = snapshotOf(given);
    const plan = planOf(decide(snapshot, CHANGE));
    expect(plan.labels).toEqual(labels);
    expect(plan.checkRun?.conclusion).toBe(conclusion);
    expect(plan.checkRun?.headSha).toBe("h1");
    expect(plan.comment.create?.startsWith(commentBody(""))).toBe(true);
    // Once GitHub shows the plan, the same event decides nothing: a redelivery is free.
    const again = planOf(decide(applied(snapshot, plan), CHANGE));
    expect(again.comment).toEqual({
      create: undefined,
      update: undefined,
      remove: [],
    });
    expect(again.labels).toEqual({ add: [], remove: [] });
    expect(again.checkRun).toBeUndefined();
  });

  test("with comment: on-failure, a passing doc gets a label and a check run but no comment", () => {
    const plan = planOf(
      decide(snapshotOf({ config: { comment: "on-failure" } }), CHANGE),
    );
    expect(plan.comment.create).toBeUndefined();
    expect(plan.labels.add).toEqual(["In Review"]);
  });
});

describe("a PR that is current", () => {
  const current = (): PullRequestSnapshot => {
    const snapshot = snapshotOf();
    return applied(snapshot, planOf(decide(snapshot, CHANGE)));
  };

  test("a re-run writes a fresh check run, and nothing else", () => {
    const plan = planOf(decide(current(), { kind: "rerun", checkRunId: 10 }));
    expect(plan.checkRun?.conclusion).toBe("success");
    expect(plan.comment.update).toBeUndefined();
    expect(plan.labels).toEqual({ add: [], remove: [] });
  });

  test("a re-run already answered by a newer check run writes nothing", () => {
    const plan = planOf(decide(current(), { kind: "rerun", checkRunId: 9 }));
    expect(plan.checkRun).toBeUndefined();
  });

  test("duplicate checklist comments from concurrent runs: the oldest is kept", () => {
    const snapshot = current();
    const [kept] = snapshot.ours;
    const plan = planOf(
      decide(
        {
          ...snapshot,
          ours: [...snapshot.ours, { ...(kept as ExistingComment), id: 2 }],
        },
        CHANGE,
      ),
    );
    expect(plan.comment.remove).toEqual([2]);
    expect(plan.comment.update).toBeUndefined();
  });
});

describe("a status label", () => {
  const labeled = (label: Given["label"], given: Given = {}): Decision =>
    decide(
      snapshotOf({
        ...given,
        ...(label && { label }),
        labels: label?.action === "unlabeled" ? [] : [label?.name ?? ""],
      }),
      {
        kind: "label",
        action: label?.action ?? "labeled",
        label: label?.name ?? "",
        sender: "Codertocat",
      },
    );

  test("added by someone allowed: the docs are written first, on the PR branch", () => {
    const decision = labeled({ name: "Approved" });
    expect(decision).toEqual({
      statusWrite: expect.objectContaining({
        status: "Approved",
        by: "Codertocat",
        labelEvent: 7,
        docs: [expect.objectContaining({ path: DOC })],
        branch: "design",
        headSha: "h1",
        suggest: true,
        notes: [],
      }),
    });
  });

  test("on a fork's PR: no branch to commit on, so the change is suggested", () => {
    const decision = labeled({ name: "Approved" }, { fork: true });
    expect("statusWrite" in decision && decision.statusWrite.branch).toBe(
      undefined,
    );
  });

  test("added by someone not allowed: taken off again, and the comment says who may set it", () => {
    const plan = planOf(labeled({ name: "Approved", senderMaySet: false }));
    expect(plan.labels).toEqual({ add: ["In Review"], remove: ["Approved"] });
    expect(lines(plan).join("\n")).toContain(
      "Codertocat added **Approved**, but only people with write, maintain or admin access to the repository may set that status, so the label was taken off again.",
    );
  });

  test("added before a doc changed: that doc is not written, and the comment says so", () => {
    const decision = labeled({ name: "Approved", seen: [] });
    const plan = planOf(decision);
    expect(lines(plan).join("\n")).toContain(
      `added **Approved** before ${DOC} changed, so the bot did not set it: add the label again to set that doc too.`,
    );
  });

  test("removed: the label the docs call for comes back, with how to change status", () => {
    const plan = planOf(labeled({ name: "In Review", action: "unlabeled" }));
    expect(plan.labels.add).toEqual(["In Review"]);
    expect(lines(plan).join("\n")).toContain(
      "removed the **In Review** label. The status label follows the Status written in the docs",
    );
  });

  test("one every doc already says: nothing to write", () => {
    const decision = labeled(
      { name: "Approved" },
      { docs: { [DOC]: withStatus("Approved") } },
    );
    expect("plan" in decision).toBe(true);
  });
});

describe("after the bot's own status writes", () => {
  const written = (change: Partial<StatusesWritten> = {}): StatusesWritten => ({
    own: undefined,
    set: { status: "Approved", by: "Codertocat", paths: [] },
    pending: { status: "Approved", by: "Codertocat" },
    notes: [],
    ...change,
  });

  test("a status left to the author: its label stays, the comment says what to change", () => {
    const plan = decideAfterWrites(
      snapshotOf({ labels: ["Approved"] }),
      CHANGE,
      written(),
    );
    expect(plan.labels).toEqual({ add: [], remove: [] });
    const body = lines(plan).join("\n");
    expect(body).toContain(
      "set **Approved**, but Design Docs Bot cannot push to this branch. To apply it, change:",
    );
    expect(body).toContain(encodeState({ pending: { status: "Approved" } })[0]);
  });

  test("every doc written, a status suggested earlier still standing: it stays pending", () => {
    const snapshot = snapshotOf({ labels: ["Obsolete", "Approved"] });
    const plan = decideAfterWrites(
      {
        ...snapshot,
        approvals: {
          moves: [],
          pending: { status: "Approved", by: "lead" },
        },
      },
      CHANGE,
      written({
        set: { status: "Obsolete", by: "Codertocat", paths: [DOC] },
        pending: undefined,
      }),
    );
    expect(plan.labels).toEqual({ add: [], remove: ["Obsolete"] });
    expect(lines(plan).join("\n")).toContain(
      "set **Approved**, but Design Docs Bot cannot push to this branch.",
    );
  });

  test("every doc written: the plan is that of the new head", () => {
    const plan = decideAfterWrites(
      snapshotOf({
        docs: { [DOC]: withStatus("Approved") },
        labels: ["Approved"],
      }),
      CHANGE,
      written({ pending: undefined }),
    );
    expect(plan.labels).toEqual({ add: [], remove: [] });
    expect(plan.checkRun?.conclusion).toBe("success");
  });
});

describe("a move into a restricted status", () => {
  const config = {
    statuses: {
      WIP: null,
      "In Review": null,
      Approved: { requireApprovals: 1 },
      Obsolete: null,
    },
  };

  test("without an approval from someone allowed: a failing check run naming the need", () => {
    const plan = planOf(
      decide(
        snapshotOf({
          config,
          docs: { [DOC]: withStatus("Approved") },
          approvedBy: [],
        }),
        CHANGE,
      ),
    );
    expect(plan.checkRun?.conclusion).toBe("failure");
    expect(plan.checkRun?.summary).toContain(
      'Status moved from "In Review" to "Approved"; that needs 1 approving review from people with write, maintain or admin access to the repository, 0 so far',
    );
  });

  test("approved by someone allowed: it passes", () => {
    const plan = planOf(
      decide(
        snapshotOf({
          config,
          docs: { [DOC]: withStatus("Approved") },
          approvedBy: ["octocat"],
        }),
        CHANGE,
      ),
    );
    expect(plan.checkRun?.conclusion).toBe("success");
  });
});

describe("merge rules", () => {
  const MERGE = { merge: { statuses: ["Approved", "obsolete"] } };
  const MERGE_LINE =
    "- [ ] docs/design/a.md is In Review; this repository merges design docs when Approved or Obsolete \\(line 4\\)";
  test.each([
    {
      name: "a doc In Review fails the check run, one line saying why",
      given: { config: MERGE },
      conclusion: "failure",
      line: MERGE_LINE,
    },
    {
      name: "an Approved doc may merge",
      given: { config: MERGE, docs: { [DOC]: withStatus("Approved") } },
      conclusion: "success",
      line: "- [x] Status Approved or Obsolete to merge",
    },
    {
      name: "without merge, any status may merge",
      given: {},
      conclusion: "success",
      line: undefined,
    },
    {
      name: "a doc without a Status is outside the list too",
      given: {
        config: MERGE,
        docs: { [DOC]: FILLED.replace("**Status:** In Review\n", "") },
      },
      conclusion: "failure",
      line: "- [ ] docs/design/a.md is without a Status this repository knows; this repository merges design docs when Approved or Obsolete",
    },
  ])("$name", ({ given, conclusion, line }) => {
    const plan = planOf(decide(snapshotOf(given), CHANGE));
    expect(plan.checkRun?.conclusion).toBe(conclusion);
    const merge = lines(plan).filter((text) => text.includes("merge"));
    expect(merge).toEqual(line ? [line] : []);
  });

  test("drafts: wip leniency does not soften the merge line: the check run still fails", () => {
    const snapshot = snapshotOf({ config: { ...MERGE, drafts: "wip" } });
    const draft: PullRequestSnapshot = {
      ...snapshot,
      pr: { ...snapshot.pr, draft: true },
      reports: reportsOn(
        { ...snapshot.pr, draft: true },
        snapshot.config,
        snapshot.reports,
      ),
    };
    const plan = planOf(decide(draft, CHANGE));
    expect(plan.checkRun?.conclusion).toBe("failure");
    expect(plan.checkRun?.annotations).toEqual([
      expect.objectContaining({
        path: DOC,
        start_line: 4,
        annotation_level: "failure",
        message:
          "docs/design/a.md is In Review; this repository merges design docs when Approved or Obsolete (line 4)",
      }),
    ]);
  });
});

describe("reviewers by status", () => {
  const REVIEWERS = { statuses: { "In Review": { reviewers: ["alice"] } } };
  const reviewing = {
    reached: ["In Review"],
    reviewed: [],
    approvedBy: {},
    failure: undefined,
  };
  test.each([
    {
      name: "a doc at a status with reviewers: they are to be asked first",
      given: { config: REVIEWERS, reviewing },
      reviews: [
        { status: "In Review", users: ["alice"], teams: [], names: ["alice"] },
      ],
    },
    {
      name: "dry-run: nobody is asked",
      given: { config: { ...REVIEWERS, mode: "dry-run" }, reviewing },
      reviews: [],
    },
    {
      name: "asked before, as the comment remembers: nobody",
      given: {
        config: REVIEWERS,
        reviewing,
        state: { reviews: { "In Review": { asked: ["alice"] } } },
      },
      reviews: [],
    },
  ])("$name", ({ given, reviews }) => {
    const { state, ...rest } = given;
    const snapshot = { ...snapshotOf(rest), state: state ?? {} };
    const plan = planOf(decide(snapshot, CHANGE));
    expect(plan.reviews).toEqual(reviews);
  });

  test("what was asked is remembered in the comment's state", () => {
    const snapshot = snapshotOf({ config: REVIEWERS, reviewing });
    const asked = {
      ...snapshot,
      state: { reviews: { "In Review": { asked: ["alice"] } } },
    };
    const body = planOf(decide(asked, CHANGE)).comment.create ?? "";
    expect(body).toContain(
      "Reviewers for **In Review**: reviews requested from @&#8203;alice. Approved by nobody yet.",
    );
    expect(body).toContain(
      '<!-- design-docs-bot: state {"reviews":{"In Review":{"asked":["alice"]}}} -->',
    );
  });
});
